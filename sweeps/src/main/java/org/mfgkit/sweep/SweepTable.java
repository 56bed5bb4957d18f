package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep.csv}: one row per point in point order, columns {@code point}, every varied
 * parameter (by path), {@code seed}, every metric, {@code status} ({@code ok}/{@code failed}),
 * {@code error} (the one-line error, empty when ok) and last {@code seconds}, the point's wall
 * time: the only column that changes from run to run, so comparisons drop it. Numbers are Java's
 * {@code Double.toString} (exact round trip), a missing metric is {@code NaN}, text cells are
 * quoted as RFC 4180 requires.
 */
public final class SweepTable {
    private SweepTable() {}

    /** The header cells. */
    public static List<String> header(SweepSpec spec) {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(spec.parameterNames());
        h.add("seed");
        h.addAll(spec.metrics().keySet());
        h.addAll(List.of("status", "error", "seconds"));
        return h;
    }

    /** The cells of one row. */
    public static List<String> row(SweepSpec spec, SweepPoint p, PointResult r) {
        List<String> c = new ArrayList<>();
        c.add(Integer.toString(p.index()));
        for (String name : spec.parameterNames()) {
            c.add(cell(p.values().get(name)));
        }
        c.add(Long.toString(p.seed()));
        for (double m : r.metrics()) {
            c.add(Double.toString(m));
        }
        c.add(r.status());
        c.add(r.error());
        c.add(Double.toString(r.seconds()));
        return c;
    }

    /** Writes the table. */
    public static void write(
            Path file, SweepSpec spec, List<SweepPoint> points, List<PointResult> results)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(header(spec)));
            for (int i = 0; i < points.size(); i++) {
                w.write(line(row(spec, points.get(i), results.get(i))));
            }
        }
    }

    /** A JSON value as a cell: numbers as Java prints them, text as is. */
    static String cell(JsonNode v) {
        if (v == null) {
            return "";
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return Double.toString(v.doubleValue());
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        return b.append('\n').toString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0
                && s.indexOf('"') < 0
                && s.indexOf('\n') < 0
                && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
