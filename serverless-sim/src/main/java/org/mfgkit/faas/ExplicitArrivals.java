package org.mfgkit.faas;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Arrivals at given times (ms) per function, e.g. for hand-worked cases; no randomness. */
public final class ExplicitArrivals implements ArrivalProcess {
    private final double[][] times;

    /** {@code timesMs[f]}: arrival times of function f (copied and sorted), finite and &gt;= 0. */
    public ExplicitArrivals(double[]... timesMs) {
        if (timesMs.length == 0) {
            throw new IllegalArgumentException("explicit arrivals need at least one function");
        }
        times = new double[timesMs.length][];
        for (int f = 0; f < timesMs.length; f++) {
            times[f] = timesMs[f].clone();
            Arrays.sort(times[f]);
            for (double t : times[f]) {
                if (!(t >= 0.0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException(
                            "arrival times must be finite and >= 0, got "
                                    + t
                                    + " for function "
                                    + f);
                }
            }
        }
    }

    @Override
    public int functions() {
        return times.length;
    }

    @Override
    public double horizonMs() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public Stream open(int f, RandomGenerator rng) {
        final double[] t = times[f];
        return new Stream() {
            private int i = 0;

            @Override
            public double next() {
                return i < t.length ? t[i++] : Double.POSITIVE_INFINITY;
            }
        };
    }
}
