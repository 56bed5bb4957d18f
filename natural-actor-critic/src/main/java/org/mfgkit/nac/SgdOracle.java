package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;

/**
 * The actor oracle of 004 Appendix C, Algorithm 3: {@link SgdActor} fed with {@code K} pairs {@code
 * (s, a) ~ d_pi x pi} from an {@link OccupancySampler}, the score {@code grad log pi(a|s)} and the
 * advantage table; returns the averaged iterate {@code what}. With {@code warmStart} the iterate
 * {@code w} carries over from the previous call; without it each call starts at {@code w = 0}.
 * One-hot features take {@link SgdActor#updateBlock}.
 */
public final class SgdOracle implements ActorOracle {
    private final LearnerEnvironment env;
    private final SgdActor actor;
    private final OccupancySampler sampler;

    /** {@code phi[(s*nA + a)*d + k]}. */
    private final double[] phi;

    private final int d;

    /** Samples per call {@code K}. */
    private final int samplesPerCall;

    private final boolean warmStart;

    /** One-hot features: the score of (s,a) lives on state s's block; use the O(nA) update. */
    private final boolean oneHot;

    /**
     * @param env the environment the samples come from
     * @param features the policy's feature map
     * @param actor the SGD learner (its dimension must be the feature dimension)
     * @param samplesPerCall samples per call {@code K > 0}
     * @param warmStart keep {@code w} between calls
     */
    public SgdOracle(
            LearnerEnvironment env,
            FeatureMap features,
            SgdActor actor,
            int samplesPerCall,
            boolean warmStart) {
        Tables.requireShape(env, features);
        if (actor.dim() != features.dim()) {
            throw new IllegalArgumentException(
                    "actor dimension "
                            + actor.dim()
                            + " differs from the feature dimension "
                            + features.dim());
        }
        OracleParams.ACTOR_SAMPLES.validate(samplesPerCall);
        this.env = env;
        this.actor = actor;
        this.sampler = new OccupancySampler(env);
        this.phi = Tables.features(features);
        this.d = features.dim();
        this.samplesPerCall = samplesPerCall;
        this.warmStart = warmStart;
        this.oneHot = Tables.isOneHot(features);
    }

    @Override
    public double[] estimate(LogLinearPolicy pi, double[] advantage, RandomGenerator rng) {
        int nS = env.nS();
        int nA = env.nA();
        if (advantage.length != nS * nA) {
            throw new IllegalArgumentException(
                    "advantage table has length "
                            + advantage.length
                            + ", expected nS*nA = "
                            + nS * nA);
        }
        if (warmStart) {
            actor.startEpoch();
        } else {
            actor.reset();
        }
        double[] table = pi.table();
        sampler.begin(table, Tables.logPolicy(pi), rng);
        if (oneHot) {
            // block score of (s,a): e_a - pi(.|s) on components s*nA .. s*nA+nA-1, stored [(s*nA +
            // a)*nA + b]
            double[] block = new double[nS * nA * nA];
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    for (int b = 0; b < nA; b++) {
                        block[(s * nA + a) * nA + b] = (a == b ? 1.0 : 0.0) - table[s * nA + b];
                    }
                }
            }
            for (int k = 0; k < samplesPerCall; k++) {
                sampler.next(rng);
                int s = sampler.s();
                int sa = s * nA + sampler.a();
                actor.updateBlock(block, sa * nA, s * nA, nA, advantage[sa]);
            }
        } else {
            double[] scores = Tables.scores(phi, table, nS, nA, d);
            for (int k = 0; k < samplesPerCall; k++) {
                sampler.next(rng);
                int sa = sampler.s() * nA + sampler.a();
                actor.update(scores, sa * d, advantage[sa]);
            }
        }
        return actor.averagedWeights();
    }

    @Override
    public long samples() {
        return sampler.draws();
    }

    /** The underlying SGD learner. */
    public SgdActor actor() {
        return actor;
    }
}
