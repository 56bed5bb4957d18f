package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.Activation;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;
import org.mfgkit.core.TwoLayerNetwork;

class NacNeuralLearnerTest {
    private static NacNeuralLearner.Batch batch(
            int n, RandomGenerator rng, TwoLayerNetwork behaviour) {
        int d = FaasEnvironment.OBS_DIM;
        int nA = FaasEnvironment.N_ACTIONS;
        double[] obs = new double[n * d];
        int[] action = new int[n];
        double[] pOld = new double[n * nA];
        double[] adv = new double[n];
        double[] target = new double[n];
        NacNeuralLearner.NetworkPolicy pol = new NacNeuralLearner.NetworkPolicy(behaviour);
        double[] p = new double[nA];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                obs[i * d + k] = rng.nextDouble();
            }
            pol.probabilities(obs, i * d, p);
            System.arraycopy(p, 0, pOld, i * nA, nA);
            action[i] = RandomStreams.sampleCategorical(p, rng);
            adv[i] = rng.nextGaussian();
            target[i] = rng.nextDouble();
        }
        return new NacNeuralLearner.Batch(n, obs, action, pOld, adv, target);
    }

    /** The surrogate objective mean[rho A] - beta mean KL(pOld || pi), computed directly. */
    private static double objective(TwoLayerNetwork net, NacNeuralLearner.Batch b, double beta) {
        int nA = FaasEnvironment.N_ACTIONS;
        NacNeuralLearner.NetworkPolicy pol = new NacNeuralLearner.NetworkPolicy(net);
        double[] p = new double[nA];
        double[] old = new double[nA];
        double s = 0;
        for (int i = 0; i < b.n; i++) {
            pol.probabilities(b.obs, i * FaasEnvironment.OBS_DIM, p);
            System.arraycopy(b.pOld, i * nA, old, 0, nA);
            s +=
                    p[b.action[i]] / old[b.action[i]] * b.advantage[i]
                            - beta * Numerics.klDivergence(old, p);
        }
        return s / b.n;
    }

    @Test
    void actorGradientMatchesFiniteDifferences() {
        RandomGenerator rng = RandomStreams.create(21);
        TwoLayerNetwork old =
                TwoLayerNetwork.gaussian(
                        Activation.TANH, 8, NacNeuralLearner.ACTOR_INPUT, 1.0, 1.0, rng);
        NacNeuralLearner.Batch b = batch(7, rng, old);
        // evaluate away from the behaviour policy so that the KL term has a gradient
        double[] shift = new double[old.parameterCount()];
        for (int j = 0; j < shift.length; j++) {
            shift[j] = 0.3 * rng.nextGaussian();
        }
        TwoLayerNetwork net = old.plus(1.0, shift);
        int[] order = NacNeuralLearner.permutation(b.n, rng);
        double beta = 0.7;
        double[] g = NacNeuralLearner.actorGradient(net, b, order, 0, b.n, beta);
        double h = 1e-6;
        for (int j = 0; j < g.length; j++) {
            double[] e = new double[g.length];
            e[j] = h;
            double fd =
                    (objective(net.plus(1.0, e), b, beta) - objective(net.plus(-1.0, e), b, beta))
                            / (2 * h);
            assertEquals(
                    fd,
                    g[j],
                    Tolerances.TEST_FINITE_DIFFERENCE * Math.max(1.0, Math.abs(fd)),
                    "parameter " + j);
        }
    }

    @Test
    void criticGradientMatchesFiniteDifferences() {
        RandomGenerator rng = RandomStreams.create(22);
        TwoLayerNetwork critic =
                TwoLayerNetwork.gaussian(
                        Activation.TANH, 6, NacNeuralLearner.CRITIC_INPUT, 1.0, 1.0, rng);
        NacNeuralLearner.Batch b =
                batch(
                        5,
                        rng,
                        TwoLayerNetwork.gaussian(
                                Activation.TANH, 4, NacNeuralLearner.ACTOR_INPUT, 1.0, 1.0, rng));
        int[] order = NacNeuralLearner.permutation(b.n, rng);
        double[] g = NacNeuralLearner.criticGradient(critic, b, order, 0, b.n);
        double h = 1e-6;
        double[] x = new double[NacNeuralLearner.CRITIC_INPUT];
        for (int j = 0; j < g.length; j++) {
            double[] e = new double[g.length];
            e[j] = h;
            double plus = 0;
            double minus = 0;
            TwoLayerNetwork cp = critic.plus(1.0, e);
            TwoLayerNetwork cm = critic.plus(-1.0, e);
            for (int i = 0; i < b.n; i++) {
                NacNeuralLearner.criticInput(b.obs, i * FaasEnvironment.OBS_DIM, x);
                plus -= 0.5 * Math.pow(cp.value(x) - b.target[i], 2) / b.n;
                minus -= 0.5 * Math.pow(cm.value(x) - b.target[i], 2) / b.n;
            }
            double fd = (plus - minus) / (2 * h);
            assertEquals(
                    fd,
                    g[j],
                    Tolerances.TEST_FINITE_DIFFERENCE * Math.max(1.0, Math.abs(fd)),
                    "parameter " + j);
        }
    }

    @Test
    void widthScaledLearningRate() {
        NacNeuralLearner d = NacNeuralLearner.defaults();
        assertEquals(3e-4, d.learningRate());
        assertEquals(3e-4 * 8, d.effectiveLearningRate(), 1e-15);
        assertTrue(d.widthScaledRate());
        assertEquals(64, d.hidden());
        assertEquals(0.99, d.gamma());
        assertEquals(5, d.miniBatch());
        assertEquals(5, d.epochs());
    }
}
