package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.LogLinearPolicy;

/**
 * The gradient-estimation oracle of 004 Algorithm 1 step 3: an estimate of the minimiser of the
 * compatible least-squares loss {@code E_{s~d_pi, a~pi}[(w^T grad log pi(a|s) - A(s,a))^2]}, i.e.
 * the natural policy gradient direction.
 */
public interface ActorOracle {
    /**
     * {@code what} for {@code pi} and the advantage table {@code advantage[s*nA + a]} (a fresh
     * array).
     */
    double[] estimate(LogLinearPolicy pi, double[] advantage, RandomGenerator rng);

    /** Environment transitions drawn so far (0 for exact oracles). */
    long samples();
}
