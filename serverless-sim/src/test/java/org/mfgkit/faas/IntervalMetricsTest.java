package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;

class IntervalMetricsTest {
    @Test
    void nearestRankByHand() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5.0, IntervalMetrics.nearestRank(x, 0.5)); // ceil(5) = 5th
        assertEquals(10.0, IntervalMetrics.nearestRank(x, 0.99)); // ceil(9.9) = 10th
        assertEquals(1.0, IntervalMetrics.nearestRank(x, 0.01));
    }

    /** Quickselect against a full sort on random samples with many ties. */
    @Test
    void selectAgreesWithSorting() {
        RandomGenerator rng = RandomStreams.create(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rng.nextInt(3000);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(trial % 2 == 0 ? 50 : 100000);
            }
            float[] sorted = x.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0.5, 0.99, 0.0001, 1.0}) {
                int k = IntervalMetrics.rankIndex(n, p);
                assertEquals(sorted[k], IntervalMetrics.select(x.clone(), k));
            }
        }
    }
}
