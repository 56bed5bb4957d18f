package org.mfgkit.cli.nplayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfgkit.cli.output.AtomicFiles;
import org.mfgkit.cli.output.CurvePlot;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.core.Curve;
import org.mfgkit.envs.nplayer.NPlayerPoint;
import org.mfgkit.envs.nplayer.NPlayerReport;
import org.mfgkit.envs.nplayer.RateFit;

/**
 * How {@code mfgkit n-player} and the {@code n-player} experiment present an {@link NPlayerReport}:
 * its JSON, the table {@code n-player.csv} and the log-log plot {@code n-player.png} of {@code |E_N
 * - E_inf|} against {@code N} with the fitted power law.
 */
public final class NPlayerOutput {
    /** The CSV file name. */
    public static final String CSV = "n-player.csv";

    /** The plot file name. */
    public static final String PNG = "n-player.png";

    private NPlayerOutput() {}

    /**
     * {@code "mean_field_exploitability"}, {@code "results": [{"n", "exploitability", "method",
     * "ci95"?, "seconds", ...}]}, {@code "rate"} and {@code "study"} (the study's parameters) into
     * {@code doc}.
     */
    public static ObjectNode fill(ObjectNode doc, NPlayerReport report) {
        doc.put("mean_field_exploitability", report.meanFieldExploitability());
        ArrayNode results = doc.putArray("results");
        for (NPlayerPoint p : report.points()) {
            ObjectNode r = results.addObject();
            r.put("n", p.n());
            r.put("exploitability", p.exploitability());
            r.put("method", p.method());
            if (p.isExact()) {
                r.put("configurations", p.exact().configurations());
                r.put("evaluated_configurations", p.exact().evaluated());
                r.put("sweeps", p.exact().sweeps());
            } else {
                r.put("ci95", p.ci95());
                r.put("lower_bound", true);
                r.put("samples", p.monteCarlo().samples());
                r.put("seed", p.monteCarlo().seed());
                r.put("horizon", p.monteCarlo().horizon());
                r.put("tail_weight", p.monteCarlo().tailWeight());
                r.put("player_steps", p.monteCarlo().playerSteps());
                r.put("player_steps_per_second", p.monteCarlo().playerStepsPerSecond());
            }
            r.put("gap", p.exploitability() - report.meanFieldExploitability());
            r.put("seconds", p.seconds());
        }
        RateFit fit = report.rate();
        if (fit == null) {
            doc.putNull("rate");
        } else {
            ObjectNode rate = doc.putObject("rate");
            rate.put("exponent", fit.rate());
            rate.put("constant", fit.constant());
            rate.put("points", fit.points());
            rate.put("fitted_on", fit.method());
        }
        doc.set("study", Json.toTree(report.params().echo()));
        return doc;
    }

    /** Writes {@code n-player.csv}: one row per case and {@code N}. */
    public static Path csv(Path dir, Map<String, NPlayerReport> cases) throws IOException {
        return AtomicFiles.write(
                dir.resolve(CSV),
                out -> {
                    PrintWriter w =
                            new PrintWriter(
                                    new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
                    w.print(
                            "case,n,exploitability,method,ci95,mean_field_exploitability,gap,"
                                    + "seconds,player_steps_per_second\n");
                    for (Map.Entry<String, NPlayerReport> e : cases.entrySet()) {
                        NPlayerReport r = e.getValue();
                        for (NPlayerPoint p : r.points()) {
                            w.print(
                                    quote(e.getKey())
                                            + ","
                                            + p.n()
                                            + ","
                                            + p.exploitability()
                                            + ","
                                            + p.method()
                                            + ","
                                            + (p.isExact() ? "" : Double.toString(p.ci95()))
                                            + ","
                                            + r.meanFieldExploitability()
                                            + ","
                                            + (p.exploitability() - r.meanFieldExploitability())
                                            + ","
                                            + p.seconds()
                                            + ","
                                            + (p.isExact()
                                                    ? ""
                                                    : Double.toString(
                                                            p.monteCarlo().playerStepsPerSecond()))
                                            + "\n");
                        }
                    }
                    w.flush();
                });
    }

    /**
     * Writes {@code n-player.png}: per case {@code |E_N - E_inf|} against {@code N} (log-log), and
     * its fitted {@code C N^rate} as a second line.
     */
    public static Path plot(Path dir, String title, Map<String, NPlayerReport> cases)
            throws IOException {
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, NPlayerReport> e : cases.entrySet()) {
            NPlayerReport r = e.getValue();
            double[] x = r.points().stream().mapToDouble(NPlayerPoint::n).toArray();
            double[] y =
                    r.points().stream()
                            .mapToDouble(p -> RateFit.gap(p, r.meanFieldExploitability()))
                            .toArray();
            curves.add(Curve.single(e.getKey(), x, y));
            RateFit fit = r.rate();
            if (fit != null) {
                double[] f = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    f[i] = fit.at(x[i]);
                }
                curves.add(
                        Curve.single(
                                String.format(
                                        Locale.ROOT, "%s: fit N^%.2f", e.getKey(), fit.rate()),
                                x,
                                f));
            }
        }
        return CurvePlot.lines(
                dir.resolve(PNG),
                PlotSpec.of(title, "players N", "|E_N - E_inf|")
                        .withLogX(true)
                        .withLogY(true)
                        .withSize(1400, 760),
                curves);
    }

    /** The human summary of one report. */
    public static void human(PrintWriter w, String what, NPlayerReport r) {
        w.printf(
                Locale.ROOT,
                "%s: mean-field exploitability E_inf = %.10g%n",
                what,
                r.meanFieldExploitability());
        for (NPlayerPoint p : r.points()) {
            w.printf(
                    Locale.ROOT,
                    "  N = %-7d E_N = %.10g%s  (%s, %.3f s%s)%n",
                    p.n(),
                    p.exploitability(),
                    p.isExact() ? "" : String.format(Locale.ROOT, " +- %.3g", p.ci95()),
                    p.isExact() ? "exact" : "Monte Carlo lower bound",
                    p.seconds(),
                    p.isExact()
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", %.3g player-steps/s",
                                    p.monteCarlo().playerStepsPerSecond()));
        }
        if (r.rate() != null) {
            w.printf(
                    Locale.ROOT,
                    "  |E_N - E_inf| ~ %.4g N^%.4f (fitted on %d %s points)%n",
                    r.rate().constant(),
                    r.rate().rate(),
                    r.rate().points(),
                    r.rate().method());
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
