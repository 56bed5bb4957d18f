package org.mfgkit.faas;

/**
 * A stochastic policy shared by all function agents (mean-field: one policy for the population),
 * mapping an agent's observation ({@link FaasEnvironment#OBS_DIM} numbers) to a distribution over
 * its {@link FaasEnvironment#N_ACTIONS} actions.
 */
public interface AgentPolicy {
    /**
     * Writes {@code pi(.|o)} into {@code out[0..N_ACTIONS-1]} for the observation {@code obs[offset
     * .. offset+OBS_DIM-1]} (not modified).
     */
    void probabilities(double[] obs, int offset, double[] out);

    /** Number of actions ({@link FaasEnvironment#actions()}). */
    int actions();
}
