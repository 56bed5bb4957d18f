package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;

class SgdActorTest {
    @Test
    void twoStepsWorkedByHand() {
        SgdActor sgd = new SgdActor(2, Double.POSITIVE_INFINITY, StepSchedule.constant(0.25));
        // w = 0, g = (1, -1), A = 2: residual -2, w <- 0 - 2*0.25*(-2)*(1,-1) = (1, -1)
        assertEquals(-2.0, sgd.update(new double[] {1, -1}, 2.0), Tolerances.TEST_EXACT);
        assertArrayEquals(new double[] {1, -1}, sgd.weights(), Tolerances.TEST_EXACT);
        // g = (0.5, 0), A = 0: residual 0.5, w <- (1,-1) - 0.5*0.5*(0.5, 0) = (0.875, -1)
        assertEquals(0.5, sgd.update(new double[] {0.5, 0}, 0.0), Tolerances.TEST_EXACT);
        assertArrayEquals(new double[] {0.875, -1}, sgd.weights(), Tolerances.TEST_EXACT);
        // Algorithm 3 step 7: the average of w_0 = 0 and w_1
        assertArrayEquals(new double[] {0.5, -0.5}, sgd.averagedWeights(), Tolerances.TEST_EXACT);
    }

    @Test
    void projectionKeepsTheIterateInTheBall() {
        SgdActor sgd = new SgdActor(2, 1.0, StepSchedule.constant(1.0));
        sgd.update(new double[] {0.6, 0.8}, 10.0);
        assertArrayEquals(new double[] {0.6, 0.8}, sgd.weights(), Tolerances.TEST_EXACT);
    }

