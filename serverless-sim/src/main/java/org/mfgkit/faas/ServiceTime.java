package org.mfgkit.faas;

import java.util.random.RandomGenerator;

/**
 * Distribution of a function's service time in isolation (milliseconds of wall time while it
 * receives its full CPU demand). SPEC §5 prescribes a lognormal; the exponential exists for the
 * M/M/c check of the simulator.
 */
public sealed interface ServiceTime permits ServiceTime.LogNormal, ServiceTime.Exponential {
    /** Draws one service time (ms, &gt; 0). */
    double sample(RandomGenerator rng);

    /** Mean (ms). */
    double mean();

    /** Quantile {@code F^{-1}(p)} (ms) for {@code 0 < p < 1}. */
    double quantile(double p);

    /**
     * Lognormal service time: {@code S = medianMs * exp(sigma * Z)}, {@code Z ~ N(0,1)}.
     *
     * @param medianMs median {@code exp(mu)} in ms
     * @param sigma standard deviation of {@code log S}
     */
    record LogNormal(double medianMs, double sigma) implements ServiceTime {
        public LogNormal {
            if (!(medianMs > 0.0) || Double.isInfinite(medianMs)) {
                throw new IllegalArgumentException(
                        "lognormal medianMs must be finite and > 0, got " + medianMs);
            }
            if (!(sigma >= 0.0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException(
                        "lognormal sigma must be finite and >= 0, got " + sigma);
            }
        }

        @Override
        public double sample(RandomGenerator rng) {
            return medianMs * Math.exp(sigma * rng.nextGaussian());
        }

        @Override
        public double mean() {
            return medianMs * Math.exp(0.5 * sigma * sigma);
        }

        @Override
        public double quantile(double p) {
            requireProbability(p);
            return medianMs
                    * Math.exp(
                            sigma
                                    * new org.apache.commons.math3.distribution.NormalDistribution(
                                                    null, 0.0, 1.0)
                                            .inverseCumulativeProbability(p));
        }
    }

    /**
     * Exponential service time with mean {@code meanMs}.
     *
     * @param meanMs mean in ms
     */
    record Exponential(double meanMs) implements ServiceTime {
        public Exponential {
            if (!(meanMs > 0.0) || Double.isInfinite(meanMs)) {
                throw new IllegalArgumentException(
                        "exponential meanMs must be finite and > 0, got " + meanMs);
            }
        }

        @Override
        public double sample(RandomGenerator rng) {
            return -meanMs * Math.log(1.0 - rng.nextDouble());
        }

        @Override
        public double mean() {
            return meanMs;
        }

        @Override
        public double quantile(double p) {
            requireProbability(p);
            return -meanMs * Math.log(1.0 - p);
        }
    }

    private static void requireProbability(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("quantile level must lie in (0,1), got " + p);
        }
    }
}
