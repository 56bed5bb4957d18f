package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;

class WeightedProcessorSharingTest {
    @Test
    void handWorkedCases() {
        // one core, shares 256:768, both could use a full core -> 1/4 and 3/4
        assertArrayEquals(
                new double[] {0.25, 0.75},
                WeightedProcessorSharing.allocate(
                        1.0, new double[] {256, 768}, new double[] {1, 1}),
                Tolerances.TEST_EXACT);
        // two cores, equal shares, caps 0.2, 2, 2: the I/O job keeps its 0.2, the rest split 1.8
        assertArrayEquals(
                new double[] {0.2, 0.9, 0.9},
                WeightedProcessorSharing.allocate(
                        2.0, new double[] {1, 1, 1}, new double[] {0.2, 2, 2}),
                Tolerances.TEST_EXACT);
        // under-subscribed: everyone gets its cap
        assertArrayEquals(
                new double[] {1, 0.5, 2},
                WeightedProcessorSharing.allocate(
                        8.0, new double[] {128, 2048, 512}, new double[] {1, 0.5, 2}),
                Tolerances.TEST_EXACT);
        // 8 cores, shares 1024 vs 128 x 10 single-threaded jobs: the heavy-weight job is capped at
        // 1,
        // the other ten share 7 equally
        double[] w = new double[11];
        double[] d = new double[11];
        java.util.Arrays.fill(w, 128);
        java.util.Arrays.fill(d, 1.0);
        w[0] = 1024;
        double[] r = WeightedProcessorSharing.allocate(8.0, w, d);
        assertEquals(1.0, r[0], Tolerances.TEST_EXACT);
        for (int j = 1; j < 11; j++) {
            assertEquals(0.7, r[j], Tolerances.TEST_EXACT);
        }
    }

    /**
     * Random instances against an independent computation: the water level x solving {@code sum_j
     * min(d_j, w_j x) = min(C, sum d)} found by bisection.
     */
    @Test
    void workConservingAndEqualToBisectionWaterFilling() {
        RandomGenerator rng = RandomStreams.create(5);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + rng.nextInt(30);
            double capacity = 1 + rng.nextInt(16);
            double[] w = new double[k];
            double[] d = new double[k];
            double sumD = 0;
            for (int j = 0; j < k; j++) {
                w[j] = 128 * (1 + rng.nextInt(16));
                d[j] = new double[] {0.2, 0.5, 1, 2, 4}[rng.nextInt(5)];
                sumD += d[j];
            }
            double[] r = WeightedProcessorSharing.allocate(capacity, w, d);
            double total = 0;
            for (int j = 0; j < k; j++) {
                assertTrue(r[j] <= d[j] + Tolerances.TEST_EXACT, "rate above cap");
                assertTrue(r[j] > 0);
                total += r[j];
            }
            assertEquals(
                    Math.min(capacity, sumD),
                    total,
                    Tolerances.TEST_EXACT * capacity,
                    "work conservation");
            // bisection on the level
            double lo = 0;
            double hi = 1;
            while (fill(w, d, hi) < Math.min(capacity, sumD) && hi < 1e9) {
                hi *= 2;
            }
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (fill(w, d, mid) < Math.min(capacity, sumD)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            for (int j = 0; j < k; j++) {
                // bisection stopped after 200 halvings: exact up to round-off of the level
                assertEquals(
                        Math.min(d[j], w[j] * hi),
                        r[j],
                        Tolerances.TEST_ITERATIVE,
                        "trial " + trial + " job " + j);
            }
        }
    }

    private static double fill(double[] w, double[] d, double x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += Math.min(d[j], w[j] * x);
        }
        return s;
    }
}
