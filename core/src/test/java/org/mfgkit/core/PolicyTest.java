package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PolicyTest {
    @Test
    void oneHotLogLinearPolicyIsTheTabularSoftmax() {
        int nS = 3;
        int nA = 4;
        RandomGenerator rng = RandomStreams.create(5);
        double[] theta = new double[nS * nA];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 2 * rng.nextGaussian();
        }
        LogLinearPolicy pi = new LogLinearPolicy(FeatureMap.oneHot(nS, nA), theta);
        TabularPolicy tab = TabularPolicy.softmax(nS, nA, theta, 1.0);
        for (int s = 0; s < nS; s++) {
            double z = 0;
            for (int a = 0; a < nA; a++) {
                z += Math.exp(theta[s * nA + a]);
            }
            for (int a = 0; a < nA; a++) {
                assertEquals(Math.exp(theta[s * nA + a]) / z, pi.prob(s, a), 1e-14);
                assertEquals(tab.prob(s, a), pi.prob(s, a), 1e-14);
                assertEquals(Math.log(pi.prob(s, a)), pi.logProb(s, a), 1e-12);
            }
            assertEquals(tab.entropy(s), pi.entropy(s), 1e-13);
        }
    }

    @Test
    void scoreFunctionEqualsFiniteDifferenceOfLogPi() {
        int nS = 2;
        int nA = 3;
        int dim = 4;
        RandomGenerator rng = RandomStreams.create(11);
        double[] table = new double[nS * nA * dim];
        for (int i = 0; i < table.length; i++) {
            table[i] = rng.nextGaussian();
        }
        FeatureMap phi =
                FeatureMap.of(
                        nS,
                        nA,
                        dim,
                        (s, a, out) -> {
                            double norm = 0;
                            for (int k = 0; k < dim; k++) {
                                out[k] = table[(s * nA + a) * dim + k];
                                norm += out[k] * out[k];
                            }
                            for (int k = 0; k < dim; k++) {
                                out[k] /= Math.sqrt(norm) * 1.5; // ||phi|| = 2/3
                            }
                        });
        double[] theta = {0.5, -1.0, 2.0, 0.3};
        LogLinearPolicy pi = new LogLinearPolicy(phi, theta);
        double h = 1e-6;
        double[] score = new double[dim];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                pi.score(s, a, score);
                for (int k = 0; k < dim; k++) {
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double fd =
                            (new LogLinearPolicy(phi, plus).logProb(s, a)
                                            - new LogLinearPolicy(phi, minus).logProb(s, a))
                                    / (2 * h);
                    assertEquals(fd, score[k], Tolerances.TEST_FINITE_DIFFERENCE);
                }
            }
        }
    }

    @Test
    void featureNormAboveOneIsRejectedWithItsPair() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FeatureMap.of(
                                        2,
                                        2,
                                        2,
                                        (s, a, out) -> {
                                            out[0] = s == 1 && a == 0 ? 1.0 : 0.5;
                                            out[1] = s == 1 && a == 0 ? 0.5 : 0.0;
                                        }));
        assertTrue(e.getMessage().contains("phi(1,0)"), e.getMessage());
    }

    @Test
    void tabularPolicyValidatesShapeAndRows() {
        String m =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TabularPolicy.of(new double[][] {{0.5, 0.5}, {0.2, 0.2}}))
                        .getMessage();
        assertTrue(m.contains("row 1") && m.contains("sums to"), m);
        m =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TabularPolicy.of(new double[][] {{0.5, 0.5}, {1.0}}))
                        .getMessage();
        assertTrue(m.contains("state row 1"), m);
        m =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TabularPolicy.of(new double[][] {{1.5, -0.5}}))
                        .getMessage();
        assertTrue(m.contains("negative"), m);
        m =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TabularPolicy.deterministic(2, new int[] {0, 2}))
                        .getMessage();
        assertTrue(m.contains("state 1"), m);
    }

    @Test
    void samplingFollowsTheProbabilities() {
        TabularPolicy pi = TabularPolicy.of(new double[][] {{0.25, 0.75}});
        RandomGenerator rng = RandomStreams.create(3);
        int n = 100_000;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            ones += pi.sample(0, rng);
        }
        assertTrue(Math.abs(ones - 0.75 * n) <= 6 * Math.sqrt(n * 0.75 * 0.25), "ones=" + ones);
        assertEquals(0.5, TabularPolicy.uniform(1, 2).mix(pi, 1.0).prob(0, 0) + 0.25, 1e-15);
    }
}
