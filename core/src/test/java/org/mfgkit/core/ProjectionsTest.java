package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ProjectionsTest {
    @Test
    void ballProjectionKeepsInsidePointsAndScalesOutsideOnesToTheSphere() {
        double[] inside = {0.3, 0.4};
        assertEquals(1.0, Projections.projectToBall(inside, 1.0));
        assertArrayEquals(new double[] {0.3, 0.4}, inside, 0.0);
        double[] outside = {3.0, 4.0}; // norm 5
        assertEquals(0.4, Projections.projectToBall(outside, 2.0), 1e-15);
        assertArrayEquals(new double[] {1.2, 1.6}, outside, 1e-15);
    }

    @Test
    void simplexProjectionIsTheClosestPointOfTheSimplex() {
        RandomGenerator rng = RandomStreams.create(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rng.nextInt(5);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 3 * rng.nextGaussian();
            }
            double[] p = x.clone();
            Projections.projectToSimplex(p);
            assertTrue(Simplex.isDistribution(p, 0, n));
            double best = dist2(x, p);
            // no random point of the simplex is closer (projection is the unique minimiser)
            for (int k = 0; k < 200; k++) {
                double[] q = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    q[i] = -Math.log(1 - rng.nextDouble());
                    sum += q[i];
                }
                for (int i = 0; i < n; i++) {
                    q[i] /= sum;
                }
                assertTrue(dist2(x, q) >= best - 1e-12);
            }
        }
        double[] already = {0.2, 0.8};
        Projections.projectToSimplex(already);
        assertArrayEquals(new double[] {0.2, 0.8}, already, 1e-15);
    }

    private static double dist2(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return d;
    }
}
