package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;

/**
 * The critic oracle of 004 Appendix C, Algorithm 2: {@link TdZeroCritic} fed with {@code K}
 * transitions of the policy drawn by an {@link OccupancySampler} from the {@link
 * LearnerEnvironment}; returns {@code qhat(s,a) = psi_bar^T phi(s,a)}. With {@code warmStart} the
 * iterate {@code psi} carries over from the previous call (the average restarts each call); without
 * it every call starts from {@code psi = 0} exactly as Algorithm 2. One-hot features take {@link
 * TdZeroCritic#updateOneHot}.
 */
public final class TdZeroOracle implements CriticOracle {
    private final LearnerEnvironment env;
    private final TdZeroCritic critic;
    private final OccupancySampler sampler;

    /** {@code phi[(s*nA + a)*d + k]}. */
    private final double[] phi;

    private final int nSA;
    private final int d;

    /** Transitions per call {@code K}. */
    private final int samplesPerCall;

    private final boolean warmStart;

    /** One-hot features: use the O(1) tabular update. */
    private final boolean oneHot;

    /**
     * @param env the environment the samples come from
     * @param features {@code phi(s,a)}
     * @param critic the TD(0) learner (its dimension must be the feature dimension)
     * @param samplesPerCall transitions per call {@code K > 0}
     * @param warmStart keep {@code psi} between calls
     */
    public TdZeroOracle(
            LearnerEnvironment env,
            FeatureMap features,
            TdZeroCritic critic,
            int samplesPerCall,
            boolean warmStart) {
        Tables.requireShape(env, features);
        if (critic.dim() != features.dim()) {
            throw new IllegalArgumentException(
                    "critic dimension "
                            + critic.dim()
                            + " differs from the feature dimension "
                            + features.dim());
        }
        OracleParams.CRITIC_SAMPLES.validate(samplesPerCall);
        this.env = env;
        this.critic = critic;
        this.sampler = new OccupancySampler(env);
        this.phi = Tables.features(features);
        this.nSA = env.nS() * env.nA();
        this.d = features.dim();
        this.samplesPerCall = samplesPerCall;
        this.warmStart = warmStart;
        this.oneHot = Tables.isOneHot(features);
    }

    @Override
    public double[] estimate(LogLinearPolicy pi, RandomGenerator rng) {
        if (warmStart) {
            critic.startEpoch();
        } else {
            critic.reset();
        }
        double[] table = pi.table();
        double[] logPi = Tables.logPolicy(pi);
        sampler.begin(table, logPi, rng);
        int nA = env.nA();
        for (int k = 0; k < samplesPerCall; k++) {
            sampler.next(rng);
            int sa = sampler.s() * nA + sampler.a();
            int sa2 = sampler.nextState() * nA + sampler.nextAction();
            if (oneHot) {
                critic.updateOneHot(sa, sampler.reward(), logPi[sa], sa2);
            } else {
                critic.update(phi, sa * d, sampler.reward(), logPi[sa], phi, sa2 * d);
            }
        }
        return Tables.linear(phi, critic.averagedWeights(), nSA);
    }

    @Override
    public long samples() {
        return sampler.draws();
    }

    /** The underlying TD(0) learner. */
    public TdZeroCritic critic() {
        return critic;
    }
}
