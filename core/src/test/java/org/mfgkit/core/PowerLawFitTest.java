package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PowerLawFitTest {

    @Test
    void exactPowerLawIsRecovered() {
        double[] x = {1e4, 9e4, 1e6};
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            y[i] = 3e-8 * Math.pow(x[i], 1.25);
        }
        PowerLawFit f = PowerLawFit.of(x, y);
        assertEquals(1.25, f.exponent(), Tolerances.TEST_EXACT);
        assertEquals(3e-8, f.prefactor(), 3e-8 * Tolerances.TEST_EXACT);
        assertEquals(3, f.points());
        assertEquals(y[1], f.at(x[1]), y[1] * Tolerances.TEST_EXACT);
    }

    @Test
    void threePointsWorkedByHand() {
        // log2 x = 0, 1, 2 (mean 1), log2 y = 0, 2, 2 (mean 4/3): slope = ((-1)(-4/3) + 0 +
        // (1)(2/3)) / ((-1)^2 + 0 + 1^2) = 1, intercept 4/3 - 1 * 1 = 1/3 in base 2
        PowerLawFit f = PowerLawFit.of(new double[] {1, 2, 4}, new double[] {1, 4, 4});
        assertEquals(1.0, f.exponent(), Tolerances.TEST_EXACT);
        assertEquals(Math.pow(2, 1.0 / 3), f.prefactor(), Tolerances.TEST_EXACT);
    }

    @Test
    void badInputIsNamed() {
        assertEquals(
                "power-law fit needs two or more (x, y) pairs of equal length, got 1 x and 1 y",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PowerLawFit.of(new double[] {1}, new double[] {1}))
                        .getMessage());
        assertEquals(
                "power-law fit needs positive, finite values, got (x, y) = (2.0, 0.0) at 1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PowerLawFit.of(new double[] {1, 2}, new double[] {1, 0}))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> PowerLawFit.of(new double[] {3, 3}, new double[] {1, 2}));
    }
}
