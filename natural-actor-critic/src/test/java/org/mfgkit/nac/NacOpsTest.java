package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;

class NacOpsTest {
    @Test
    void softAdvantageWorkedByHand() {
        // pi = (0.25, 0.75), qhat = (1, 2), lambda = 0.5: Qhat = qhat + 0.5 log pi
        double[] pi = {0.25, 0.75};
        double[] logPi = {Math.log(0.25), Math.log(0.75)};
        double[] qhat = {1.0, 2.0};
        double q0 = 1.0 + 0.5 * Math.log(0.25);
        double q1 = 2.0 + 0.5 * Math.log(0.75);
        double mean = 0.25 * q0 + 0.75 * q1;
        double[] out = new double[2];
        NacOps.softAdvantage(qhat, pi, logPi, 0, 2, 0.5, out);
        assertArrayEquals(new double[] {q0 - mean, q1 - mean}, out, Tolerances.TEST_EXACT);
        assertEquals(0.0, 0.25 * out[0] + 0.75 * out[1], Tolerances.TEST_EXACT);
        NacOps.shiftedAdvantage(qhat, pi, 0, 2, out);
        assertArrayEquals(new double[] {1.0 - 1.75, 2.0 - 1.75}, out, Tolerances.TEST_EXACT);
    }

    @Test
    void naturalStepIsTheConvexCombination() {
        double[] theta = {1.0, -2.0};
        NacOps.naturalStep(theta, new double[] {3.0, 4.0}, 0.5, 0.2);
        assertArrayEquals(
                new double[] {0.9 * 1.0 + 1.5, 0.9 * -2.0 + 2.0}, theta, Tolerances.TEST_EXACT);
        assertThrows(
                IllegalArgumentException.class,
                () -> NacOps.naturalStep(new double[1], new double[1], 20, 0.1));
    }

    /**
     * The vector-level policy matches core's tabulated {@link LogLinearPolicy}; the score matches
     * finite differences.
     */
    @Test
    void vectorPolicyAndScoreAgreeWithLogLinearPolicy() {
        FeatureMap phi = SgdActorTest.randomFeatures(2, 4, 3, 5);
        RandomGenerator rng = RandomStreams.create(6);
        double[] theta = {
            rng.nextDouble() * 4 - 2, rng.nextDouble() * 4 - 2, rng.nextDouble() * 4 - 2
        };
        LogLinearPolicy policy = new LogLinearPolicy(phi, theta);
        for (int s = 0; s < 2; s++) {
            double[] phiActions = new double[4 * 3];
            double[] row = new double[3];
            for (int a = 0; a < 4; a++) {
                phi.features(s, a, row);
                System.arraycopy(row, 0, phiActions, a * 3, 3);
            }
            double[] logPi = new double[4];
            double[] pi = new double[4];
            NacOps.probabilities(theta, phiActions, 4, logPi, pi);
            for (int a = 0; a < 4; a++) {
                assertEquals(policy.logProb(s, a), logPi[a], Tolerances.TEST_EXACT);
                assertEquals(policy.prob(s, a), pi[a], Tolerances.TEST_EXACT);
                double[] score = new double[3];
                NacOps.score(phiActions, 4, pi, a, score);
                double[] expected = new double[3];
                policy.score(s, a, expected);
                assertArrayEquals(expected, score, Tolerances.TEST_EXACT);
                for (int k = 0; k < 3; k++) {
                    double h = 1e-6;
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double[] lp = new double[4];
                    double[] lm = new double[4];
                    NacOps.logProbabilities(plus, phiActions, 4, lp);
                    NacOps.logProbabilities(minus, phiActions, 4, lm);
                    assertEquals(
                            (lp[a] - lm[a]) / (2 * h), score[k], Tolerances.TEST_FINITE_DIFFERENCE);
                }
            }
        }
    }
}
