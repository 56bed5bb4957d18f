package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.Policy;

/**
 * What a sample-based mean-field learner sees (004 Appendix D: "the mean-field states are not
 * directly observed by the learning agent, but instead only influence the environment implicitly as
 * a parameter of the transition and reward functions"). The environment holds the population
 * distribution {@code mu_t}; the learner draws transitions of the MDP it induces and tells the
 * population which policy it plays. There is deliberately no accessor for {@code mu} here.
 *
 * <p>The learner passes its own seeded generator to every draw, so a run is reproducible from its
 * seed. Implementations are not thread-safe.
 */
public interface LearnerEnvironment {
    /** Number of states. */
    int nS();

    /** Number of actions. */
    int nA();

    /** Discount factor {@code gamma ∈ [0,1)}. */
    double gamma();

    /** Entropy weight {@code lambda >= 0} of the regularised objective. */
    double lambda();

    /** Draws a start state {@code s_0 ~ rho} (the game's {@code mu0}). */
    int initialState(RandomGenerator rng);

    /** The reward {@code r(s, a, mu_t)}. */
    double reward(int s, int a);

    /** Draws {@code s' ~ P(.|s, a, mu_t)}. */
    int nextState(int s, int a, RandomGenerator rng);

    /**
     * The population plays {@code pi} for one step: {@code mu_{t+1} = (1-beta) mu_t + beta
     * Gamma2(pi, mu_t)} (004 Alg. 1; SPEC §3 step 5), or its finite-population realisation. {@code
     * beta = 1} is the full step of DL-NAC.
     */
    void advance(Policy pi, double beta);
}
