package org.mfgkit.core;

import java.util.List;

/**
 * One named series of a learning curve: the values of several runs (seeds, initialisations) on a
 * common x grid, e.g. exploitability per iteration of one algorithm over ten seeds.
 *
 * <p>Arrays are copied on construction; the accessors return the stored arrays, which callers must
 * not modify. Like every record holding arrays, {@code equals} compares array identity.
 *
 * @param name series name shown in the legend and in the CSV {@code series} column (no line breaks)
 * @param x the grid, {@code x[i]}
 * @param runs {@code runs[r][i]} is the value of run {@code r} at {@code x[i]}; at least one run
 */
public record Curve(String name, double[] x, double[][] runs) {

    /** Validates and copies; names the offending argument. */
    public Curve {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("curve name must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "curve name \"" + name.strip() + "\" contains a control character");
        }
        if (x == null || runs == null) {
            throw new IllegalArgumentException(
                    "curve \"" + name + "\": x and runs must not be null");
        }
        if (runs.length == 0) {
            throw new IllegalArgumentException("curve \"" + name + "\" has no runs");
        }
        x = x.clone();
        double[][] copy = new double[runs.length][];
        for (int r = 0; r < runs.length; r++) {
            if (runs[r] == null || runs[r].length != x.length) {
                throw new IllegalArgumentException(
                        "curve \""
                                + name
                                + "\": run "
                                + r
                                + " has "
                                + (runs[r] == null ? "no values" : runs[r].length + " values")
                                + " but x has "
                                + x.length);
            }
            copy[r] = runs[r].clone();
        }
        runs = copy;
    }

    /** A curve from a list of runs, each {@code double[x.length]}. */
    public static Curve of(String name, double[] x, List<double[]> runs) {
        return new Curve(name, x, runs.toArray(double[][]::new));
    }

    /** A curve with a single run. */
    public static Curve single(String name, double[] x, double[] y) {
        return new Curve(name, x, new double[][] {y});
    }

    /** The grid {@code 0, 1, ..., n-1} (iteration numbers). */
    public static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    /** Number of grid points. */
    public int size() {
        return x.length;
    }

    /** Number of runs. */
    public int runCount() {
        return runs.length;
    }

    /** Mean over runs at each x (a non-finite run value makes that mean non-finite). */
    public double[] mean() {
        double[] mean = new double[x.length];
        for (double[] run : runs) {
            for (int i = 0; i < x.length; i++) {
                mean[i] += run[i];
            }
        }
        for (int i = 0; i < x.length; i++) {
            mean[i] /= runs.length;
        }
        return mean;
    }

    /** Mean and the band of the given kind at each x. */
    public Stats stats(Band band) {
        double[] mean = mean();
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            switch (band) {
                case MIN_MAX -> {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (double[] run : runs) {
                        min = Math.min(min, run[i]);
                        max = Math.max(max, run[i]);
                    }
                    lo[i] = min;
                    hi[i] = max;
                }
                case STD -> {
                    double sq = 0;
                    for (double[] run : runs) {
                        double d = run[i] - mean[i];
                        sq += d * d;
                    }
                    double std = runs.length > 1 ? Math.sqrt(sq / (runs.length - 1)) : 0.0;
                    lo[i] = mean[i] - std;
                    hi[i] = mean[i] + std;
                }
                case NONE -> {
                    lo[i] = mean[i];
                    hi[i] = mean[i];
                }
            }
        }
        return new Stats(mean, lo, hi);
    }

    /**
     * Summary of a curve at each x.
     *
     * @param mean mean over runs
     * @param lo lower edge of the band
     * @param hi upper edge of the band
     */
    public record Stats(double[] mean, double[] lo, double[] hi) {}

    /**
     * Which spread across runs a curve's shaded band shows (and a CSV's {@code lo}/{@code hi}
     * columns hold).
     */
    public enum Band {
        /** From the smallest to the largest value of the runs at each x. */
        MIN_MAX,
        /**
         * Mean minus and plus one sample standard deviation (divisor {@code n-1}; zero for a single
         * run).
         */
        STD,
        /** No band: {@code lo = hi = mean}. */
        NONE
    }
}
