package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;

/**
 * The shared exact kernels of {@link PolicyEvaluation}: the two-row Bellman pass and the LU solve
 * with its transpose.
 */
class ExactKernelsTest {

    /**
     * Two rows at a time gives exactly the numbers of one dot product per row (odd rows, n not a
     * multiple of 4).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 13})
    void bellmanRowsEqualsOneDotProductPerRowBitForBit(int n) {
        RandomGenerator rng = RandomStreams.create(n);
        int rows = 2 * n + 1;
        double[] p = new double[rows * n];
        double[] r = new double[rows];
        double[] v = new double[n];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble();
        }
        for (int i = 0; i < rows; i++) {
            r[i] = rng.nextGaussian();
        }
        for (int k = 0; k < n; k++) {
            v[k] = 10 * rng.nextGaussian();
        }
        double[] q = new double[rows];
        PolicyEvaluation.bellmanRows(p, r, 0.9, v, n, rows, q);
        for (int i = 0; i < rows; i++) {
            assertEquals(
                    r[i] + 0.9 * PolicyEvaluation.dotRow(p, i * n, v, n), q[i], 0.0, "row " + i);
        }
    }

    /**
     * Hand-worked 2x2 that needs a row swap: A = [[0, 1], [2, 3]], A x = (1, 5) gives x = (1, 1);
     * A^T y = (2, 5) gives y = (2, 1).
     */
    @Test
    void transposeSolveByHandWithPivoting() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{0, 1}, {2, 3}});
        double[][] xy =
                PolicyEvaluation.solveWithTranspose(a, new double[] {1, 5}, new double[] {2, 5});
        assertArrayEquals(new double[] {1, 1}, xy[0], Tolerances.TEST_EXACT);
        assertArrayEquals(new double[] {2, 1}, xy[1], Tolerances.TEST_EXACT);
        assertEquals(0.0, a.get(0, 0), "a is not modified");
    }

    /** On random non-symmetric systems: x is that of solve(), and both residuals vanish. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void transposeSolveOnRandomSystems(long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        int n = 37;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n * n; i++) {
            a.data[i] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
            c[i] = rng.nextGaussian();
        }
        double[][] xy = PolicyEvaluation.solveWithTranspose(a, b, c);
        assertArrayEquals(PolicyEvaluation.solve(a, b), xy[0], 0.0);
        for (int i = 0; i < n; i++) {
            double ax = 0.0;
            double aty = 0.0;
            for (int k = 0; k < n; k++) {
                ax += a.get(i, k) * xy[0][k];
                aty += a.get(k, i) * xy[1][k];
            }
            assertEquals(b[i], ax, Tolerances.TEST_EXACT, "A x = b, row " + i);
            assertEquals(c[i], aty, Tolerances.TEST_EXACT, "A^T y = c, row " + i);
        }
    }
}
