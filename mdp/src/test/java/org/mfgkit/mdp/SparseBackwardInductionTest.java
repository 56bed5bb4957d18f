package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfgkit.core.Policy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/** The sparse computations against the dense ones ({@link BackwardInduction}) on the same games. */
class SparseBackwardInductionTest {
    /**
     * A crowd on a ring of {@code n} cells: actions stay / left / right; a move succeeds w.p.
     * {@code 1 - mu(target)/2} (congestion) and otherwise the agent slips back or stays, so each
     * pair reaches at most 3 cells; reward {@code -log(mu(s) + 1e-3) - c_t|a|}. Dense ({@link
     * #transitions}); {@link Local} builds the same kernel directly.
     */
    static class Ring implements FiniteHorizonMeanFieldGame {
        final int n;
        final int horizon;
        final double gamma;
        final double lambda;

        Ring(int n, int horizon, double gamma, double lambda) {
            this.n = n;
            this.horizon = horizon;
            this.gamma = gamma;
            this.lambda = lambda;
        }

        @Override
        public int nS() {
            return n;
        }

        @Override
        public int nA() {
            return 3;
        }

        @Override
        public int horizon() {
            return horizon;
        }

        @Override
        public double gamma() {
            return gamma;
        }

        @Override
        public double lambda() {
            return lambda;
        }

        @Override
        public double[] mu0() {
            double[] mu = new double[n];
            for (int s = 0; s < n; s++) {
                mu[s] = 1.0 + s % 3;
            }
            double sum = Arrays.stream(mu).sum();
            for (int s = 0; s < n; s++) {
                mu[s] /= sum;
            }
            return mu;
        }

        /** The entries of row (s,a): target, its probability, the slip cell and its own. */
        void row(int t, double[] mu, int s, int a, double[] w, int[] to) {
            int target = Math.floorMod(s + (a == 0 ? 0 : a == 1 ? -1 : 1), n);
            double ok = 1 - mu[target] / 2;
            to[0] = target;
            w[0] = ok;
            to[1] = Math.floorMod(s - (target - s), n);
            w[1] = (1 - ok) * (t % 2 == 0 ? 0.25 : 0.5);
            to[2] = s;
            w[2] = 1 - w[0] - w[1];
        }

