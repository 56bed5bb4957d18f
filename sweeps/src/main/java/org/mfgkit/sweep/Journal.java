package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows a sweep has finished, one JSON line each, appended and flushed as each point ends, in a
 * hidden file next to the output directory ({@code .NAME.sweep-journal.jsonl}). A killed sweep
 * keeps it; {@code --resume} reads it (or, after a completed sweep, the rows of its {@code
 * result.json}) and runs only the points that are missing. The first line holds the sweep's
 * fingerprint (a SHA-256 of the base, the metrics and every point), so rows of another sweep are
 * never mixed in. A torn last line (a kill mid-write) is ignored.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    private Journal(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** The journal file of output directory {@code target}. */
    public static Path fileFor(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".sweep-journal.jsonl");
    }

    /** The fingerprint of a sweep: base, metrics and points. */
    public static String fingerprint(SweepSpec spec, List<SweepPoint> points) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(spec.base().kind().name().getBytes(StandardCharsets.UTF_8));
            d.update(spec.base().config().toString().getBytes(StandardCharsets.UTF_8));
            d.update(spec.base().seedPath().getBytes(StandardCharsets.UTF_8));
            d.update(spec.metrics().toString().getBytes(StandardCharsets.UTF_8));
            for (SweepPoint p : points) {
                String line = p.index() + " " + p.values() + " " + p.seed() + "\n";
                d.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a new journal (replacing an old one) with {@code fingerprint} and {@code kept} rows.
     */
    public static Journal start(Path file, String fingerprint, Iterable<PointResult> kept)
            throws IOException {
        Files.createDirectories(file.getParent());
        BufferedWriter w =
                Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
        ObjectNode head = MAPPER.createObjectNode();
        head.put("fingerprint", fingerprint);
        w.write(head.toString());
        w.newLine();
        Journal j = new Journal(file, w);
        for (PointResult r : kept) {
            j.append(r);
        }
        w.flush();
        return j;
    }

    /** Appends one row and flushes it to the file. */
    public synchronized void append(PointResult r) {
        try {
            out.write(toJson(r).toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the journal " + file + ": " + e, e);
        }
    }

    /**
     * The rows of an earlier run of the same sweep, by point index: from the journal if there is
     * one, else from {@code resultJson}'s {@code rows}; empty when there is neither.
     *
     * @throws IllegalArgumentException when they belong to another sweep (another fingerprint)
     */
    public static Map<Integer, PointResult> load(
            Path journal, Path resultJson, String fingerprint, int pointCount) throws IOException {
        Map<Integer, PointResult> rows = new TreeMap<>();
        if (Files.exists(journal)) {
            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return rows;
            }
            String fp = MAPPER.readTree(lines.get(0)).path("fingerprint").asText();
            check(fp, fingerprint, journal);
            for (int i = 1; i < lines.size(); i++) {
                JsonNode n;
                try {
                    n = MAPPER.readTree(lines.get(i));
                } catch (IOException torn) {
                    continue; // a line cut by a kill
                }
                PointResult r = fromJson(n);
                if (r.index() < pointCount) {
                    rows.put(r.index(), r);
                }
            }
            return rows;
        }
        if (Files.exists(resultJson)) {
            JsonNode doc = MAPPER.readTree(resultJson.toFile());
            check(doc.path("fingerprint").asText(), fingerprint, resultJson);
            for (JsonNode n : doc.path("rows")) {
                PointResult r = fromJson(n);
                rows.put(r.index(), r);
            }
        }
        return rows;
    }

    private static void check(String found, String expected, Path where) {
        if (!found.equals(expected)) {
            throw new IllegalArgumentException(
                    "--resume: "
                            + where
                            + " holds rows of another sweep (the file, its base or its points changed); run without --resume");
        }
    }

    /** One row as the journal and {@code result.json} hold it. */
    static ObjectNode toJson(PointResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("point", r.index());
        n.put("status", r.status());
        n.put("error", r.error());
        ArrayNode m = n.putArray("metric_values");
        for (double v : r.metrics()) {
            if (Double.isFinite(v)) {
                m.add(v);
            } else {
                m.addNull();
            }
        }
        n.put("seconds", r.seconds());
        return n;
    }

    static PointResult fromJson(JsonNode n) {
        JsonNode m = n.path("metric_values");
        double[] metrics = new double[m.size()];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = m.get(i).isNumber() ? m.get(i).doubleValue() : Double.NaN;
        }
        return new PointResult(
                n.path("point").asInt(),
                n.path("status").asText().equals("ok"),
                n.path("error").asText(),
                metrics,
                n.path("seconds").asDouble());
    }

    /** Closes the file (it stays on disk). */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Closes and deletes the journal (the sweep's result is committed). */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }
}
