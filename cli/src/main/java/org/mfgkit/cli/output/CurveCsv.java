package org.mfgkit.cli.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

/**
 * Curves as CSV, "wide per run" format: one row per (series, x), the plotted summary first, then
 * the raw value of every run, so a file both reproduces the plot and keeps the data.
 *
 * <pre>
 * series,iteration,mean,lo,hi,run_0,run_1,run_2
 * NAC,0,0.52,0.50,0.55,0.50,0.55,0.51
 * NAC,1,0.31,0.29,0.33,0.29,0.33,0.31
 * DL-NAC,0,0.52,0.52,0.52,0.52,,
 * </pre>
 *
 * <ul>
 *   <li>The x column is named by the caller ({@code iteration}, {@code time_s}, ...).
 *   <li>{@code lo}/{@code hi} are the band of the given {@link Band} (min–max, ±1 std, or = mean).
 *   <li>{@code run_r} is run {@code r} of the series, in the order the runs were given (the order
 *       of the seeds the experiment records in {@code result.json}); a series with fewer runs than
 *       the widest one leaves its extra cells empty.
 *   <li>Rows of one series are consecutive, in grid order; series in the order given.
 *   <li>Numbers are Java's {@link Double#toString} (round-trips exactly, e.g. {@code 1.0E-5});
 *       non-finite values are {@code NaN}, {@code Infinity}, {@code -Infinity}. Series names are
 *       quoted as RFC 4180 requires. UTF-8, {@code \n} line ends, no comment lines.
 * </ul>
 */
public final class CurveCsv {

    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> FIXED = List.of("mean", "lo", "hi");

    private CurveCsv() {}

    /** Writes {@code curves} to {@code file} atomically. */
    public static Path write(Path file, List<Curve> curves, String xName, Band band)
            throws IOException {
        requireColumnName(xName);
        return AtomicFiles.write(
                file,
                out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    write(w, curves, xName, band);
                    w.flush();
                });
    }

    /** Writes {@code curves} as CSV text to {@code w} (not closed). */
    public static void write(Writer w, List<Curve> curves, String xName, Band band)
            throws IOException {
        requireColumnName(xName);
        int width = curves.stream().mapToInt(Curve::runCount).max().orElse(0);
        StringBuilder line = new StringBuilder("series,").append(xName).append(",mean,lo,hi");
        for (int r = 0; r < width; r++) {
            line.append(",run_").append(r);
        }
        w.write(line.append('\n').toString());
        for (Curve curve : curves) {
            Curve.Stats stats = curve.stats(band);
            String series = quote(curve.name());
            for (int i = 0; i < curve.size(); i++) {
                line.setLength(0);
                line.append(series)
                        .append(',')
                        .append(curve.x()[i])
                        .append(',')
                        .append(stats.mean()[i])
                        .append(',')
                        .append(stats.lo()[i])
                        .append(',')
                        .append(stats.hi()[i]);
                for (int r = 0; r < width; r++) {
                    line.append(',');
                    if (r < curve.runCount()) {
                        line.append(curve.runs()[r][i]);
                    }
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /**
     * Reads curves written by {@link #write}: the x grid and the runs of each series (the summary
     * columns are derived data and are not read back).
     *
     * @throws IllegalArgumentException naming the line when the file is not in this format
     */
    public static List<Curve> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty CSV file");
            }
            List<String> columns = split(header, file, 1);
            if (columns.size() < 5
                    || !columns.get(0).equals("series")
                    || !columns.subList(2, 5).equals(FIXED)) {
                throw new IllegalArgumentException(
                        file + ": header must start with series,<x>,mean,lo,hi but is: " + header);
            }
            int width = columns.size() - 5;
            Map<String, Builder> series = new LinkedHashMap<>();
            String text;
            int lineNo = 1;
            while ((text = in.readLine()) != null) {
                lineNo++;
                if (text.isEmpty()) {
                    continue;
                }
                List<String> cells = split(text, file, lineNo);
                if (cells.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            file
                                    + ", line "
                                    + lineNo
                                    + ": expected "
                                    + columns.size()
                                    + " cells, found "
                                    + cells.size());
                }
                int runs = 0;
                while (runs < width && !cells.get(5 + runs).isEmpty()) {
                    runs++;
                }
                double[] values = new double[runs];
                for (int r = 0; r < runs; r++) {
                    values[r] = number(cells.get(5 + r), file, lineNo);
                }
                for (int r = runs; r < width; r++) {
                    if (!cells.get(5 + r).isEmpty()) {
                        throw new IllegalArgumentException(
                                file
                                        + ", line "
                                        + lineNo
                                        + ": run_"
                                        + r
                                        + " is set but an earlier run is empty");
                    }
                }
                final int lineNumber = lineNo;
                Builder b =
                        series.computeIfAbsent(
                                cells.get(0), name -> new Builder(name, values.length, lineNumber));
                if (b.runs != values.length) {
                    throw new IllegalArgumentException(
                            file
                                    + ", line "
                                    + lineNo
                                    + ": series \""
                                    + b.name
                                    + "\" has "
                                    + values.length
                                    + " runs here but "
                                    + b.runs
                                    + " on line "
                                    + b.firstLine);
                }
                b.x.add(number(cells.get(1), file, lineNo));
                b.rows.add(values);
            }
            List<Curve> curves = new ArrayList<>();
            for (Builder b : series.values()) {
                curves.add(b.build());
            }
            return curves;
        }
    }

    private static void requireColumnName(String xName) {
        if (xName == null
                || !COLUMN_NAME.matcher(xName).matches()
                || xName.equals("series")
                || FIXED.contains(xName)) {
            throw new IllegalArgumentException(
                    "x column name must be an identifier other than series/mean/lo/hi, got: "
                            + xName);
        }
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Splits one RFC 4180 line (no embedded line breaks). */
    private static List<String> split(String line, Path file, int lineNo) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            cell.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException(
                                file + ", line " + lineNo + ": unterminated quoted cell");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException(
                            file + ", line " + lineNo + ": text after a quoted cell");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString());
            if (i >= line.length()) {
                return cells;
            }
            i++; // the comma
        }
    }

    private static double number(String cell, Path file, int lineNo) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + ", line " + lineNo + ": not a number: \"" + cell + "\"");
        }
    }

    private static final class Builder {
        final String name;
        final int runs;
        final int firstLine;
        final List<Double> x = new ArrayList<>();
        final List<double[]> rows = new ArrayList<>();

        Builder(String name, int runs, int firstLine) {
            this.name = name;
            this.runs = runs;
            this.firstLine = firstLine;
        }

        Curve build() {
            double[] grid = x.stream().mapToDouble(Double::doubleValue).toArray();
            double[][] byRun = new double[runs][grid.length];
            for (int i = 0; i < grid.length; i++) {
                for (int r = 0; r < runs; r++) {
                    byRun[r][i] = rows.get(i)[r];
                }
            }
            return new Curve(name, grid, byRun);
        }
    }
}
