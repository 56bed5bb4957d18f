package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.Policy;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

class MeanFieldGameTest {
    /** A crowd-aversion toy: action a moves to state a w.p. 1-mu(a)/2 (congestion), else stays. */
    static final class Congestion implements MeanFieldGame, FiniteHorizonMeanFieldGame {
        @Override
        public int nS() {
            return 2;
        }

        @Override
        public int nA() {
            return 2;
        }

        @Override
        public double gamma() {
            return 0.9;
        }

        @Override
        public int horizon() {
            return 3;
        }

        @Override
        public double lambda() {
            return 0.1;
        }

        @Override
        public double[] mu0() {
            return new double[] {0.7, 0.3};
        }

        @Override
        public void transitions(double[] mu, double[] out) {
            for (int s = 0; s < 2; s++) {
                for (int a = 0; a < 2; a++) {
                    double move = s == a ? 0.0 : 1 - mu[a] / 2;
                    out[(s * 2 + a) * 2 + a] += move;
                    out[(s * 2 + a) * 2 + s] += 1 - move;
                }
            }
        }

        @Override
        public void rewards(double[] mu, double[] out) {
            for (int s = 0; s < 2; s++) {
                for (int a = 0; a < 2; a++) {
                    out[s * 2 + a] = -mu[s];
                }
            }
        }

        @Override
        public void transitions(int t, double[] mu, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            transitions(mu, out);
        }

        @Override
        public void rewards(int t, double[] mu, double[] out) {
            rewards(mu, out);
        }
    }

    @Test
    void gamma2ByHandAndMassConservation() {
        Congestion game = new Congestion();
        double[] mu = {0.7, 0.3};
        // always play action 1: from 0 move to 1 w.p. 1 - 0.3/2 = 0.85; from 1 stay.
        Policy toOne = TabularPolicy.deterministic(2, new int[] {1, 1});
        double[] next = PopulationOperator.gamma2(game, toOne, mu);
        assertArrayEquals(new double[] {0.7 * 0.15, 0.7 * 0.85 + 0.3}, next, 1e-15);
        double[] mixed =
                PopulationOperator.gamma2(
                        game, TabularPolicy.of(new double[][] {{0.3, 0.7}, {0.6, 0.4}}), mu);
        assertEquals(1.0, mixed[0] + mixed[1], 1e-15);
    }

    @Test
    void inducedMdpCarriesTheMeanFieldAndFlowFollowsGamma2() {
        Congestion game = new Congestion();
        FiniteMdp mdp = game.inducedMdp(new double[] {0.5, 0.5});
        assertEquals(-0.5, mdp.r(0, 1));
        assertEquals(0.75, mdp.p(0, 1, 1), 1e-15);
        assertEquals(0.9, mdp.gamma());
        Policy[] pis = new Policy[4];
        java.util.Arrays.fill(pis, TabularPolicy.uniform(2, 2));
        double[][] flow = PopulationOperator.flow(game, pis);
        assertEquals(4, flow.length);
        assertArrayEquals(game.mu0(), flow[0], 0.0);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(
                    PopulationOperator.gamma2(game, pis[t], flow[t]),
                    flow[t + 1],
                    Tolerances.TEST_EXACT);
        }
        FiniteHorizonMdp fh = game.inducedMdp(flow);
        assertEquals(3, fh.horizon());
        assertEquals(-flow[2][1], fh.rewardArray(2)[2]);
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> game.inducedMdp(new double[] {0.5, 0.6}))
                        .getMessage()
                        .contains("mean field mu"));
    }

    private static <T extends Throwable> T assertThrows(
            Class<T> type, org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(type, e);
    }
}
