package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;

class NacLinearLearnerTest {
    /** A small comparison spec (4 nodes, 10-minute episodes) for quick training runs. */
    static FaasComparison.Spec smallSpec(Map<String, FaasComparison.Learner> learners) {
        int[] tr = new int[12];
        int[] ev = new int[12];
        for (int i = 0; i < 12; i++) {
            tr[i] = i;
            ev[i] = 12 + i;
        }
        return new FaasComparison.Spec(
                5,
                new ClusterSpec(4, 8, 16384),
                FaasParams.defaults(),
                FunctionProfiles.defaults(),
                AzureTrace.resource("azure-2019-synthetic.csv"),
                0.2,
                new FaasComparison.Window(tr, 0, 60),
                10,
                new FaasComparison.Window(ev, 600, 12),
                2,
                1,
                1,
                List.copyOf(learners.keySet()),
                learners,
                TraceReplay.Normalisation.EQUAL_CPU,
                EnsureManager.defaults());
    }

    @Test
    void featuresAreBoundedAndThePolicyIsTheSoftmaxOfThetaPhi() {
        RandomGenerator rng = RandomStreams.create(4);
        double[] theta = new double[NacLinearLearner.DIM];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = rng.nextGaussian();
        }
        NacLinearLearner.LinearPolicy pi = new NacLinearLearner.LinearPolicy(theta);
        double[] obs = new double[FaasEnvironment.OBS_DIM];
        double[] phiA = new double[FaasEnvironment.N_ACTIONS * NacLinearLearner.DIM];
        double[] p = new double[FaasEnvironment.N_ACTIONS];
        for (int trial = 0; trial < 200; trial++) {
            for (int k = 0; k < obs.length; k++) {
                obs[k] = trial == 0 ? 1.0 : rng.nextDouble(); // all ones: the largest feature norm
            }
            NacLinearLearner.featuresAllActions(obs, 0, phiA);
            double[] z = new double[FaasEnvironment.N_ACTIONS];
            for (int a = 0; a < z.length; a++) {
                double[] phi =
                        Arrays.copyOfRange(
                                phiA, a * NacLinearLearner.DIM, (a + 1) * NacLinearLearner.DIM);
                assertTrue(Numerics.norm2(phi) <= 1.0 + Tolerances.FEATURE_NORM);
                z[a] = Numerics.dot(theta, phi);
            }
            Numerics.softmax(z, z);
            pi.probabilities(obs, 0, p);
            assertArrayEquals(z, p, Tolerances.TEST_EXACT);
        }
        double[] ones = new double[FaasEnvironment.OBS_DIM];
        Arrays.fill(ones, 1.0);
        NacLinearLearner.featuresAllActions(ones, 0, phiA);
        assertEquals(
                1.0,
                Numerics.norm2(Arrays.copyOfRange(phiA, 0, NacLinearLearner.DIM)),
                Tolerances.TEST_EXACT);
    }

    @Test
    void trainingIsDeterministicGivenTheSeed() {
        NacLinearLearner l =
                new NacLinearLearner(2, 1, 0.01, 0.01, 0.99, 0.05, 1000, 1, 0.05, 100, 1, false);
        FaasComparison.Spec spec = smallSpec(Map.of("nac-linear", l));
        double[] targets = new double[12];
        for (int f = 0; f < 12; f++) {
            targets[f] = 1.15 * spec.profiles().get(f).service().quantile(0.99);
        }
        FaasComparison.Trained a = l.train(spec, targets, 3, () -> {});
        FaasComparison.Trained b = l.train(spec, targets, 3, () -> {});
        FaasComparison.Trained c = l.train(spec, targets, 4, () -> {});
        assertArrayEquals((double[]) a.info().get("theta"), (double[]) b.info().get("theta"));
        assertArrayEquals(a.meanReward(), b.meanReward());
        assertFalse(
                Arrays.equals((double[]) a.info().get("theta"), (double[]) c.info().get("theta")));
        assertTrue(Numerics.norm2((double[]) a.info().get("theta")) > 0.0, "the policy moved");
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new NacLinearLearner(
                                0, 1, 0.01, 0.01, 0.99, 0.05, 1000, 1, 0.05, 100, 1, false));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new NacLinearLearner(
                                5, 1, 0.01, 0.01, 1.0, 0.05, 1000, 1, 0.05, 100, 1, false));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new NacLinearLearner(
                                5, 1, 200, 0.01, 0.9, 0.05, 1000, 1, 0.05, 100, 1, false));
    }
}
