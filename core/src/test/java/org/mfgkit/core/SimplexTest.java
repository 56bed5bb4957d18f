package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimplexTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void acceptsDistributionsWithinTolerance() {
        assertDoesNotThrow(() -> Simplex.requireDistribution("mu0", new double[] {0.4, 0.6}));
        assertDoesNotThrow(
                () -> Simplex.requireDistribution("mu0", new double[] {0.4, 0.6 + 0.5e-9}));
        assertTrue(Simplex.isDistribution(new double[] {0.0, 1.0}, 0, 2));
        assertFalse(Simplex.isDistribution(new double[] {0.5, 0.6}, 0, 2));
    }

    @Test
    void everyFailureNamesTheArgumentAndTheProblem() {
        String m = message(() -> Simplex.requireDistribution("mu0", new double[] {0.4, 0.7}));
        assertTrue(m.contains("mu0") && m.contains("sums to"), m);
        m = message(() -> Simplex.requireDistribution("mu0", new double[] {1.2, -0.2}));
        assertTrue(m.contains("mu0") && m.contains("negative"), m);
        m = message(() -> Simplex.requireDistribution("mu0", new double[] {Double.NaN, 1.0}));
        assertTrue(m.contains("not finite"), m);
        m = message(() -> Simplex.requireDistribution("mu0", new double[] {1.0}, 2));
        assertTrue(m.contains("length 2"), m);
        m = message(() -> Simplex.requireDistribution("mu0", new double[0]));
        assertTrue(m.contains("non-empty"), m);
        m = message(() -> Simplex.requireStochasticRows("P", new double[] {0.5, 0.5, 0.3, 0.3}, 2));
        assertTrue(m.contains("P row 1") && m.contains("sums to"), m);
        m = message(() -> Simplex.requireStochasticRows("P", new double[] {0.5, 0.5, 1.0}, 2));
        assertTrue(m.contains("multiple"), m);
    }
}
