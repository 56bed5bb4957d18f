package org.mfgkit.cli.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.mfgkit.cli.output.AtomicFiles;
import org.mfgkit.cli.output.CurvePlot;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.core.Curve;
import org.mfgkit.core.PowerLawFit;

/**
 * The files of {@code mfgkit bench --scaling NAME --out DIR}: {@code scaling.csv} (one row per
 * instance), {@code scaling-time.png} and {@code scaling-memory.png} (log-log, measured points and
 * the fitted power law); {@code result.json} is written by the command.
 */
public final class ScalingFiles {

    /** The CSV columns. */
    static final String HEADER =
            "series,game,size,states,actions,steps,median_seconds,min_seconds,max_seconds,samples,"
                    + "allocated_bytes,retained_bytes,exploitability";

    private ScalingFiles() {}

    /** Writes the CSV and the two plots into {@code out}'s directory. */
    public static void write(ResultWriter out, ScalingBench.ScalingReport report)
            throws IOException {
        AtomicFiles.write(
                out.file("scaling.csv"),
                stream -> {
                    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    w.write(HEADER + "\n");
                    for (ScalingBench.ScalingPoint p : report.points()) {
                        w.write(
                                String.join(
                                                ",",
                                                report.series(),
                                                report.game(),
                                                Integer.toString(p.size()),
                                                Integer.toString(p.states()),
                                                Integer.toString(p.actions()),
                                                Integer.toString(p.steps()),
                                                Double.toString(p.medianSeconds()),
                                                Double.toString(p.minSeconds()),
                                                Double.toString(p.maxSeconds()),
                                                Integer.toString(p.samples()),
                                                Long.toString(p.allocatedBytes()),
                                                Long.toString(p.retainedBytes()),
                                                Double.toString(p.exploitability()))
                                        + "\n");
                    }
                    w.flush();
                });
        plot(
                out.file("scaling-time.png"),
                report,
                "median seconds per exploitability",
                ScalingBench.ScalingPoint::medianSeconds,
                report.time());
        plot(
                out.file("scaling-memory.png"),
                report,
                "bytes allocated per exploitability",
                p -> p.allocatedBytes(),
                report.memory());
    }

    private static void plot(
            Path png,
            ScalingBench.ScalingReport report,
            String yLabel,
            ToDoubleFunction<ScalingBench.ScalingPoint> y,
            PowerLawFit fit)
            throws IOException {
        double[] s =
                report.points().stream().mapToDouble(ScalingBench.ScalingPoint::states).toArray();
        double[] v = report.points().stream().mapToDouble(y).toArray();
        List<Curve> curves = new ArrayList<>();
        curves.add(Curve.single("measured", s, v));
        if (fit != null) {
            double[] f = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                f[i] = fit.at(s[i]);
            }
            curves.add(
                    Curve.single(
                            String.format(
                                    Locale.ROOT,
                                    "fit %.3g * S^%.3f",
                                    fit.prefactor(),
                                    fit.exponent()),
                            s,
                            f));
        }
        CurvePlot.lines(
                png,
                PlotSpec.of(report.series() + ": " + yLabel, "states S", yLabel)
                        .withLogX(true)
                        .withLogY(true),
                curves);
    }
}
