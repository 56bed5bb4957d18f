package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.Occupancy;
import org.mfgkit.mdp.PolicyEvaluation;

class TdZeroCriticTest {
    @Test
    void twoStepsWorkedByHand() {
        double gamma = 0.5;
        double lambda = 0.2;
        TdZeroCritic td =
                new TdZeroCritic(
                        2, gamma, lambda, Double.POSITIVE_INFINITY, StepSchedule.constant(0.1));
        // step 0: psi = 0, delta = 1 - 0.2 log 0.5
        double delta0 = td.update(new double[] {1, 0}, 1.0, Math.log(0.5), new double[] {0, 1});
        double d0 = 1.0 - 0.2 * Math.log(0.5);
        assertEquals(d0, delta0, Tolerances.TEST_EXACT);
        assertArrayEquals(new double[] {0.1 * d0, 0.0}, td.weights(), Tolerances.TEST_EXACT);
        // step 1: psi = (0.1 d0, 0), phi = e_1, next = e_0: delta = 0 - 0.2 log 0.25 + 0.5 * 0.1 d0
        // - 0
        double delta1 = td.update(new double[] {0, 1}, 0.0, Math.log(0.25), new double[] {1, 0});
        double d1 = -0.2 * Math.log(0.25) + 0.5 * 0.1 * d0;
        assertEquals(d1, delta1, Tolerances.TEST_EXACT);
        assertArrayEquals(new double[] {0.1 * d0, 0.1 * d1}, td.weights(), Tolerances.TEST_EXACT);
        // Algorithm 2 step 7 averages psi_0 and psi_1 (the iterates before each update)
        assertArrayEquals(
                new double[] {0.05 * d0, 0.0}, td.averagedWeights(), Tolerances.TEST_EXACT);
        assertEquals(0.05 * d0 * 0.3, td.value(new double[] {0.3, 0.9}), Tolerances.TEST_EXACT);
    }

    @Test
    void projectionKeepsTheIterateInTheBall() {
        TdZeroCritic td = new TdZeroCritic(2, 0.9, 0.0, 0.5, StepSchedule.constant(1.0));
        td.update(new double[] {0.6, 0.8}, 10.0, 0.0, new double[] {0, 0});
        // psi~ = 10 * (0.6, 0.8) has norm 10: projected to (0.3, 0.4)
        assertArrayEquals(new double[] {0.3, 0.4}, td.weights(), Tolerances.TEST_EXACT);
    }

