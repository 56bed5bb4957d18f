package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paired differences and their t intervals, against hand computations. */
class PairedComparisonTest {
    /** t(0.975, 1) and t(0.975, 2), from tables. */
    private static final double T1 = 12.706204736174707;

    private static final double T2 = 4.302652729749464;

    private static ManagerEvaluation.ManagerMetrics result(
            String name, double[][] violationsByRun) {
        List<ManagerEvaluation.SeedResult> seeds = new ArrayList<>();
        for (int r = 0; r < violationsByRun.length; r++) {
            for (int s = 0; s < violationsByRun[r].length; s++) {
                seeds.add(
                        new ManagerEvaluation.SeedResult(
                                r, 100 + s, 0.0, violationsByRun[r][s], 0, 0.5 + 0.1 * r, 0.0));
            }
        }
        return new ManagerEvaluation.ManagerMetrics(
                name,
                100,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                seeds.size(),
                0,
                0,
                0,
                0,
                0,
                List.of(),
                null,
                seeds);
    }

    @Test
    void seedsAreTheUnitsBetweenHeuristics() {
        // d = -0.02, -0.02, +0.01: mean -0.01, sd sqrt(0.0003), se 0.01, df 2
        PairedComparison c =
                PairedComparison.of(
                        result("m", new double[][] {{0.08, 0.18, 0.31}}),
                        result("b", new double[][] {{0.10, 0.20, 0.30}}));
        assertEquals("seeds", c.unit());
        assertEquals(-0.01, c.violationDifference(), 1e-12);
        assertEquals(-0.01 - T2 * 0.01, c.violationCiLow(), 1e-9);
        assertEquals(-0.01 + T2 * 0.01, c.violationCiHigh(), 1e-9);
        assertArrayEquals(new double[] {-0.02, -0.02, 0.01}, c.perUnit(), 1e-12);
        assertFalse(c.significant());
        assertEquals(0.0, c.cpuUtilizationDifference(), 1e-12);
    }

    @Test
    void trainingRunsAreTheUnitsOfALearner() {
        // run 0: -0.02, -0.02, +0.01 -> -0.01; run 1: -0.03, -0.03, -0.06 -> -0.04
        // mean -0.025, var 0.00045, se 0.015, df 1
        PairedComparison c =
                PairedComparison.of(
                        result("m", new double[][] {{0.08, 0.18, 0.31}, {0.07, 0.17, 0.24}}),
                        result("b", new double[][] {{0.10, 0.20, 0.30}}));
        assertEquals("training runs", c.unit());
        assertEquals(-0.025, c.violationDifference(), 1e-12);
        assertEquals(-0.025 - T1 * 0.015, c.violationCiLow(), 1e-9);
        assertEquals(-0.025 + T1 * 0.015, c.violationCiHigh(), 1e-9);
        assertFalse(c.significant());
        // CPU utilisation: run r has 0.5 + 0.1 r, the baseline 0.5: differences 0 and 0.1
        assertEquals(0.05, c.cpuUtilizationDifference(), 1e-12);
    }

    @Test
    void aClearDifferenceIsSignificant() {
        PairedComparison c =
                PairedComparison.of(
                        result("m", new double[][] {{0.05, 0.15, 0.25, 0.36, 0.44}}),
                        result("b", new double[][] {{0.10, 0.20, 0.30, 0.40, 0.50}}));
        assertEquals(-0.05, c.violationDifference(), 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(c.significant());
    }
}
