package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfgkit.core.Policy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.PopulationOperator;

class FiniteHorizonTest {
    /**
     * Every registered game as a finite-horizon game (its own {@code T}, or {@code T = 5} for a
     * stationary preset), unregularised as registered and regularised and discounted.
     */
    static Stream<FiniteHorizonMeanFieldGame> games() {
        return Games.builtIn().all().stream()
                .flatMap(
                        p -> {
                            String t =
                                    p.create().isStationary()
                                            ? "T=5"
                                            : "T=" + p.params().defaults().text("T");
                            return Stream.of(
                                    Fixtures.finite(p.name(), t),
                                    Fixtures.finite(p.name(), t, "lambda=0.1", "gamma=0.95"));
                        });
    }

    /** A random time-dependent policy with full support, from a fixed seed. */
    static TabularPolicy[] randomPolicy(FiniteHorizonMeanFieldGame g, long seed) {
        var rng = RandomStreams.create(seed);
        TabularPolicy[] pis = new TabularPolicy[g.horizon() + 1];
        for (int t = 0; t <= g.horizon(); t++) {
            double[] table = new double[g.nS() * g.nA()];
            for (int s = 0; s < g.nS(); s++) {
                double sum = 0;
                for (int a = 0; a < g.nA(); a++) {
                    table[s * g.nA() + a] = 0.05 + rng.nextDouble();
                    sum += table[s * g.nA() + a];
                }
                for (int a = 0; a < g.nA(); a++) {
                    table[s * g.nA() + a] /= sum;
                }
            }
            pis[t] = TabularPolicy.ofTable(g.nS(), g.nA(), table);
        }
        return pis;
    }

