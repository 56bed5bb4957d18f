package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.Policy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

class FiniteHorizonTest {
    static FiniteHorizonMdp randomFiniteHorizon(
            int nS, int nA, int horizon, double gamma, RandomGenerator rng) {
        double[][] p = new double[horizon][];
        double[][] r = new double[horizon + 1][];
        for (int t = 0; t <= horizon; t++) {
            FiniteMdp m = FiniteMdp.random(nS, nA, 0.5, rng);
            r[t] = m.rewardArray().clone();
            if (t < horizon) {
                p[t] = m.transitionArray().clone();
            }
        }
        return new FiniteHorizonMdp(nS, nA, gamma, p, r);
    }

    @Test
    void backwardInductionEqualsForwardPropagationOfTheStateDistribution() {
        RandomGenerator rng = RandomStreams.create(21);
        int nS = 5;
        int nA = 3;
        int horizon = 6;
        double gamma = 0.9;
        double lambda = 0.15;
        FiniteHorizonMdp mdp = randomFiniteHorizon(nS, nA, horizon, gamma, rng);
        Policy[] pis = new Policy[horizon + 1];
        for (int t = 0; t <= horizon; t++) {
            pis[t] = RandomMdpTest.randomPolicy(nS, nA, rng);
        }
        double[] rho = {0.3, 0.1, 0.2, 0.25, 0.15};
        // forward: sum_t gamma^t E_{s ~ m_t, a ~ pi_t}[r_t(s,a) + lambda H(pi_t(.|s))]
        double[] m = rho.clone();
        double forward = 0;
        for (int t = 0; t <= horizon; t++) {
            double[] next = new double[nS];
            for (int s = 0; s < nS; s++) {
                forward += Math.pow(gamma, t) * m[s] * lambda * pis[t].entropy(s);
                for (int a = 0; a < nA; a++) {
                    double w = m[s] * pis[t].prob(s, a);
                    forward += Math.pow(gamma, t) * w * mdp.rewardArray(t)[s * nA + a];
                    if (t < horizon) {
                        for (int s2 = 0; s2 < nS; s2++) {
                            next[s2] += w * mdp.transitionArray(t)[(s * nA + a) * nS + s2];
                        }
                    }
                }
            }
            m = next;
        }
        double[][] v = BackwardInduction.evaluate(mdp, pis, lambda);
        assertEquals(forward, PolicyEvaluation.value(v[0], rho), Tolerances.TEST_EXACT);
    }

    @Test
    void softOptimalPoliciesAttainTheOptimalValuesAndDominate() {
        RandomGenerator rng = RandomStreams.create(4);
        FiniteHorizonMdp mdp = randomFiniteHorizon(4, 3, 5, 1.0, rng);
        for (double lambda : new double[] {0.0, 0.2}) {
            FiniteHorizonSolution opt = BackwardInduction.softOptimal(mdp, lambda);
            double[][] v = BackwardInduction.evaluate(mdp, opt.policies(), lambda);
            for (int t = 0; t <= 5; t++) {
                assertArrayEquals(opt.v()[t], v[t], Tolerances.TEST_EXACT);
            }
            for (int k = 0; k < 20; k++) {
                Policy[] pis = new Policy[6];
                for (int t = 0; t <= 5; t++) {
                    pis[t] = RandomMdpTest.randomPolicy(4, 3, rng);
                }
                double[] other = BackwardInduction.evaluate(mdp, pis, lambda)[0];
                for (int s = 0; s < 4; s++) {
                    assertTrue(other[s] <= opt.v()[0][s] + 1e-12);
                }
            }
        }
    }

    @Test
    void longHorizonDiscountedValueApproachesTheStationaryValue() {
        // a time-invariant finite-horizon MDP with T -> infinity tends to the discounted
        // infinite-horizon value
        FiniteMdp base = FiniteMdp.random(4, 2, 0.6, RandomStreams.create(12));
        int horizon = 80;
        double[][] p = new double[horizon][];
        double[][] r = new double[horizon + 1][];
        for (int t = 0; t <= horizon; t++) {
            r[t] = base.rewardArray();
            if (t < horizon) {
                p[t] = base.transitionArray();
            }
        }
        FiniteHorizonMdp fh = new FiniteHorizonMdp(4, 2, 0.6, p, r);
        double[] stationary = SoftValueIteration.solve(base, 0.1).v();
        double[] finite = BackwardInduction.softOptimal(fh, 0.1).v()[0];
        // tail bound: gamma^(T+1) * (max |r| + lambda log|A|) / (1 - gamma)
        assertArrayEquals(
                stationary,
                finite,
                Math.pow(0.6, horizon + 1) * (1 + 0.1 * Math.log(2)) / 0.4 + 1e-12);
        TabularPolicy uniform = TabularPolicy.uniform(4, 2);
        assertEquals(4, uniform.nS());
    }
}
