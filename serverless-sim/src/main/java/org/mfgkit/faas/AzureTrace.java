package org.mfgkit.faas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Invocation counts in the schema of the Azure Functions 2019 trace ({@code
 * invocations_per_function_md.anon.dXX.csv}): header {@code
 * HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440} and one row per function holding its number
 * of invocations in each minute of the day. Files with fewer minute columns ({@code 1..M}, {@code M
 * <= 1440}) are accepted. Malformed input is rejected with an {@link IllegalArgumentException}
 * naming the file, the line and the column (1-based field index and its header name).
 *
 * @param source where the trace came from (file name), used in messages
 * @param minutes number of minute columns
 * @param rows the functions
 */
public record AzureTrace(String source, int minutes, List<Row> rows) {
    /** Column names before the minute columns. */
    public static final String[] KEY_COLUMNS = {"HashOwner", "HashApp", "HashFunction", "Trigger"};

    /** Minutes of one day, the number of count columns in the Azure schema. */
    public static final int DAY_MINUTES = 1440;

    public AzureTrace {
        if (minutes <= 0 || minutes > DAY_MINUTES) {
            throw new IllegalArgumentException(
                    "trace "
                            + source
                            + ": minutes must be in 1.."
                            + DAY_MINUTES
                            + ", got "
                            + minutes);
        }
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.counts().length != minutes) {
                throw new IllegalArgumentException(
                        "trace "
                                + source
                                + ": row "
                                + r.hashFunction()
                                + " has "
                                + r.counts().length
                                + " minutes, expected "
                                + minutes);
            }
        }
    }

    /**
     * One function of the trace.
     *
     * @param hashOwner anonymised owner
     * @param hashApp anonymised application
     * @param hashFunction anonymised function
     * @param trigger trigger type ({@code http}, {@code timer}, {@code queue}, {@code event}, ...)
     * @param counts invocations in minute {@code m} at {@code counts[m-1]}
     */
    public record Row(
            String hashOwner, String hashApp, String hashFunction, String trigger, int[] counts) {
        public Row {
            for (String s : new String[] {hashOwner, hashApp, hashFunction, trigger}) {
                if (s == null || s.isEmpty() || s.indexOf(',') >= 0) {
                    throw new IllegalArgumentException(
                            "trace row keys must be non-empty and comma-free, got '" + s + "'");
                }
            }
            counts = counts.clone();
            for (int m = 0; m < counts.length; m++) {
                if (counts[m] < 0) {
                    throw new IllegalArgumentException(
                            "trace row " + hashFunction + ": negative count at minute " + (m + 1));
                }
            }
        }

        /**
         * Total invocations over the minutes {@code [from, from+length)} (0-based minute indices).
         */
        public long total(int from, int length) {
            long s = 0;
            for (int m = from; m < from + length; m++) {
                s += counts[m];
            }
            return s;
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        /** Invocations in 0-based minute {@code m} (no copy). */
        public int count(int m) {
            return counts[m];
        }
    }

    /** Reads a trace file. */
    public static AzureTrace read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the trace shipped in the module's resources ({@code name} relative to {@code
     * org/mfgkit/faas/}).
     */
    public static AzureTrace resource(String name) {
        var stream = AzureTrace.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalArgumentException("no trace resource named " + name);
        }
        try (Reader in = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return parse(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a trace; {@code source} names it in error messages. */
    public static AzureTrace parse(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(
                    source
                            + ": line 1: empty file, expected the header "
                            + "HashOwner,HashApp,HashFunction,Trigger,1,...,1440");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String[] names = header.split(",", -1);
        for (int c = 0; c < KEY_COLUMNS.length; c++) {
            if (c >= names.length || !names[c].trim().equals(KEY_COLUMNS[c])) {
                throw new IllegalArgumentException(
                        source
                                + ": line 1, column "
                                + (c + 1)
                                + ": expected header '"
                                + KEY_COLUMNS[c]
                                + "', got '"
                                + (c < names.length ? names[c] : "")
                                + "'");
            }
        }
        int minutes = names.length - KEY_COLUMNS.length;
        if (minutes < 1 || minutes > DAY_MINUTES) {
            throw new IllegalArgumentException(
                    source
                            + ": line 1: expected 1 to "
                            + DAY_MINUTES
                            + " minute columns after Trigger, got "
                            + minutes);
        }
        for (int m = 1; m <= minutes; m++) {
            int c = KEY_COLUMNS.length + m - 1;
            if (!names[c].trim().equals(Integer.toString(m))) {
                throw new IllegalArgumentException(
                        source
                                + ": line 1, column "
                                + (c + 1)
                                + ": expected minute header '"
                                + m
                                + "', got '"
                                + names[c]
                                + "'");
            }
        }
        List<Row> rows = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != names.length) {
                int column = Math.min(f.length, names.length) + 1;
                throw new IllegalArgumentException(
                        source
                                + ": line "
                                + lineNo
                                + ", column "
                                + column
                                + ": expected "
                                + names.length
                                + " fields (4 keys and "
                                + minutes
                                + " minutes), got "
                                + f.length);
            }
            for (int c = 0; c < KEY_COLUMNS.length; c++) {
                if (f[c].isEmpty()) {
                    throw new IllegalArgumentException(
                            source
                                    + ": line "
                                    + lineNo
                                    + ", column "
                                    + (c + 1)
                                    + " ("
                                    + KEY_COLUMNS[c]
                                    + "): empty value");
                }
            }
            int[] counts = new int[minutes];
            for (int m = 0; m < minutes; m++) {
                int c = KEY_COLUMNS.length + m;
                counts[m] = parseCount(f[c], source, lineNo, c + 1, m + 1);
            }
            rows.add(new Row(f[0], f[1], f[2], f[3], counts));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no function rows after the header");
        }
        return new AzureTrace(source, minutes, rows);
    }

    private static int parseCount(String s, String source, int line, int column, int minute) {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(
                    cell(source, line, column, minute) + "empty invocation count");
        }
        // the released Azure files write counts as integers; accept "12.0" as well, nothing else
        try {
            if (t.indexOf('.') >= 0) {
                double d = Double.parseDouble(t);
                if (d >= 0 && d == Math.rint(d) && d <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            } else {
                int v = Integer.parseInt(t);
                if (v >= 0) {
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        if (t.matches("[0-9]{1,1000}(\\.0*)?")) {
            throw new IllegalArgumentException(
                    cell(source, line, column, minute)
                            + "invocation count "
                            + t
                            + " is above the largest count a trace may hold, "
                            + Integer.MAX_VALUE);
        }
        throw new IllegalArgumentException(
                cell(source, line, column, minute)
                        + "expected a non-negative integer invocation count, got '"
                        + s
                        + "'");
    }

    /**
     * Where a count stands, for its error message: {@code "FILE: line L, column C (minute M): "}.
     */
    private static String cell(String source, int line, int column, int minute) {
        return source + ": line " + line + ", column " + column + " (minute " + minute + "): ";
    }

    /** Writes the trace in the Azure schema (header and rows, '\n' line ends). */
    public void write(Writer out) throws IOException {
        writeHeader(out, minutes);
        for (Row r : rows) {
            writeRow(out, r);
        }
    }

    /** Writes the header of a trace of {@code minutes} minute columns (with its line end). */
    public static void writeHeader(Writer out, int minutes) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", KEY_COLUMNS));
        for (int m = 1; m <= minutes; m++) {
            sb.append(',').append(m);
        }
        out.write(sb.append('\n').toString());
    }

    /**
     * Writes one row (with its line end): with {@link #writeHeader}, a trace is written row by row
     * without holding it ({@code faas trace --rows 100000000}).
     */
    public static void writeRow(Writer out, Row r) throws IOException {
        StringBuilder sb = new StringBuilder(200 + 4 * r.counts.length);
        sb.append(r.hashOwner())
                .append(',')
                .append(r.hashApp())
                .append(',')
                .append(r.hashFunction())
                .append(',')
                .append(r.trigger());
        for (int m = 0; m < r.counts.length; m++) {
            sb.append(',').append(r.count(m));
        }
        out.write(sb.append('\n').toString());
    }

    /**
     * A lower bound on the bytes {@link #writeRow} writes per row of {@code minutes} minutes: three
     * 64-digit hashes, a trigger of at least 4 letters, one digit per minute, separators and the
     * line end.
     */
    public static long minRowBytes(int minutes) {
        return 3 * 65L + 4 + 2L * minutes + 1;
    }

    /** Writes the trace to a file (created or replaced). */
    public void write(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file + ": " + e.getMessage(), e);
        }
    }
}
