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

    /**
     * The scaled simplex {@code sum p = r}: hand-worked cases, and on random points the KKT
     * conditions ({@code p_i = max(x_i - theta, 0)} with one {@code theta}, {@code sum p = r}).
     */
    @Test
    void scaledSimplexProjectionMeetsItsOptimalityConditions() {
        double[] both = {1.5, 1.0}; // theta = (2.5 - 2)/2 = 0.25
        Projections.projectToSimplex(both, 2.0);
        assertArrayEquals(new double[] {1.25, 0.75}, both, 1e-15);
        double[] one = {3.0, 0.0}; // theta = 1: the second coordinate is cut to 0
        Projections.projectToSimplex(one, 2.0);
        assertArrayEquals(new double[] {2.0, 0.0}, one, 1e-15);
        RandomGenerator rng = RandomStreams.create(8);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + rng.nextInt(8);
            double r = 0.1 + 50 * rng.nextDouble();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 20 * rng.nextGaussian();
            }
            double[] p = x.clone();
            Projections.projectToSimplex(p, r);
            double sum = 0;
            double theta = Double.NaN;
            for (int i = 0; i < n; i++) {
                sum += p[i];
                if (p[i] > 0) {
                    theta = x[i] - p[i];
                }
            }
            assertEquals(r, sum, 1e-12 * (r + 1));
            for (int i = 0; i < n; i++) {
                assertEquals(Math.max(x[i] - theta, 0.0), p[i], 1e-12 * (r + 20));
            }
        }
    }

    private static double dist2(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return d;
    }
}