        @Override
        public void transitions(int t, double[] mu, double[] out) {
            Arrays.fill(out, 0.0);
            double[] w = new double[3];
            int[] to = new int[3];
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < 3; a++) {
                    row(t, mu, s, a, w, to);
                    for (int j = 0; j < 3; j++) {
                        out[(s * 3 + a) * n + to[j]] += w[j];
                    }
                }
            }
        }

        @Override
        public void rewards(int t, double[] mu, double[] out) {
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < 3; a++) {
                    out[s * 3 + a] = -Math.log(mu[s] + 1e-3) - (1 + t % 3) * 0.1 * (a == 0 ? 0 : 1);
                }
            }
        }
    }

    /** The same game with its kernel built directly, row by row, in O(S*A*k). */
    static final class Local extends Ring {
        Local(int n, int horizon, double gamma, double lambda) {
            super(n, horizon, gamma, lambda);
        }

        @Override
        public SparseKernel sparseTransitions(int t, double[] mu) {
            SparseKernel.RowWriter b = new SparseKernel.RowWriter(n, 3, n * 9);
            double[] w = new double[3];
            int[] to = new int[3];
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < 3; a++) {
                    row(t, mu, s, a, w, to);
                    for (int j = 0; j < 3; j++) {
                        b.add(to[j], w[j]);
                    }
                    b.endRow();
                }
            }
            return b.build();
        }
    }

    static Policy[] randomPolicies(FiniteHorizonMeanFieldGame g, long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        Policy[] pis = new Policy[g.horizon() + 1];
        for (int t = 0; t < pis.length; t++) {
            pis[t] = RandomMdpTest.randomPolicy(g.nS(), g.nA(), rng);
        }
        return pis;
    }

    @ParameterizedTest
    @CsvSource({"7, 5, 1.0, 0.0", "7, 5, 0.9, 0.2", "2, 1, 1.0, 0.5", "11, 0, 1.0, 0.0"})
    void sparseAndDenseAgreeOnFlowValuesBestResponseAndExploitability(
            int n, int horizon, double gamma, double lambda) {
        Ring dense = new Ring(n, horizon, gamma, lambda);
        Local local = new Local(n, horizon, gamma, lambda);
        Policy[] pis = randomPolicies(dense, 17);
        double[][] flow = PopulationOperator.flow(dense, pis);
        for (FiniteHorizonMeanFieldGame g : new FiniteHorizonMeanFieldGame[] {dense, local}) {
            double[][] sparseFlow = SparseBackwardInduction.flow(g, pis);
            for (int t = 0; t <= horizon; t++) {
                assertArrayEquals(flow[t], sparseFlow[t], 0.0, "flow is the same bit for bit");
                if (t < horizon) {
                    assertArrayEquals(
                            dense.inducedMdp(flow).transitionArray(t),
                            g.sparseTransitions(t, flow[t]).toDense(),
                            Tolerances.TEST_EXACT);
                }
            }
            FiniteHorizonMdp mdp = dense.inducedMdp(flow);
            double[][] v = BackwardInduction.evaluate(mdp, pis, lambda);
            double[][] q = SparseBackwardInduction.policyQValues(g, flow, pis, lambda);
            double[][] vs = SparseBackwardInduction.evaluate(g, flow, pis, lambda);
            FiniteHorizonSolution opt = BackwardInduction.softOptimal(mdp, lambda);
            FiniteHorizonSolution sopt = SparseBackwardInduction.softOptimal(g, flow, lambda);
            for (int t = 0; t <= horizon; t++) {
                assertArrayEquals(v[t], vs[t], Tolerances.TEST_EXACT);
                assertArrayEquals(
                        BackwardInduction.qValues(mdp, t, t < horizon ? v[t + 1] : null),
                        q[t],
                        Tolerances.TEST_EXACT);
                assertArrayEquals(opt.v()[t], sopt.v()[t], Tolerances.TEST_EXACT);
                assertArrayEquals(opt.q()[t], sopt.q()[t], Tolerances.TEST_EXACT);
                assertArrayEquals(
                        opt.q()[t],
                        SparseBackwardInduction.optimalQValues(g, flow, lambda)[t],
                        Tolerances.TEST_EXACT);
                assertArrayEquals(
                        opt.policies()[t].table(),
                        sopt.policies()[t].table(),
                        Tolerances.TEST_EXACT);
            }
            FiniteHorizonExploitability e = SparseBackwardInduction.exploitability(g, pis);
            assertEquals(opt.value(dense.mu0()), e.bestValue(), Tolerances.TEST_EXACT);
            assertEquals(
                    PolicyEvaluation.value(v[0], dense.mu0()),
                    e.policyValue(),
                    Tolerances.TEST_EXACT);
            assertTrue(e.exploitability() >= -Tolerances.TEST_EXACT);
        }
    }

    @ParameterizedTest
    @CsvSource({"6, 4, 0.0", "6, 4, 0.3"})
    void bestResponseToItsOwnFlowScoresItsValueAndBeatsEveryOtherPolicy(
            int n, int horizon, double lambda) {
        Local g = new Local(n, horizon, 1.0, lambda);
        double[][] flow = SparseBackwardInduction.flow(g, randomPolicies(g, 3));
        FiniteHorizonSolution best = SparseBackwardInduction.softOptimal(g, flow, lambda);
        double[] mu0 = g.mu0();
        double[][] v = SparseBackwardInduction.evaluate(g, flow, best.policies(), lambda);
        assertEquals(best.value(mu0), PolicyEvaluation.value(v[0], mu0), Tolerances.TEST_EXACT);
        for (long seed = 0; seed < 10; seed++) {
            double[][] other =
                    SparseBackwardInduction.evaluate(g, flow, randomPolicies(g, seed), lambda);
            for (int s = 0; s < n; s++) {
                assertTrue(other[0][s] <= best.v()[0][s] + Tolerances.TEST_EXACT);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 3"})
    void aFixedKernelIsOneInstanceAndUniformMassIsConserved(int n, int horizon) {
        SparseKernel k =
                new Local(n, horizon, 1.0, 0.0).sparseTransitions(0, new Local(n, 0, 1, 0).mu0());
        FiniteHorizonMeanFieldGame fixed =
                new Ring(n, horizon, 1.0, 0.0) {
                    @Override
                    public SparseKernel sparseTransitions(int t, double[] mu) {
                        return k;
                    }
                };
        assertSame(fixed.sparseTransitions(0, null), fixed.sparseTransitions(2, null));
        Policy[] uniform = new Policy[horizon + 1];
        Arrays.fill(uniform, TabularPolicy.uniform(n, 3));
        for (double[] mu : SparseBackwardInduction.flow(fixed, uniform)) {
            assertEquals(1.0, Arrays.stream(mu).sum(), Tolerances.TEST_EXACT);
        }
    }
}
