package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

/**
 * The plots of a sweep, for every metric:
 *
 * <ul>
 *   <li>{@code METRIC-vs-PARAM.png} (and its data, {@code .csv}) for every numeric parameter with
 *       at least two values: the mean over the points at each value with a min-max band (over the
 *       seeds, and over random samples that share the value); one series per combination of the
 *       other grid axes when there are 2 to 8 combinations, else one series. A failed point makes
 *       its value a gap. The x axis is logarithmic for a log-scale range, the y axis when the
 *       metric is positive and spans more than two decades.
 *   <li>{@code METRIC-heatmap.png} when there are at least two grid axes: the mean of the metric
 *       over seeds (and the other axes) on the first two axes, failed points left out.
 * </ul>
 */
public final class SweepPlots {
    private SweepPlots() {}

    /** The most series a metric-vs-parameter plot shows before it pools them. */
    static final int MAX_SERIES = 8;

    /** Writes every plot into {@code writer}'s directory; returns the base names written. */
    public static List<String> write(
            ResultWriter writer, SweepSpec spec, List<SweepPoint> points, List<PointResult> results)
            throws IOException {
        List<String> written = new ArrayList<>();
        List<String> metrics = new ArrayList<>(spec.metrics().keySet());
        for (int m = 0; m < metrics.size(); m++) {
            for (String param : spec.parameterNames()) {
                if (!numeric(points, param)) {
                    continue;
                }
                List<Curve> curves = curves(spec, points, results, param, m);
                if (curves.isEmpty()) {
                    continue;
                }
                String base = metrics.get(m) + "-vs-" + fileName(param);
                PlotSpec ps =
                        PlotSpec.of(spec.name() + ": " + metrics.get(m), param, metrics.get(m))
                                .withLogX(logScale(spec, param))
                                .withLogY(spansDecades(results, m));
                writer.curves(base, curves, fileName(param), Band.MIN_MAX, ps);
                written.add(base);
            }
            if (spec.grid().size() >= 2) {
                String base = metrics.get(m) + "-heatmap";
                heatMap(writer, spec, points, results, m, base);
                written.add(base);
            }
        }
        return written;
    }

    private static List<Curve> curves(
            SweepSpec spec,
            List<SweepPoint> points,
            List<PointResult> results,
            String param,
            int metric) {
        TreeMap<Double, Integer> xs = new TreeMap<>();
        for (SweepPoint p : points) {
            xs.put(p.values().get(param).doubleValue(), 0);
        }
        if (xs.size() < 2) {
            return List.of();
        }
        double[] x = xs.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < x.length; i++) {
            xs.put(x[i], i);
        }
        Map<String, List<List<Double>>> series = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        long combos = 1;
        for (Axis a : spec.grid()) {
            if (!a.path().equals(param)) {
                others.add(a.path());
                combos *= a.values().size();
            }
        }
        boolean split = combos >= 2 && combos <= MAX_SERIES;
        for (SweepPoint p : points) {
            String key = split ? label(p, others) : spec.metrics().keySet().toArray()[metric] + "";
            List<List<Double>> cells =
                    series.computeIfAbsent(
                            key,
                            k -> {
                                List<List<Double>> c = new ArrayList<>();
                                for (int i = 0; i < x.length; i++) {
                                    c.add(new ArrayList<>());
                                }
                                return c;
                            });
            PointResult r = results.get(p.index());
            double v = r.ok() ? r.metrics()[metric] : Double.NaN;
            cells.get(xs.get(p.values().get(param).doubleValue())).add(v);
        }
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, List<List<Double>>> e : series.entrySet()) {
            int runs = e.getValue().stream().mapToInt(List::size).max().orElse(0);
            double[][] y = new double[runs][x.length];
            for (double[] row : y) {
                Arrays.fill(row, Double.NaN);
            }
            for (int i = 0; i < x.length; i++) {
                List<Double> cell = e.getValue().get(i);
                for (int r = 0; r < cell.size(); r++) {
                    y[r][i] = cell.get(r);
                }
            }
            curves.add(new Curve(e.getKey(), x, y));
        }
        return curves;
    }

    private static void heatMap(
            ResultWriter writer,
            SweepSpec spec,
            List<SweepPoint> points,
            List<PointResult> results,
            int metric,
            String base)
            throws IOException {
        Axis ax = spec.grid().get(0);
        Axis ay = spec.grid().get(1);
        double[][] sum = new double[ax.values().size()][ay.values().size()];
        int[][] n = new int[sum.length][sum[0].length];
        for (SweepPoint p : points) {
            PointResult r = results.get(p.index());
            if (!r.ok()) {
                continue;
            }
            int i = ax.values().indexOf(p.values().get(ax.path()));
            int j = ay.values().indexOf(p.values().get(ay.path()));
            sum[i][j] += r.metrics()[metric];
            n[i][j]++;
        }
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum[i].length; j++) {
                sum[i][j] = n[i][j] == 0 ? Double.NaN : sum[i][j] / n[i][j];
            }
        }
        String metricName = new ArrayList<>(spec.metrics().keySet()).get(metric);
        HeatMap.write(
                writer.file(base + ".png"),
                spec.name() + ": mean " + metricName,
                ax.path(),
                ax.values().stream().map(SweepPlots::tick).toList(),
                ay.path(),
                ay.values().stream().map(SweepPlots::tick).toList(),
                sum);
    }

    /** A heat-map tick: integers and text as is, other numbers with 4 significant digits. */
    static String tick(JsonNode v) {
        return v.isNumber() && !v.isIntegralNumber()
                ? String.format(java.util.Locale.ROOT, "%.4g", v.doubleValue())
                : SweepTable.cell(v);
    }

    private static String label(SweepPoint p, List<String> paths) {
        List<String> parts = new ArrayList<>();
        for (String path : paths) {
            parts.add(path + "=" + SweepTable.cell(p.values().get(path)));
        }
        return String.join(", ", parts);
    }

    private static boolean numeric(List<SweepPoint> points, String param) {
        for (SweepPoint p : points) {
            JsonNode v = p.values().get(param);
            if (v == null || !v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean logScale(SweepSpec spec, String param) {
        for (Axis a : spec.grid()) {
            if (a.path().equals(param)) {
                return a.logScale();
            }
        }
        for (RandomParam r : spec.random()) {
            if (r.path().equals(param)) {
                return r.range() != null && r.range().log();
            }
        }
        return false;
    }

    private static boolean spansDecades(List<PointResult> results, int metric) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (PointResult r : results) {
            double v = r.metrics()[metric];
            if (!r.ok() || !Double.isFinite(v)) {
                continue;
            }
            if (v <= 0) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max > 0 && max / min > 100;
    }

    /** A parameter path as a file-name and CSV-column part: {@code set.eta} -> {@code set_eta}. */
    static String fileName(String path) {
        String s = path.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isLetter(s.charAt(0)) || s.charAt(0) == '_' ? s : "_" + s;
    }
}