    /**
     * {@code sum_t gamma^t sum_s nu_t(s) sum_a pi_t(a|s) [r_t(s,a,mu_t) - lambda log pi_t(a|s)]},
     * with {@code nu_t} the state distribution of a representative agent playing {@code pis} in the
     * flow {@code mu} — computed forwards, independently of backward induction.
     */
    static double forwardValue(FiniteHorizonMeanFieldGame g, double[][] mu, Policy[] pis) {
        int nS = g.nS();
        int nA = g.nA();
        double[] nu = g.mu0();
        double[] p = new double[nS * nA * nS];
        double[] r = new double[nS * nA];
        double total = 0;
        double discount = 1;
        for (int t = 0; t <= g.horizon(); t++) {
            g.rewards(t, mu[t], r);
            double[] next = new double[nS];
            if (t < g.horizon()) {
                g.transitions(t, mu[t], p);
            }
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    double pa = pis[t].prob(s, a);
                    if (pa == 0) {
                        continue;
                    }
                    total += discount * nu[s] * pa * (r[s * nA + a] - g.lambda() * Math.log(pa));
                    if (t < g.horizon()) {
                        for (int s2 = 0; s2 < nS; s2++) {
                            next[s2] += nu[s] * pa * p[(s * nA + a) * nS + s2];
                        }
                    }
                }
            }
            nu = next;
            discount *= g.gamma();
        }
        return total;
    }

    @ParameterizedTest
    @MethodSource("games")
    void backwardInductionEqualsForwardSimulationOfTheFlow(FiniteHorizonMeanFieldGame g) {
        TabularPolicy[] pis = randomPolicy(g, 17);
        ExploitabilityResult e = Exploitability.of(g, pis);
        double[][] flow = e.meanField();
        assertEquals(
                forwardValue(g, flow, pis),
                e.policyValue(),
                Tolerances.TEST_EXACT * Math.max(1, Math.abs(e.policyValue())));
        // the best response, played forwards against the same flow, scores V*
        TabularPolicy[] br = BestResponse.of(g, flow).policies();
        assertEquals(
                forwardValue(g, flow, br),
                e.bestResponseValue(),
                Tolerances.TEST_EXACT * Math.max(1, Math.abs(e.bestResponseValue())));
        assertTrue(e.exploitability() > 0, "a random policy is exploitable");
        // the flow conserves mass and the representative agent's distribution is the flow
        for (double[] m : flow) {
            Simplex.requireDistribution("flow", m, g.meanFieldLength());
            assertEquals(1.0, Arrays.stream(m).sum(), 1e-14);
        }
        assertFlowIsTheAgentsDistribution(g, flow, pis);
    }

    /**
     * The representative agent's state distribution {@code nu_t}, propagated forwards on the dense
     * kernels at the flow's mean fields, is the flow: {@code nu_t = mu_t}, or for a state-action
     * mean field {@code nu_t(s) pi_t(a|s) = L_t(s,a)}.
     */
    static void assertFlowIsTheAgentsDistribution(
            FiniteHorizonMeanFieldGame g, double[][] flow, Policy[] pis) {
        int nS = g.nS();
        int nA = g.nA();
        double[] nu = g.mu0();
        double[] p = new double[nS * nA * nS];
        for (int t = 0; t <= g.horizon(); t++) {
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    double expected = nu[s] * pis[t].prob(s, a);
                    double got =
                            g.meanFieldIsStateAction()
                                    ? flow[t][s * nA + a]
                                    : flow[t][s] * pis[t].prob(s, a);
                    assertEquals(expected, got, 1e-15, "t = " + t + ", s = " + s + ", a = " + a);
                }
            }
            if (t == g.horizon()) {
                break;
            }
            g.transitions(t, flow[t], p);
            double[] next = new double[nS];
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    for (int s2 = 0; s2 < nS; s2++) {
                        next[s2] += nu[s] * pis[t].prob(s, a) * p[(s * nA + a) * nS + s2];
                    }
                }
            }
            nu = next;
        }
    }

    /**
     * Left-right, T = 1: the uniform policy is exploitable by 1/4; going left w.p. 2/3 is the
     * equilibrium.
     */
    @Test
    void leftRightByHand() {
        FiniteHorizonMeanFieldGame g = Fixtures.finite("left-right");
        TabularPolicy uniform = TabularPolicy.uniform(3, 2);
        ExploitabilityResult u = Exploitability.of(g, new Policy[] {uniform, uniform});
        assertEquals(0.25, u.exploitability(), Tolerances.TEST_EXACT);
        assertEquals(-0.75, u.policyValue(), Tolerances.TEST_EXACT);
        TabularPolicy nash =
                TabularPolicy.of(new double[][] {{2.0 / 3, 1.0 / 3}, {0.5, 0.5}, {0.5, 0.5}});
        ExploitabilityResult e = Exploitability.of(g, new Policy[] {nash, uniform});
        assertEquals(0.0, e.exploitability(), Tolerances.TEST_EXACT);
        assertEquals(-2.0 / 3, e.policyValue(), Tolerances.TEST_EXACT);
        assertEquals(2.0 / 3, e.meanField()[1][1], 1e-15);
    }

    /**
     * sis-fh: mu_{t+1}(I) = mu_t(I) (0.7 + ...) by hand for the "always go out" policy, two steps.
     */
    @Test
    void sisFlowByHand() {
        FiniteHorizonMeanFieldGame g = Fixtures.finite("sis-fh");
        TabularPolicy out = TabularPolicy.deterministic(2, new int[] {0, 0});
        TabularPolicy[] pis = new TabularPolicy[51];
        Arrays.fill(pis, out);
        double[][] flow = PopulationOperator.flow(g, pis);
        double i0 = 0.6;
        double i1 = 0.4 * 0.81 * i0 + 0.7 * i0;
        double i2 = (1 - i1) * 0.81 * i1 + 0.7 * i1;
        assertEquals(i1, flow[1][1], 1e-15);
        assertEquals(i2, flow[2][1], 1e-15);
        assertEquals(51, flow.length);
    }

    /**
     * lq-fh kernel by hand: sigma = 3 enters twice; x = 0, a = 0, mbar = 0: x' = rint(9 j
     * sqrt(0.1)).
     */
    @Test
    void lqFiniteHorizonKernelByHand() {
        FiniteHorizonMeanFieldGame g = Fixtures.finite("lq-fh");
        assertEquals(11, g.nS());
        assertEquals(5, g.nA());
        assertEquals(3, g.horizon());
        double[] p = new double[11 * 5 * 11];
        g.transitions(0, g.mu0(), p);
        Simplex.requireStochasticRows("P", p, 11);
        double z = 1 + 2 * Math.exp(-4.5) + 2 * Math.exp(-18) + 2 * Math.exp(-40.5);
        int base = (5 * 5 + 2) * 11; // x = 0, a = 0
        // j = +-1: 9 * 0.3162 = 2.85 -> +-3; j = +-2: 5.69 -> clipped to +-5; j = +-3 too
        assertEquals(1 / z, p[base + 5], 1e-15);
        assertEquals(Math.exp(-4.5) / z, p[base + 8], 1e-15);
        assertEquals(Math.exp(-4.5) / z, p[base + 2], 1e-15);
        assertEquals((Math.exp(-18) + Math.exp(-40.5)) / z, p[base + 10], 1e-15);
        // an exact half-way tie rounds to even, as torch.round: x = 5, a = 0, k = 1, mbar = 0 ->
        // 4.5 -> 4
        base = (10 * 5 + 2) * 11;
        assertEquals(1 / z, p[base + 4 + 5], 1e-15);
        // terminal reward is -c_term/2 (mbar - x)^2, not scaled by dt; running reward scaled by dt
        double[] r = new double[55];
        g.rewards(3, g.mu0(), r);
        assertEquals(-0.5 * 9, r[2 * 5 + 1], 1e-12); // x = -3
        g.rewards(0, g.mu0(), r);
        assertEquals(
                (-0.5 * 4 + 0.01 * 2 * 3 - 0.25 * 9) * 0.1, r[2 * 5 + 4], 1e-12); // x = -3, a = 2
    }
}
