package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * The vector-level recipe of the README (critic and actor fed with feature vectors, advantages and
 * scores from {@link NacOps}, the step {@link NacOps#naturalStep}) written out by hand reproduces
 * the finite-game learner {@link NaturalActorCritic} with the sampled oracles, sample for sample:
 * the hand loop uses the dense {@code update} paths, the learner the one-hot/block fast paths.
 */
class VectorApiTest {
    @Test
    void handWrittenVectorLoopReproducesTheLearner() {
        MeanFieldGame sis = Games.sis();
        FeatureMap phi = FeatureMap.oneHot(2, 2);
        NacSettings settings =
                NacSettings.defaults()
                        .with(OracleParams.CRITIC_SAMPLES, 500)
                        .with(OracleParams.ACTOR_SAMPLES, 200)
                        .withIterations(25);
        OracleParams p = settings.oracles();
        int iterations = settings.loop().iterations();
        double eta = settings.loop().eta();
        NaturalActorCritic nac = NaturalActorCritic.create(sis, settings, 0);
        nac.run(RandomStreams.create(77), null, null);

        int nS = 2;
        int nA = 2;
        int d = 4;
        double lambda = sis.lambda();
        MeanFieldEnvironment env = new MeanFieldEnvironment(sis);
        OccupancySampler criticChain = new OccupancySampler(env);
        OccupancySampler actorChain = new OccupancySampler(env);
        TdZeroCritic critic =
                new TdZeroCritic(
                        d,
                        sis.gamma(),
                        lambda,
                        p.criticRadius(),
                        StepSchedule.constant(p.criticStep()));
        SgdActor actor = new SgdActor(d, p.actorRadius(), StepSchedule.constant(p.actorStep()));
        RandomGenerator rng = RandomStreams.create(77);
        double[] theta = new double[d];
        for (int t = 0; t < iterations; t++) {
            // the policy at every state, from the vectors phi(s, .)
            double[] pi = new double[nS * nA];
            double[] logPi = new double[nS * nA];
            double[][] phiActions = new double[nS][];
            for (int s = 0; s < nS; s++) {
                phiActions[s] = new double[nA * d];
                double[] row = new double[d];
                for (int a = 0; a < nA; a++) {
                    phi.features(s, a, row);
                    System.arraycopy(row, 0, phiActions[s], a * d, d);
                }
                double[] lp = new double[nA];
                double[] pr = new double[nA];
                NacOps.probabilities(theta, phiActions[s], nA, lp, pr);
                System.arraycopy(lp, 0, logPi, s * nA, nA);
                System.arraycopy(pr, 0, pi, s * nA, nA);
            }
            // critic: K transitions, dense TD(0) updates
            critic.startEpoch();
            criticChain.begin(pi, logPi, rng);
            for (int k = 0; k < p.criticSamples(); k++) {
                criticChain.next(rng);
                critic.update(
                        features(phi, criticChain.s(), criticChain.a()),
                        criticChain.reward(),
                        criticChain.logPi(),
                        features(phi, criticChain.nextState(), criticChain.nextAction()));
            }
            double[] advantage = new double[nS * nA];
            double[] qhat = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    qhat[s * nA + a] = critic.value(features(phi, s, a));
                }
                NacOps.softAdvantage(qhat, pi, logPi, s * nA, nA, lambda, advantage);
            }
            // actor: K samples, dense SGD updates on the scores
            actor.startEpoch();
            actorChain.begin(pi, logPi, rng);
            double[] score = new double[d];
            for (int k = 0; k < p.actorSamples(); k++) {
                actorChain.next(rng);
                int s = actorChain.s();
                double[] piS = {pi[s * nA], pi[s * nA + 1]};
                NacOps.score(phiActions[s], nA, piS, actorChain.a(), score);
                actor.update(score, advantage[s * nA + actorChain.a()]);
            }
            NacOps.naturalStep(theta, actor.averagedWeights(), eta, lambda);
            env.advance(TabularPolicy.ofTable(nS, nA, pi), settings.loop().beta());
        }
        assertArrayEquals(
                nac.theta(),
                theta,
                Tolerances.TEST_ITERATIVE); // round-off of the lazy vs dense sums
        assertTrue(org.mfgkit.core.Numerics.norm2(theta) > 0.1, "the policy moved");
    }

    private static double[] features(FeatureMap phi, int s, int a) {
        double[] out = new double[phi.dim()];
        phi.features(s, a, out);
        return out;
    }
}
