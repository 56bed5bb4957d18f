package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumericsTest {
    @Test
    void logSumExpMatchesNaiveFormulaOnModerateValues() {
        double[] x = {0.3, -1.2, 2.5, 0.0};
        double naive = Math.log(Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.5) + Math.exp(0.0));
        assertEquals(naive, Numerics.logSumExp(x), Tolerances.TEST_EXACT);
    }

    @Test
    void logSumExpIsStableForHugeAndTinyEntries() {
        // log(2 e^1000) = 1000 + log 2, where exp(1000) overflows
        assertEquals(
                1000.0 + Math.log(2.0), Numerics.logSumExp(new double[] {1000.0, 1000.0}), 1e-12);
        assertEquals(
                -1000.0 + Math.log(2.0),
                Numerics.logSumExp(new double[] {-1000.0, -1000.0}),
                1e-12);
        assertEquals(5.0, Numerics.logSumExp(new double[] {5.0, Double.NEGATIVE_INFINITY}), 0.0);
        assertEquals(
                Double.NEGATIVE_INFINITY,
                Numerics.logSumExp(
                        new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
    }

    @Test
    void softmaxSumsToOneAndIsShiftInvariant() {
        double[] x = {1.0, 2.0, 3.0};
        double[] p = new double[3];
        Numerics.softmax(x, p);
        double[] shifted = {1001.0, 1002.0, 1003.0};
        double[] q = new double[3];
        Numerics.softmax(shifted, q);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.exp(i + 1) / sum, p[i], 1e-15);
            assertEquals(p[i], q[i], 1e-15);
        }
    }

    @Test
    void softmaxTemperatureZeroIsUniformOverMaximisers() {
        double[] x = {1.0, 3.0, 3.0, -2.0};
        double[] p = new double[4];
        Numerics.softmax(x, 0, p, 0, 4, 0.0);
        assertEquals(0.0, p[0]);
        assertEquals(0.5, p[1]);
        assertEquals(0.5, p[2]);
        assertEquals(0.0, p[3]);
        // small temperature tends to the same limit
        Numerics.softmax(x, 0, p, 0, 4, 1e-3);
        assertEquals(0.5, p[1], 1e-12);
    }

    @Test
    void softMaxTendsToHardMaxWithGapBoundedByTemperatureLogN() {
        double[] x = {0.2, 0.9, 0.5};
        double hard = Numerics.softMax(x, 0, 3, 0.0);
        assertEquals(0.9, hard);
        for (double t : new double[] {1.0, 0.1, 0.01}) {
            double soft = Numerics.softMax(x, 0, 3, t);
            assertTrue(soft >= hard && soft <= hard + t * Math.log(3) + 1e-15, "t=" + t);
        }
        assertEquals(
                0.2 * Numerics.logSumExp(new double[] {1.0, 4.5, 2.5}),
                Numerics.softMax(x, 0, 3, 0.2),
                1e-15);
    }

    @Test
    void entropyAndKlHaveTheirClosedForms() {
        assertEquals(Math.log(4), Numerics.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), 1e-15);
        assertEquals(0.0, Numerics.entropy(new double[] {1.0, 0.0}), 0.0);
        double[] p = {0.5, 0.5};
        double[] q = {0.9, 0.1};
        assertEquals(
                0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1),
                Numerics.klDivergence(p, q),
                1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Numerics.klDivergence(p, new double[] {1.0, 0.0}));
    }

    @Test
    void invalidArgumentsAreNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Numerics.softmax(new double[] {1, 2}, 0, new double[2], 0, 2, -1.0));
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Numerics.logSumExp(new double[] {1.0, Double.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Numerics.dot(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("lengths differ"), e.getMessage());
    }
}