    @Test
    void blockPathEqualsTheDensePath() {
        int nA = 3;
        int d = 4 * nA;
        SgdActor dense = new SgdActor(d, 2.0, StepSchedule.polynomial(0.3, 20, 0.6));
        SgdActor block = new SgdActor(d, 2.0, StepSchedule.polynomial(0.3, 20, 0.6));
        RandomGenerator rng = RandomStreams.create(9);
        for (int epoch = 0; epoch < 3; epoch++) {
            dense.startEpoch();
            block.startEpoch();
            for (int k = 0; k < 400; k++) {
                int s = rng.nextInt(4);
                double[] values = {
                    rng.nextDouble() - 0.5, rng.nextDouble() - 0.5, rng.nextDouble() - 0.5
                };
                double[] full = new double[d];
                System.arraycopy(values, 0, full, s * nA, nA);
                double target = 3 * rng.nextDouble() - 1;
                assertEquals(
                        dense.update(full, target),
                        block.updateBlock(values, 0, s * nA, nA, target),
                        Tolerances.TEST_EXACT);
            }
            assertArrayEquals(dense.weights(), block.weights(), Tolerances.TEST_EXACT);
            assertArrayEquals(
                    dense.averagedWeights(), block.averagedWeights(), Tolerances.TEST_EXACT);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SgdActor(0, 1, StepSchedule.constant(0.1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SgdActor(2, -1, StepSchedule.constant(0.1)));
        assertThrows(IllegalArgumentException.class, () -> StepSchedule.constant(0.0));
        SgdActor sgd = new SgdActor(2, 1, StepSchedule.constant(0.1));
        assertThrows(IllegalArgumentException.class, () -> sgd.update(new double[3], 0));
        assertThrows(
                IllegalArgumentException.class, () -> sgd.updateBlock(new double[3], 0, 1, 3, 0));
    }

    /**
     * One-hot features make the compatible least squares realisable (each state's advantage row is
     * {@code w(s,.) - sum_b pi(b|s) w(s,b)}), so the residual vanishes at the optimum and SGD
     * converges geometrically, without a noise floor. Started at 0 it stays in the row space of the
     * scores, so the limit is the minimum-norm solution the exact oracle returns.
     */
    @Test
    void realisableCaseConvergesToTheExactMinimumNormSolution() {
        Problem p = Problem.random(FeatureMap.oneHot(3, 3), 21, true);
        SgdActor sgd = new SgdActor(p.d, Double.POSITIVE_INFINITY, StepSchedule.constant(0.2));
        RandomGenerator rng = RandomStreams.create(4);
        for (int k = 0; k < 20_000; k++) {
            int sa = RandomStreams.sampleCategorical(p.nu, rng);
            sgd.update(p.scores, sa * p.d, p.advantage[sa]);
        }
        assertArrayEquals(p.exact(), sgd.weights(), Tolerances.TEST_ITERATIVE);
        assertTrue(p.loss(sgd.weights()) < Tolerances.TEST_EXACT * Tolerances.TEST_EXACT);
    }

    /**
     * Non-realisable case (3 features on 4 states x 3 actions), 004 Proposition 2: with the
     * constant step {@code R/(rho sqrt K)}, {@code rho} a bound on the stochastic gradient norm and
     * {@code R} the radius, {@code E[f(w_bar)] - f(w*) <= R rho / sqrt(K)}.
     */
    @Test
    void averagedIterateMeetsThePropositionTwoBound() {
        Problem p = Problem.random(randomFeatures(4, 3, 3, 31), 32, false);
        double[] wStar = p.exact();
        double radius = 2 * Numerics.norm2(wStar) + 1; // w* inside the ball
        double gMax = 0.0;
        double aMax = 0.0;
        for (int sa = 0; sa < p.nu.length; sa++) {
            double g = 0.0;
            for (int k = 0; k < p.d; k++) {
                g += p.scores[sa * p.d + k] * p.scores[sa * p.d + k];
            }
            gMax = Math.max(gMax, Math.sqrt(g));
            aMax = Math.max(aMax, Math.abs(p.advantage[sa]));
        }
        double rho = 2 * (radius * gMax + aMax) * gMax;
        int samples = 100_000;
        SgdActor sgd = new SgdActor(p.d, radius, StepSchedule.sgdTheory(radius, rho, samples));
        RandomGenerator rng = RandomStreams.create(8);
        for (int k = 0; k < samples; k++) {
            int sa = RandomStreams.sampleCategorical(p.nu, rng);
            sgd.update(p.scores, sa * p.d, p.advantage[sa]);
        }
        double excess = p.loss(sgd.averagedWeights()) - p.loss(wStar);
        assertTrue(excess >= -Tolerances.TEST_EXACT, "w* is the minimiser");
        assertTrue(excess <= radius * rho / Math.sqrt(samples), "excess loss " + excess);
    }

    /**
     * Non-realisable case with a decaying step {@code k^-0.6}: Polyak-Ruppert averaging gives
     * {@code E[f(w_bar)] - f(w*) ≈ tr(F^-1 E[e^2 g g^T]) / K} ({@code F = E[g g^T]}, {@code e =
     * w*^T g - A}, i.i.d. samples); a quadratic form of a Gaussian exceeds 10 times its mean with
     * probability below 0.2%.
     */
    @Test
    void averagedIterateReachesTheAsymptoticRate() {
        Problem p = Problem.random(randomFeatures(4, 3, 3, 31), 32, false);
        double[] wStar = p.exact();
        int samples = 200_000;
        SgdActor sgd =
                new SgdActor(p.d, Double.POSITIVE_INFINITY, StepSchedule.polynomial(0.2, 100, 0.6));
        RandomGenerator rng = RandomStreams.create(12);
        for (int k = 0; k < samples; k++) {
            int sa = RandomStreams.sampleCategorical(p.nu, rng);
            sgd.update(p.scores, sa * p.d, p.advantage[sa]);
        }
        double excess = p.loss(sgd.averagedWeights()) - p.loss(wStar);
        double expected = p.asymptoticExcess(wStar) / samples;
        assertTrue(excess <= 10 * expected, "excess " + excess + " vs asymptotic mean " + expected);
    }

    static FeatureMap randomFeatures(int nS, int nA, int d, long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        double[] table = new double[nS * nA * d];
        for (int i = 0; i < table.length; i++) {
            table[i] = (rng.nextDouble() - 0.5) / Math.sqrt(d);
        }
        return FeatureMap.of(
                nS, nA, d, (s, a, out) -> System.arraycopy(table, (s * nA + a) * d, out, 0, d));
    }

    /**
     * A compatible least-squares problem: scores of a random policy, sampling law {@code nu = d x
     * pi}, advantages.
     */
    record Problem(
            int d,
            double[] scores,
            double[] nu,
            double[] pi,
            double[] occupancy,
            double[] advantage,
            int nS,
            int nA) {
        static Problem random(FeatureMap phi, long seed, boolean realisable) {
            RandomGenerator rng = RandomStreams.create(seed);
            int nS = phi.nS();
            int nA = phi.nA();
            double[] pi = new double[nS * nA];
            double[] occupancy = new double[nS];
            double total = 0.0;
            for (int s = 0; s < nS; s++) {
                double z = 0.0;
                for (int a = 0; a < nA; a++) {
                    pi[s * nA + a] = 0.2 + rng.nextDouble();
                    z += pi[s * nA + a];
                }
                for (int a = 0; a < nA; a++) {
                    pi[s * nA + a] /= z;
                }
                occupancy[s] = 0.3 + rng.nextDouble();
                total += occupancy[s];
            }
            double[] nu = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                occupancy[s] /= total;
                for (int a = 0; a < nA; a++) {
                    nu[s * nA + a] = occupancy[s] * pi[s * nA + a];
                }
            }
            double[] advantage = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                double mean = 0.0;
                for (int a = 0; a < nA; a++) {
                    advantage[s * nA + a] = 4 * rng.nextDouble() - 2;
                    mean += pi[s * nA + a] * advantage[s * nA + a];
                }
                if (realisable) {
                    for (int a = 0; a < nA; a++) {
                        advantage[s * nA + a] -= mean;
                    }
                }
            }
            double[] scores = Tables.scores(Tables.features(phi), pi, nS, nA, phi.dim());
            return new Problem(phi.dim(), scores, nu, pi, occupancy, advantage, nS, nA);
        }

        double[] exact() {
            return ExactActorOracle.solve(scores, occupancy, pi, advantage, nS, nA, d);
        }

        /** {@code f(w) = sum nu (w^T g - A)^2}. */
        double loss(double[] w) {
            double f = 0.0;
            for (int sa = 0; sa < nu.length; sa++) {
                double fit = 0.0;
                for (int k = 0; k < d; k++) {
                    fit += w[k] * scores[sa * d + k];
                }
                f += nu[sa] * (fit - advantage[sa]) * (fit - advantage[sa]);
            }
            return f;
        }

        /** {@code tr(F^-1 E[e^2 g g^T])}. */
        double asymptoticExcess(double[] wStar) {
            DMatrixRMaj fisher = new DMatrixRMaj(d, d);
            DMatrixRMaj noise = new DMatrixRMaj(d, d);
            for (int sa = 0; sa < nu.length; sa++) {
                double e = -advantage[sa];
                for (int k = 0; k < d; k++) {
                    e += wStar[k] * scores[sa * d + k];
                }
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double gg = scores[sa * d + i] * scores[sa * d + j];
                        fisher.add(i, j, nu[sa] * gg);
                        noise.add(i, j, nu[sa] * e * e * gg);
                    }
                }
            }
            DMatrixRMaj inv = new DMatrixRMaj(d, d);
            CommonOps_DDRM.invert(fisher, inv);
            DMatrixRMaj prod = new DMatrixRMaj(d, d);
            CommonOps_DDRM.mult(inv, noise, prod);
            return CommonOps_DDRM.trace(prod);
        }
    }
}
