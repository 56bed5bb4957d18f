package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MeanFieldSoftmaxPolicyTest {
    @ParameterizedTest
    @EnumSource(Activation.class)
    void isTheSoftmaxOfTheEnergiesAndItsScoreIsTheGradientOfLogPi(Activation act) {
        RandomGenerator rng = RandomStreams.create(31);
        int nS = 3;
        int nA = 4;
        InputMap inputs = TwoLayerNetworkTest.randomInputs(nS, nA, 2, rng);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 5, 2, 2.0, 1.0, rng);
        MeanFieldSoftmaxPolicy pi = MeanFieldSoftmaxPolicy.of(net, inputs);
        double[] x = new double[2];
        for (int s = 0; s < nS; s++) {
            double z = 0.0;
            for (int a = 0; a < nA; a++) {
                inputs.input(s, a, x);
                z += Math.exp(net.value(x));
            }
            double sum = 0.0;
            for (int a = 0; a < nA; a++) {
                inputs.input(s, a, x);
                assertEquals(Math.exp(net.value(x)) / z, pi.prob(s, a), 1e-14);
                assertEquals(Math.log(pi.prob(s, a)), pi.logProb(s, a), 1e-12);
                sum += pi.prob(s, a);
            }
            assertEquals(1.0, sum, Tolerances.TEST_EXACT);
            assertEquals(Numerics.entropy(pi.table(), s * nA, nA), pi.entropy(s), 1e-14);
        }
        assertTrue(Simplex.isDistribution(pi.toTabular().table(), 0, nA));
        // score = ∇_w log pi(a|s), against central finite differences, for every parameter
        double[] w = net.parameters();
        double[] score = new double[w.length];
        double h = 1e-6;
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                pi.score(s, a, score);
                for (int j = 0; j < w.length; j++) {
                    double[] plus = w.clone();
                    double[] minus = w.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double fd =
                            (MeanFieldSoftmaxPolicy.of(net.withParameters(plus), inputs)
                                                    .logProb(s, a)
                                            - MeanFieldSoftmaxPolicy.of(
                                                            net.withParameters(minus), inputs)
                                                    .logProb(s, a))
                                    / (2 * h);
                    assertEquals(
                            fd,
                            score[j],
                            Tolerances.TEST_FINITE_DIFFERENCE,
                            act + " (" + s + "," + a + ") parameter " + j);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theStatelessFormsAgreeWithTheTabulatedPolicy(Activation act) {
        RandomGenerator rng = RandomStreams.create(32);
        int nA = 6;
        InputMap inputs = TwoLayerNetworkTest.randomInputs(2, nA, 3, rng);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 9, 3, 2.0, 1.0, rng);
        MeanFieldSoftmaxPolicy pi = MeanFieldSoftmaxPolicy.of(net, inputs);
        double[] xs = new double[nA * 3];
        double[] x = new double[3];
        for (int a = 0; a < nA; a++) {
            inputs.input(1, a, x);
            System.arraycopy(x, 0, xs, a * 3, 3);
        }
        double[] p = new double[nA];
        MeanFieldSoftmaxPolicy.probabilities(net, xs, p);
        double[] s1 = new double[net.parameterCount()];
        double[] s2 = new double[net.parameterCount()];
        for (int a = 0; a < nA; a++) {
            assertEquals(pi.prob(1, a), p[a], 1e-14);
            pi.score(1, a, s1);
            MeanFieldSoftmaxPolicy.score(net, xs, a, s2);
            org.junit.jupiter.api.Assertions.assertArrayEquals(s1, s2, 1e-14);
        }
    }
}
