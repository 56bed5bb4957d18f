package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfgkit.core.Policy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;
import org.mfgkit.mdp.SparseKernel;

/**
 * The projection onto the occupation measures of a flow, by its defining properties: {@code A^T} is
 * the adjoint of {@code A}; the result is feasible, satisfies the KKT conditions with its dual
 * ({@code d = max(y + A^T lambda, 0)}), and is nearer to {@code y} than the occupation measure of
 * any policy; the factorised and the conjugate-gradient Newton steps give the same point.
 */
class FlowPolytopeProjectionTest {
    record Setup(
            FlowPolytopeProjection projection, FiniteHorizonMeanFieldGame game, double[][] y) {}

    static Setup setup(String name, long seed, int denseLimit) {
        FiniteHorizonMeanFieldGame game = MfglibFixture.game(name);
        int nS = game.nS();
        int nA = game.nA();
        int horizon = game.horizon();
        RandomGenerator rng = RandomStreams.create(seed);
        double[][] flow = SparseBackwardInduction.flow(game, FiniteHorizonIterations.uniform(game));
        SparseKernel[] kernels = new SparseKernel[horizon];
        for (int t = 0; t < horizon; t++) {
            kernels[t] = game.sparseTransitions(t, flow[t]);
        }
        double[][] y = new double[horizon + 1][nS * nA];
        for (double[] row : y) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextGaussian() * 0.3;
            }
        }
        return new Setup(
                new FlowPolytopeProjection(game.mu0(), kernels, nS, nA, denseLimit), game, y);
    }

    /** {@code d_t(s,a) = mu_t(s) pi_t(a|s)} for a random policy: a feasible point. */
    static double[][] occupation(FiniteHorizonMeanFieldGame game, long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        int nS = game.nS();
        int nA = game.nA();
        Policy[] pis = new Policy[game.horizon() + 1];
        for (int t = 0; t < pis.length; t++) {
            double[] table = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                double sum = 0;
                for (int a = 0; a < nA; a++) {
                    table[s * nA + a] = rng.nextDouble();
                    sum += table[s * nA + a];
                }
                for (int a = 0; a < nA; a++) {
                    table[s * nA + a] /= sum;
                }
            }
            pis[t] = TabularPolicy.ofTable(nS, nA, table);
        }
        double[][] mu = SparseBackwardInduction.flow(game, pis);
        double[][] d = new double[pis.length][nS * nA];
        for (int t = 0; t < pis.length; t++) {
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    d[t][s * nA + a] = mu[t][s] * pis[t].prob(s, a);
                }
            }
        }
        return d;
    }

    static double distance2(double[][] a, double[][] b) {
        double sum = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                sum += (a[t][i] - b[t][i]) * (a[t][i] - b[t][i]);
            }
        }
        return sum;
    }

    @ParameterizedTest
    @CsvSource({"sis-fh, 1", "lq-fh, 2", "left-right, 3"})
    void theProjectionIsFeasibleSatisfiesKktAndIsNearest(String name, long seed) {
        Setup s = setup(name, seed, FlowPolytopeProjection.DENSE_LIMIT);
        FiniteHorizonMeanFieldGame game = s.game();
        int horizon = game.horizon();
        int nS = game.nS();
        int nA = game.nA();
        double[][] d = s.projection().project(s.y());
        // adjoint: <A x, l> = <x, A^T l> on the random y and the dual found
        double[][] lambda = s.projection().lastDual();
        double[][] ax = new double[horizon + 1][nS];
        double[][] atl = new double[horizon + 1][nS * nA];
        s.projection().apply(s.y(), ax);
        s.projection().adjoint(lambda, atl);
        double left = 0;
        double right = 0;
        for (int t = 0; t <= horizon; t++) {
            for (int k = 0; k < nS; k++) {
                left += ax[t][k] * lambda[t][k];
            }
            for (int i = 0; i < nS * nA; i++) {
                right += s.y()[t][i] * atl[t][i];
            }
        }
        assertEquals(left, right, Tolerances.TEST_EXACT * Math.max(1, Math.abs(left)));
        // feasibility: initial marginal mu0 and flow conservation, d >= 0
        s.projection().apply(d, ax);
        double[] mu0 = game.mu0();
        for (int t = 0; t <= horizon; t++) {
            for (int k = 0; k < nS; k++) {
                double b = t == horizon ? mu0[k] : 0.0;
                assertEquals(b, ax[t][k], FlowPolytopeProjection.TOLERANCE);
            }
            for (int i = 0; i < nS * nA; i++) {
                assertTrue(d[t][i] >= 0.0);
                // KKT: d = max(y + A^T lambda, 0)
                assertEquals(
                        Math.max(s.y()[t][i] + atl[t][i], 0.0), d[t][i], Tolerances.TEST_EXACT);
            }
        }
        // nearest: no occupation measure of a policy is closer to y
        double best = distance2(d, s.y());
        for (long k = 0; k < 20; k++) {
            assertTrue(best <= distance2(occupation(game, k), s.y()) + Tolerances.TEST_EXACT);
        }
    }

    @ParameterizedTest
    @CsvSource({"sis-fh, 4", "lq-fh, 5"})
    void factorisedAndConjugateGradientNewtonStepsAgree(String name, long seed) {
        double[][] dense =
                setup(name, seed, FlowPolytopeProjection.DENSE_LIMIT)
                        .projection()
                        .project(setup(name, seed, 0).y());
        double[][] cg = setup(name, seed, 0).projection().project(setup(name, seed, 0).y());
        for (int t = 0; t < dense.length; t++) {
            assertArrayEquals(dense[t], cg[t], Tolerances.TEST_ITERATIVE);
        }
    }
}
