package org.mfgkit.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

/**
 * A small real experiment that exercises the whole frame (seeds in parallel, progress, CSV, plot,
 * result): the error of the running mean of {@code U(0,1)} samples against the sample count, which
 * decays like {@code sigma/sqrt(n)} with {@code sigma = 1/sqrt(12)}.
 *
 * <p>Config: {@code {"experiment": "demo-monte-carlo", "seeds": 8, "samples": 100000, "points":
 * 40}} ({@code seeds}: a count or a list; all fields but {@code experiment} optional). Result: the
 * seeds, the root-mean-square error over seeds at the largest {@code n} next to the theoretical
 * {@code sigma/sqrt(n)}, and the least-squares slope of {@code log rms} against {@code log n}
 * (theory: {@code -0.5}).
 */
public final class DemoMonteCarlo implements Experiment {

    /** Standard deviation of U(0,1). */
    static final double SIGMA = 1 / Math.sqrt(12);

    @Override
    public String name() {
        return "demo-monte-carlo";
    }

    @Override
    public String description() {
        return "demo of the run frame: running-mean error of U(0,1) samples vs. n over seeds (slope -1/2)";
    }

    /**
     * The result.
     *
     * @param seeds the seeds run, in the order of the CSV's run columns
     * @param samples samples per seed
     * @param rmsError root-mean-square error over seeds at n = samples
     * @param theoryRmsError sigma / sqrt(samples)
     * @param logLogSlope least-squares slope of log rms error against log n
     */
    public record Result(
            long[] seeds,
            long samples,
            double rmsError,
            double theoryRmsError,
            double logLogSlope) {}

    @Override
    public Object run(JsonNode json, RunContext ctx) throws Exception {
        Config config = Config.of(json);
        config.allowOnly("experiment", "seeds", "samples", "points");
        long[] seeds = config.seeds("seeds", 8);
        int samples = config.integer("samples", 100_000);
        int points = config.integer("points", 40);
        if (samples < 10) {
            throw new IllegalArgumentException(
                    "config field \"samples\" must be at least 10, got " + samples);
        }
        if (points < 2) {
            throw new IllegalArgumentException(
                    "config field \"points\" must be at least 2, got " + points);
        }
        double[] n = checkpoints(samples, points);

        List<double[]> errors;
        try (Progress progress = ctx.progress().start(name(), seeds.length, "seeds")) {
            errors =
                    ctx.runParallel(
                            seeds.length,
                            i -> {
                                double[] e = runningMeanErrors(new SplittableRandom(seeds[i]), n);
                                progress.step();
                                return e;
                            });
        }

        double[] rms = new double[n.length];
        for (int k = 0; k < n.length; k++) {
            double sq = 0;
            for (double[] e : errors) {
                sq += e[k] * e[k];
            }
            rms[k] = Math.sqrt(sq / errors.size());
        }
        // CLT: the mean of n samples is ~ N(1/2, sigma^2/n), so E|mean - 1/2| = sigma sqrt(2/(pi
        // n)).
        double[] expectedAbs = new double[n.length];
        for (int k = 0; k < n.length; k++) {
            expectedAbs[k] = SIGMA * Math.sqrt(2 / (Math.PI * n[k]));
        }
        List<Curve> curves =
                List.of(
                        Curve.of("|mean - 1/2|", n, errors),
                        Curve.single("CLT: sigma sqrt(2/(pi n))", n, expectedAbs));
        ctx.writer()
                .curves(
                        "curve",
                        curves,
                        "n",
                        Band.MIN_MAX,
                        PlotSpec.of(
                                        "running-mean error, " + seeds.length + " seeds",
                                        "samples n",
                                        "absolute error")
                                .withLogX(true)
                                .withLogY(true));
        return new Result(
                seeds, samples, rms[n.length - 1], SIGMA / Math.sqrt(samples), slope(n, rms));
    }

    /**
     * About {@code points} distinct sample counts from 1 to {@code samples}, evenly spaced in log
     * n.
     */
    static double[] checkpoints(int samples, int points) {
        TreeSet<Long> n = new TreeSet<>();
        for (int k = 0; k < points; k++) {
            n.add(Math.round(Math.pow(samples, k / (double) (points - 1))));
        }
        return n.stream().mapToDouble(Long::doubleValue).toArray();
    }

    /** {@code |mean of the first n[k] samples - 1/2|} for each checkpoint. */
    static double[] runningMeanErrors(SplittableRandom random, double[] n) {
        double[] err = new double[n.length];
        double sum = 0;
        long drawn = 0;
        for (int k = 0; k < n.length; k++) {
            for (; drawn < (long) n[k]; drawn++) {
                sum += random.nextDouble();
            }
            err[k] = Math.abs(sum / drawn - 0.5);
        }
        return err;
    }

    /** Least-squares slope of {@code log y} against {@code log x}. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
