package org.mfgkit.faas;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Replays per-minute invocation counts of an {@link AzureTrace} (SPEC §5). Function {@code f}
 * follows trace row {@code rows[f]}, its counts multiplied by {@code scale[f]} (a fractional scaled
 * count is rounded up with probability equal to its fractional part), over the minutes {@code
 * [startMinute, startMinute + minutes)}; simulated time 0 is the start of {@code startMinute}.
 * Within a minute the {@code n} invocations are placed independently and uniformly (the usual
 * replay of minute-binned traces; given its count a Poisson process is exactly that), generated in
 * increasing order by the sequential order-statistics recursion {@code t_(i+1) = t_(i) + (b -
 * t_(i)) (1 - U^(1/(n-i)))} so no buffer or sort is needed.
 */
public final class TraceReplay implements ArrivalProcess {
    private static final double MINUTE_MS = 60_000.0;
    private final AzureTrace trace;
    private final int[] rows;
    private final double[] scale;
    private final int startMinute;
    private final int minutes;

    /**
     * @param trace the trace
     * @param rows {@code rows[f]}: 0-based trace row replayed as function f
     * @param scale {@code scale[f]} &gt;= 0: count multiplier of function f
     * @param startMinute first replayed minute (0-based)
     * @param minutes number of replayed minutes
     */
    public TraceReplay(AzureTrace trace, int[] rows, double[] scale, int startMinute, int minutes) {
        if (rows.length == 0 || rows.length != scale.length) {
            throw new IllegalArgumentException(
                    "trace replay needs one row and one scale per function, got "
                            + rows.length
                            + " rows and "
                            + scale.length
                            + " scales");
        }
        for (int f = 0; f < rows.length; f++) {
            if (rows[f] < 0 || rows[f] >= trace.rows().size()) {
                throw new IllegalArgumentException(
                        "trace replay: row "
                                + rows[f]
                                + " of function "
                                + f
                                + " is outside 0.."
                                + (trace.rows().size() - 1)
                                + " of "
                                + trace.source());
            }
            if (!(scale[f] >= 0.0) || Double.isInfinite(scale[f])) {
                throw new IllegalArgumentException(
                        "trace replay: scale of function "
                                + f
                                + " must be finite and >= 0, got "
                                + scale[f]);
            }
        }
        if (startMinute < 0 || minutes <= 0 || startMinute + minutes > trace.minutes()) {
            throw new IllegalArgumentException(
                    "trace replay: minutes ["
                            + startMinute
                            + ", "
                            + (startMinute + minutes)
                            + ") are outside the trace's 0.."
                            + trace.minutes());
        }
        this.trace = trace;
        this.rows = rows.clone();
        this.scale = scale.clone();
        this.startMinute = startMinute;
        this.minutes = minutes;
    }

    /**
     * How trace rows are scaled to the offered load ({@code load} of the cluster's cores over the
     * replayed window).
     */
    public enum Normalisation {
        /** Every function offers the same mean CPU load, {@code load x cores / F} (first pass). */
        EQUAL_CPU("equal-cpu"),
        /** Every function gets the same mean request rate; together they offer the load. */
        EQUAL_RATE("equal-rate"),
        /** The rows' own counts, one global scale so that together they offer the load. */
        NATIVE("native");

        private final String label;

        Normalisation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The labels, in declaration order. */
        public static java.util.List<String> labels() {
            return java.util.Arrays.stream(values()).map(Normalisation::label).toList();
        }

        /** The normalisation called {@code label}. */
        public static Normalisation of(String label) {
            for (Normalisation n : values()) {
                if (n.label.equals(label)) {
                    return n;
                }
            }
            throw new IllegalArgumentException(
                    "normalisation must be one of "
                            + String.join(", ", labels())
                            + ", got "
                            + label);
        }
    }

    /**
     * {@link #atLoad(AzureTrace, int[], List, ClusterSpec, double, int, int, Normalisation)} with
     * equal CPU.
     */
    public static TraceReplay atLoad(
            AzureTrace trace,
            int[] rows,
            List<FunctionProfile> profiles,
            ClusterSpec cluster,
            double load,
            int startMinute,
            int minutes) {
        return atLoad(
                trace,
                rows,
                profiles,
                cluster,
                load,
                startMinute,
                minutes,
                Normalisation.EQUAL_CPU);
    }

