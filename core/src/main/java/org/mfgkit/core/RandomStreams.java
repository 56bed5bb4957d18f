package org.mfgkit.core;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random streams. Every stochastic component of mfgkit receives a {@link RandomGenerator}
 * made here (or by the caller); nothing uses a global or time-based seed. Streams for parallel work
 * (one per seed, per agent, per worker) are derived deterministically with {@link #derive}, so the
 * numbers do not depend on thread scheduling.
 */
public final class RandomStreams {
    private RandomStreams() {}

    /** A generator for {@code seed}: the same seed gives the same sequence on every JVM. */
    public static RandomGenerator create(long seed) {
        return new SplittableRandom(seed);
    }

    /**
     * The seed of child stream {@code index} of {@code seed} (SplitMix64 finaliser of a Weyl step).
     */
    public static long deriveSeed(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Child stream {@code index} of {@code seed}; independent of how many other children exist. */
    public static RandomGenerator derive(long seed, long index) {
        return create(deriveSeed(seed, index));
    }

    /**
     * Samples an index from the distribution {@code p[from .. from+length-1]} by inversion (one
     * uniform draw). The range must sum to 1 (not checked here: callers validate once, outside hot
     * loops).
     */
    public static int sampleCategorical(double[] p, int from, int length, RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0.0;
        int last = from;
        for (int i = from; i < from + length; i++) {
            if (p[i] > 0.0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i - from;
                }
            }
        }
        return last - from; // round-off: u >= sum of the range
    }

    /** Samples an index from a whole distribution. */
    public static int sampleCategorical(double[] p, RandomGenerator rng) {
        return sampleCategorical(p, 0, p.length, rng);
    }
}
