package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.LogLinearPolicy;

/**
 * The policy-evaluation oracle of 004 Algorithm 1 step 1: an estimate of the shifted soft
 * Q-function {@code q(s,a) = Q^{pi,lambda}_{mu_t}(s,a) - lambda log pi(a|s)} of the policy in the
 * environment's current mean field.
 */
public interface CriticOracle {
    /** {@code qhat[s*nA + a]} for {@code pi} (a fresh array). */
    double[] estimate(LogLinearPolicy pi, RandomGenerator rng);

    /** Environment transitions drawn so far (0 for exact oracles). */
    long samples();
}
