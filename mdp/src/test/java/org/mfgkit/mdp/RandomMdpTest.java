package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/** Identities on random MDPs, each checked against an independent computation. */
class RandomMdpTest {
    static TabularPolicy randomPolicy(int nS, int nA, RandomGenerator rng) {
        double[] logits = new double[nS * nA];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 2 * rng.nextGaussian();
        }
        return TabularPolicy.softmax(nS, nA, logits, 1.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void luEvaluationEqualsIteration(long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        FiniteMdp mdp = FiniteMdp.random(12, 4, 0.9, rng);
        TabularPolicy pi = randomPolicy(12, 4, rng);
        for (double lambda : new double[] {0.0, 0.1, 1.0}) {
            double[] lu = PolicyEvaluation.evaluate(mdp, pi, lambda);
            double[] it = PolicyEvaluation.evaluateIteratively(mdp, pi, lambda, 1e-13);
            assertArrayEquals(it, lu, Tolerances.TEST_EXACT);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.1, 1.0})
    void softValueIterationEqualsSoftPolicyIteration(double lambda) {
        RandomGenerator rng = RandomStreams.create(17);
        FiniteMdp mdp = FiniteMdp.random(15, 5, 0.9, rng);
        SoftSolution vi = SoftValueIteration.solve(mdp, lambda);
        SoftSolution pi = SoftPolicyIteration.solve(mdp, lambda);
        assertArrayEquals(pi.v(), vi.v(), Tolerances.TEST_ITERATIVE);
        assertArrayEquals(pi.q(), vi.q(), Tolerances.TEST_ITERATIVE);
        // the soft-optimal policy, evaluated exactly, attains V*
        assertArrayEquals(
                pi.v(),
                PolicyEvaluation.evaluate(mdp, pi.policy(), lambda),
                Tolerances.TEST_ITERATIVE);
        // and no other policy does better
        for (int k = 0; k < 20; k++) {
            double[] v = PolicyEvaluation.evaluate(mdp, randomPolicy(15, 5, rng), lambda);
            for (int s = 0; s < 15; s++) {
                assertTrue(v[s] <= pi.v()[s] + 1e-12);
            }
        }
    }

    @Test
    void softOptimumTendsToHardOptimumAsLambdaVanishes() {
        FiniteMdp mdp = FiniteMdp.random(10, 3, 0.8, RandomStreams.create(5));
        double[] hard = SoftPolicyIteration.solve(mdp, 0.0).v();
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {1.0, 0.1, 0.01, 1e-3, 1e-4}) {
            double gap = Numerics.supDistance(SoftPolicyIteration.solve(mdp, lambda).v(), hard);
            // 0 <= V*_lambda - V*_0 <= lambda log|A| / (1 - gamma)
            assertTrue(
                    gap <= lambda * Math.log(3) / (1 - 0.8) + 1e-12,
                    "lambda=" + lambda + " gap=" + gap);
            assertTrue(gap < previous);
            previous = gap;
        }
    }

    @Test
    void policyGradientTheoremMatchesFiniteDifferences() {
        // d V(rho) / d theta = 1/(1-gamma) sum_s d(s) sum_a pi(a|s) score(s,a) (Q(s,a) - lambda log
        // pi(a|s))
        int nS = 6;
        int nA = 3;
        int dim = 5;
        RandomGenerator rng = RandomStreams.create(99);
        FiniteMdp mdp = FiniteMdp.random(nS, nA, 0.85, rng);
        double[] raw = new double[nS * nA * dim];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = rng.nextGaussian() / Math.sqrt(dim) / 2;
        }
        FeatureMap phi =
                FeatureMap.of(
                        nS,
                        nA,
                        dim,
                        (s, a, out) -> {
                            System.arraycopy(raw, (s * nA + a) * dim, out, 0, dim);
                            double n = Numerics.norm2(out);
                            if (n > 1) {
                                for (int k = 0; k < dim; k++) {
                                    out[k] /= n;
                                }
                            }
                        });
        double[] theta = new double[dim];
        for (int k = 0; k < dim; k++) {
            theta[k] = rng.nextGaussian();
        }
        double[] rho = {0.1, 0.2, 0.3, 0.1, 0.2, 0.1};
        double lambda = 0.3;
        LogLinearPolicy pi = new LogLinearPolicy(phi, theta);
        double[] v = PolicyEvaluation.evaluate(mdp, pi, lambda);
        double[] q = PolicyEvaluation.qValues(mdp, v);
        double[] d = Occupancy.discounted(mdp, pi, rho);
        double[] grad = new double[dim];
        double[] score = new double[dim];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                pi.score(s, a, score);
                double w =
                        d[s]
                                * pi.prob(s, a)
                                * (q[s * nA + a] - lambda * pi.logProb(s, a))
                                / (1 - mdp.gamma());
                for (int k = 0; k < dim; k++) {
                    grad[k] += w * score[k];
                }
            }
        }
        double h = 1e-5;
        for (int k = 0; k < dim; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double fd =
                    (PolicyEvaluation.value(
                                            PolicyEvaluation.evaluate(
                                                    mdp, new LogLinearPolicy(phi, plus), lambda),
                                            rho)
                                    - PolicyEvaluation.value(
                                            PolicyEvaluation.evaluate(
                                                    mdp, new LogLinearPolicy(phi, minus), lambda),
                                            rho))
                            / (2 * h);
            assertEquals(fd, grad[k], Tolerances.TEST_FINITE_DIFFERENCE, "component " + k);
        }
    }

    @Test
    void occupancyIsADistributionSatisfyingItsBalanceEquation() {
        RandomGenerator rng = RandomStreams.create(8);
        FiniteMdp mdp = FiniteMdp.random(20, 4, 0.95, rng);
        TabularPolicy pi = randomPolicy(20, 4, rng);
        double[] rho = new double[20];
        rho[3] = 0.5;
        rho[7] = 0.5;
        double[] d = Occupancy.discounted(mdp, pi, rho);
        Simplex.requireDistribution("d_pi", d);
        // d = (1-gamma) rho + gamma d P_pi
        double[] pPi = PolicyEvaluation.policyTransition(mdp, pi);
        for (int s2 = 0; s2 < 20; s2++) {
            double flow = 0;
            for (int s = 0; s < 20; s++) {
                flow += d[s] * pPi[s * 20 + s2];
            }
            assertEquals((1 - 0.95) * rho[s2] + 0.95 * flow, d[s2], Tolerances.TEST_EXACT);
        }
        // and the value identity V(rho) = sum_s d(s) (r_pi + lambda H)(s) / (1 - gamma)
        double lambda = 0.2;
        double[] b = PolicyEvaluation.regularisedReward(mdp, pi, lambda);
        assertEquals(
                PolicyEvaluation.value(PolicyEvaluation.evaluate(mdp, pi, lambda), rho),
                PolicyEvaluation.value(b, d) / (1 - 0.95),
                1e-9);
    }
}