    @Test
    void oneHotPathEqualsTheDensePath() {
        int d = 6;
        TdZeroCritic dense =
                new TdZeroCritic(d, 0.9, 0.1, 3.0, StepSchedule.polynomial(0.5, 10, 0.7));
        TdZeroCritic sparse =
                new TdZeroCritic(d, 0.9, 0.1, 3.0, StepSchedule.polynomial(0.5, 10, 0.7));
        RandomGenerator rng = RandomStreams.create(3);
        for (int epoch = 0; epoch < 3; epoch++) {
            dense.startEpoch();
            sparse.startEpoch();
            for (int k = 0; k < 500; k++) {
                int i = rng.nextInt(d);
                int j = rng.nextInt(d);
                double r = rng.nextDouble() * 4 - 1;
                double logPi = Math.log(0.05 + rng.nextDouble());
                double[] e = new double[d];
                double[] f = new double[d];
                e[i] = 1;
                f[j] = 1;
                assertEquals(
                        dense.update(e, r, logPi, f),
                        sparse.updateOneHot(i, r, logPi, j),
                        Tolerances.TEST_EXACT);
            }
            assertArrayEquals(dense.weights(), sparse.weights(), Tolerances.TEST_EXACT);
            assertArrayEquals(
                    dense.averagedWeights(), sparse.averagedWeights(), Tolerances.TEST_EXACT);
            assertTrue(Numerics.norm2(sparse.weights()) <= 3.0 + Tolerances.TEST_EXACT);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TdZeroCritic(0, 0.9, 0.1, 1, StepSchedule.constant(0.1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TdZeroCritic(2, 1.0, 0.1, 1, StepSchedule.constant(0.1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TdZeroCritic(2, 0.9, -1, 1, StepSchedule.constant(0.1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TdZeroCritic(2, 0.9, 0.1, 0, StepSchedule.constant(0.1)));
        TdZeroCritic td = new TdZeroCritic(2, 0.9, 0.1, 1, StepSchedule.constant(0.1));
        assertThrows(
                IllegalArgumentException.class,
                () -> td.update(new double[3], 0, 0, new double[2]));
    }

    /**
     * On a small MDP with one-hot features, the averaged TD(0) iterate converges to the true
     * shifted soft Q {@code q = Q - lambda log pi} of a fixed policy. The bound comes from the
     * Polyak-Ruppert central limit theorem for linear stochastic approximation with steps {@code
     * k^-0.6}: for one-hot features {@code sqrt(K)(psi_bar - q) => N(0, V)}, {@code V = A^-1 S
     * A^-T} with {@code A = D (I - gamma P_sa)}, {@code S = diag(nu_sa sigma_sa^2)}, {@code D =
     * diag(nu)}, {@code nu = d_pi x pi} the sampling law, {@code sigma_sa^2 = gamma^2 Var(q(s',a')
     * | s,a)} (the TD error at {@code q} is a martingale difference also along the restart chain).
     * So {@code E ||psi_bar - q||_nu^2 ≈ tr(D V)/K}; a quadratic form of a Gaussian exceeds 10
     * times its mean with probability below 0.2% (this seed: 5.8 times, at K = 400 000, where the
     * finite-K excess measured in {@link #meanSquaredErrorMatchesTheAsymptoticVariance()} is about
     * 30%).
     */
    @Test
    void convergesToTheShiftedSoftQOfAFixedPolicy() {
        Setup m = Setup.random(11);
        int samples = 400_000;
        double[] psiBar = runTd(m, samples, RandomStreams.create(5));
        double error = weightedSquaredError(psiBar, m.q, m.nu);
        double expected = m.asymptoticVariance() / samples;
        assertTrue(
                error <= 10.0 * expected,
                "||psi_bar - q||_nu^2 = " + error + " vs asymptotic mean " + expected);
        // and far below the size of q itself: it did learn
        assertTrue(error < 1e-3 * weightedSquaredError(new double[m.q.length], m.q, m.nu));
    }

    /**
     * Over independent replications the mean squared error matches the asymptotic formula {@code
     * tr(D V)/K} within 4 standard errors (estimated from the replications) plus an allowance of
     * 40% for the second-order term of Polyak-Ruppert averaging, which with steps {@code k^-0.6}
     * decays like {@code K^-0.4}: the measured excess of the mean over the formula is 105%, 44% and
     * 33% at {@code K} = 12 500, 50 000 and 200 000 (200, 120 and 40 replications).
     */
    @Test
    @Tag("slow")
    void meanSquaredErrorMatchesTheAsymptoticVariance() {
        Setup m = Setup.random(11);
        int samples = 200_000;
        int replications = 40;
        double[] errors = new double[replications];
        for (int rep = 0; rep < replications; rep++) {
            errors[rep] =
                    weightedSquaredError(
                            runTd(m, samples, RandomStreams.derive(17, rep)), m.q, m.nu);
        }
        double mean = 0.0;
        for (double e : errors) {
            mean += e / replications;
        }
        double var = 0.0;
        for (double e : errors) {
            var += (e - mean) * (e - mean) / (replications - 1);
        }
        double se = Math.sqrt(var / replications);
        double expected = m.asymptoticVariance() / samples;
        assertTrue(
                Math.abs(mean - expected) <= 4 * se + 0.4 * expected,
                "mean error " + mean + " (se " + se + ") vs asymptotic " + expected);
    }

    private static double[] runTd(Setup m, int samples, RandomGenerator rng) {
        MeanFieldEnvironment env = new MeanFieldEnvironment(Games.fromMdp(m.mdp, m.rho, m.lambda));
        OccupancySampler sampler = new OccupancySampler(env);
        double[] logPi = new double[m.pi.length];
        for (int i = 0; i < logPi.length; i++) {
            logPi[i] = Math.log(m.pi[i]);
        }
        TdZeroCritic td =
                new TdZeroCritic(
                        m.pi.length,
                        m.mdp.gamma(),
                        m.lambda,
                        Double.POSITIVE_INFINITY,
                        StepSchedule.polynomial(0.5, 100, 0.6));
        sampler.begin(m.pi, logPi, rng);
        int nA = m.mdp.nA();
        for (int k = 0; k < samples; k++) {
            sampler.next(rng);
            int sa = sampler.s() * nA + sampler.a();
            td.updateOneHot(
                    sa,
                    sampler.reward(),
                    logPi[sa],
                    sampler.nextState() * nA + sampler.nextAction());
        }
        return td.averagedWeights();
    }

    private static double weightedSquaredError(double[] x, double[] y, double[] w) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += w[i] * (x[i] - y[i]) * (x[i] - y[i]);
        }
        return sum;
    }

    /**
     * A random 3-state, 2-action MDP, a fixed random policy, its exact shifted Q and sampling law.
     */
    record Setup(FiniteMdp mdp, double[] rho, double lambda, double[] pi, double[] q, double[] nu) {
        static Setup random(long seed) {
            RandomGenerator rng = RandomStreams.create(seed);
            FiniteMdp mdp = FiniteMdp.random(3, 2, 0.8, rng);
            double[] rho = {0.5, 0.3, 0.2};
            double lambda = 0.3;
            double[] pi = new double[6];
            for (int s = 0; s < 3; s++) {
                double p = 0.2 + 0.6 * rng.nextDouble();
                pi[2 * s] = p;
                pi[2 * s + 1] = 1 - p;
            }
            TabularPolicy policy = TabularPolicy.ofTable(3, 2, pi);
            double[] q =
                    PolicyEvaluation.qValues(mdp, PolicyEvaluation.evaluate(mdp, policy, lambda));
            for (int i = 0; i < 6; i++) {
                q[i] -= lambda * Math.log(pi[i]);
            }
            return new Setup(mdp, rho, lambda, pi, q, Occupancy.stateAction(mdp, policy, rho));
        }

        /** {@code tr(D V)}, {@code V = A^-1 S A^-T} (see the test's doc). */
        double asymptoticVariance() {
            int nS = mdp.nS();
            int nA = mdp.nA();
            int n = nS * nA;
            double gamma = mdp.gamma();
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            DMatrixRMaj sigma = new DMatrixRMaj(n, n);
            for (int sa = 0; sa < n; sa++) {
                int s = sa / nA;
                int act = sa % nA;
                double mean = 0.0;
                double second = 0.0;
                for (int s2 = 0; s2 < nS; s2++) {
                    for (int a2 = 0; a2 < nA; a2++) {
                        double w = mdp.p(s, act, s2) * pi[s2 * nA + a2];
                        a.add(sa, s2 * nA + a2, -gamma * nu[sa] * w);
                        mean += w * q[s2 * nA + a2];
                        second += w * q[s2 * nA + a2] * q[s2 * nA + a2];
                    }
                }
                a.add(sa, sa, nu[sa]);
                sigma.set(sa, sa, nu[sa] * gamma * gamma * (second - mean * mean));
            }
            DMatrixRMaj inv = new DMatrixRMaj(n, n);
            CommonOps_DDRM.invert(a, inv);
            DMatrixRMaj tmp = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(inv, sigma, tmp);
            DMatrixRMaj v = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(tmp, inv, v);
            double trace = 0.0;
            for (int i = 0; i < n; i++) {
                trace += nu[i] * v.get(i, i);
            }
            return trace;
        }
    }
}
