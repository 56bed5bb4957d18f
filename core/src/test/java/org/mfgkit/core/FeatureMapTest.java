package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureMapTest {
    private static final double[] X = FeatureMap.symmetricGrid(12);
    private static final double[] A = FeatureMap.symmetricGrid(3);

    @Test
    void polynomialMonomialsInOrderAndBounded() {
        FeatureMap phi = FeatureMap.polynomial(X, A, 2);
        assertEquals(6, phi.dim());
        double c = 1 / Math.sqrt(6);
        // x = 6 (u = 0.5), a = -3 (v = -1): (1, u, v, u^2, uv, v^2) / sqrt(6)
        int s = 18;
        int a = 0;
        double[] expected = {1, 0.5, -1, 0.25, -0.5, 1};
        for (int k = 0; k < 6; k++) {
            assertEquals(c * expected[k], phi.get(s, a, k), Tolerances.TEST_EXACT);
        }
        assertMaxNormAtMostOne(phi);
        assertEquals(1.0, norm(phi, 24, 6), Tolerances.TEST_EXACT); // corner: every monomial is +-1
    }

    @Test
    void radialFeaturesHaveUnitNorm() {
        FeatureMap phi = FeatureMap.radial(X, A, 5, 3, 0.4);
        assertEquals(15, phi.dim());
        for (int s = 0; s < 25; s++) {
            for (int a = 0; a < 7; a++) {
                assertEquals(1.0, norm(phi, s, a), Tolerances.TEST_EXACT);
            }
        }
        // the centre (0,0) is centre index 2*3+1 = 7 and dominates at x = 0, a = 0
        int argmax = 0;
        for (int k = 1; k < 15; k++) {
            if (phi.get(12, 3, k) > phi.get(12, 3, argmax)) {
                argmax = k;
            }
        }
        assertEquals(7, argmax);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.polynomial(X, A, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureMap.polynomial(new double[] {0, 0}, A, 1));
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.radial(X, A, 0, 3, 0.4));
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.radial(X, A, 2, 3, 0.0));
    }

    @Test
    void specsBuildTheMapsOnTheCentredCoordinates() {
        // 25 states and 7 actions: the centred coordinates are the LQ positions -12..12 and
        // controls -3..3
        FeatureMap phi = FeatureMap.fromSpec("polynomial:2", 25, 7);
        FeatureMap direct = FeatureMap.polynomial(X, A, 2);
        for (int s = 0; s < 25; s++) {
            for (int a = 0; a < 7; a++) {
                for (int k = 0; k < 6; k++) {
                    assertEquals(direct.get(s, a, k), phi.get(s, a, k), 0.0);
                }
            }
        }
        assertEquals(15, FeatureMap.fromSpec("radial:5:3:0.4", 25, 7).dim());
        assertEquals(175, FeatureMap.fromSpec("one-hot", 25, 7).dim());
        for (String bad :
                new String[] {"poly", "polynomial:0", "radial:5:3", "radial:5:3:-1", ""}) {
            assertTrue(!FeatureMap.isSpec(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> FeatureMap.fromSpec(bad, 2, 2));
        }
    }

    private static void assertMaxNormAtMostOne(FeatureMap phi) {
        for (int s = 0; s < phi.nS(); s++) {
            for (int a = 0; a < phi.nA(); a++) {
                assertTrue(norm(phi, s, a) <= 1 + Tolerances.FEATURE_NORM);
            }
        }
    }

    private static double norm(FeatureMap phi, int s, int a) {
        double sum = 0.0;
        for (int k = 0; k < phi.dim(); k++) {
            sum += phi.get(s, a, k) * phi.get(s, a, k);
        }
        return Math.sqrt(sum);
    }
}
