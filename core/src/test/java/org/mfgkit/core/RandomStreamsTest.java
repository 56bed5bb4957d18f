package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void sameSeedGivesTheSameSequenceAndDerivedStreamsDiffer() {
        RandomGenerator a = RandomStreams.create(42);
        RandomGenerator b = RandomStreams.create(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        assertEquals(RandomStreams.deriveSeed(42, 3), RandomStreams.deriveSeed(42, 3));
        assertNotEquals(RandomStreams.deriveSeed(42, 3), RandomStreams.deriveSeed(42, 4));
        assertNotEquals(RandomStreams.deriveSeed(42, 0), RandomStreams.deriveSeed(43, 0));
        assertEquals(
                RandomStreams.derive(1, 2).nextDouble(), RandomStreams.derive(1, 2).nextDouble());
    }

    @Test
    void categoricalFrequenciesMatchProbabilitiesWithinSixSigma() {
        double[] p = {0.1, 0.0, 0.45, 0.3, 0.15};
        int n = 200_000;
        int[] counts = new int[p.length];
        RandomGenerator rng = RandomStreams.create(2026);
        for (int i = 0; i < n; i++) {
            counts[RandomStreams.sampleCategorical(p, rng)]++;
        }
        for (int k = 0; k < p.length; k++) {
            // binomial count: |count - n p| <= 6 sqrt(n p (1-p)) fails with probability < 1e-8 per
            // cell
            double bound = 6 * Math.sqrt(n * p[k] * (1 - p[k]));
            assertTrue(Math.abs(counts[k] - n * p[k]) <= bound, "cell " + k + ": " + counts[k]);
        }
        assertEquals(0, counts[1], "a zero-probability action is never drawn");
    }

    @Test
    void categoricalOnASubRangeUsesOnlyThatRange() {
        double[] table = {1.0, 0.0, 0.0, 1.0};
        RandomGenerator rng = RandomStreams.create(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, RandomStreams.sampleCategorical(table, 2, 2, rng));
        }
    }
}