    /**
     * A replay offering {@code load} of the cluster's cores over the window, split by {@code how}:
     * with {@code rate_f} the row's mean rate over the window and {@code w_f} the function's mean
     * work (core-s per call), {@code EQUAL_CPU}: {@code scale_f = load C / (F rate_f w_f)}; {@code
     * EQUAL_RATE}: {@code scale_f = rho / rate_f} with {@code rho = load C / sum_g w_g}; {@code
     * NATIVE}: {@code scale_f = load C / sum_g rate_g w_g} for all f. A row without invocations
     * gets scale 0.
     */
    public static TraceReplay atLoad(
            AzureTrace trace,
            int[] rows,
            List<FunctionProfile> profiles,
            ClusterSpec cluster,
            double load,
            int startMinute,
            int minutes,
            Normalisation how) {
        if (rows.length != profiles.size()) {
            throw new IllegalArgumentException(
                    "trace replay: " + rows.length + " rows for " + profiles.size() + " functions");
        }
        if (!(load > 0.0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("load must be finite and > 0, got " + load);
        }
        if (startMinute < 0 || minutes <= 0 || startMinute + minutes > trace.minutes()) {
            throw new IllegalArgumentException(
                    "trace replay: minutes ["
                            + startMinute
                            + ", "
                            + (startMinute + minutes)
                            + ") are outside the trace's 0.."
                            + trace.minutes());
        }
        int nF = rows.length;
        double[] perSecond = new double[nF];
        double[] work = new double[nF];
        double cpuNative = 0.0;
        double workSum = 0.0;
        for (int f = 0; f < nF; f++) {
            if (rows[f] < 0 || rows[f] >= trace.rows().size()) {
                throw new IllegalArgumentException(
                        "trace replay: row "
                                + rows[f]
                                + " is outside 0.."
                                + (trace.rows().size() - 1));
            }
            perSecond[f] = trace.rows().get(rows[f]).total(startMinute, minutes) / (minutes * 60.0);
            work[f] = profiles.get(f).meanWorkCoreMs() / 1000.0;
            cpuNative += perSecond[f] * work[f];
            if (perSecond[f] > 0.0) {
                workSum += work[f];
            }
        }
        double cores = load * cluster.totalCores();
        double[] scale = new double[nF];
        for (int f = 0; f < nF; f++) {
            if (!(perSecond[f] > 0.0)) {
                continue;
            }
            scale[f] =
                    switch (how) {
                        case EQUAL_CPU -> cores / nF / (perSecond[f] * work[f]);
                        case EQUAL_RATE -> cores / workSum / perSecond[f];
                        case NATIVE -> cores / cpuNative;
                    };
        }
        return new TraceReplay(trace, rows, scale, startMinute, minutes);
    }

    @Override
    public int functions() {
        return rows.length;
    }

    @Override
    public double horizonMs() {
        return minutes * MINUTE_MS;
    }

    /** The scale of function {@code f}. */
    public double scale(int f) {
        return scale[f];
    }

    /** Expected invocations per second of function {@code f} over the replayed window. */
    public double meanRate(int f) {
        return trace.rows().get(rows[f]).total(startMinute, minutes) * scale[f] / (minutes * 60.0);
    }

    @Override
    public Stream open(int f, RandomGenerator rng) {
        final AzureTrace.Row row = trace.rows().get(rows[f]);
        final double s = scale[f];
        return new Stream() {
            /** Replayed minute index (0-based within the window) being emitted. */
            private int m = -1;

            /** Invocations of minute m still to emit. */
            private int left = 0;

            private double t = 0.0;
            private double end = 0.0;

            @Override
            public double next() {
                while (left == 0) {
                    m++;
                    if (m >= minutes) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double x = row.count(startMinute + m) * s;
                    double whole = Math.floor(x);
                    int n = (int) Math.min(Integer.MAX_VALUE, whole);
                    if (x > whole && rng.nextDouble() < x - whole) {
                        n++;
                    }
                    left = n;
                    t = m * MINUTE_MS;
                    end = (m + 1) * MINUTE_MS;
                }
                // next order statistic of `left` uniforms on [t, end)
                double u = rng.nextDouble();
                double step = left == 1 ? u : 1.0 - Math.pow(1.0 - u, 1.0 / left);
                t += (end - t) * step;
                if (t >= end) {
                    t = Math.nextDown(end);
                }
                left--;
                return t;
            }
        };
    }
}
