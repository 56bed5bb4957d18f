package org.mfgkit.mdp;

/**
 * How a mean-field game couples one player to the population. The common parent of {@link
 * MeanFieldGame} and {@link FiniteHorizonMeanFieldGame}, so a class implementing both inherits one
 * answer.
 */
public interface MeanFieldCoupling {
    /**
     * Whether the game's mean field is the <em>state-action</em> distribution {@code L_t(s,a) =
     * mu_t(s) pi_t(a|s)} (MFGLib's {@code L_t}) rather than the state distribution {@code mu_t}
     * (false by default). Then the mean-field argument of the game's transitions and rewards is
     * {@code L_t}, a distribution of length {@code nS*nA} laid out {@code L[s*nA + a]}, and the
     * finite-horizon computations ({@link SparseBackwardInduction}, {@link
     * PopulationOperator#flow}) build it from {@code mu_t} and {@code pi_t} while they propagate
     * {@code mu_{t+1}(s') = sum_{s,a} L_t(s,a) P_t(s'|s,a,L_t)}. Only finite-horizon games may say
     * so: a stationary game's mean field is a state distribution.
     */
    default boolean meanFieldIsStateAction() {
        return false;
    }

    /**
     * Whether the population enters the transitions and rewards only through the <em>state</em>
     * distribution {@code mu} (true unless a game says otherwise; false whenever {@link
     * #meanFieldIsStateAction()}). A game whose {@code mu} is really a statistic of the players'
     * actions (a state-action distribution, an average control, a price set by demand) returns
     * false; the N-player evaluation ({@code org.mfgkit.envs.nplayer}) then refuses it, because
     * feeding it the empirical state distribution of N players would not give the game it
     * approximates.
     */
    default boolean meanFieldIsStateDistribution() {
        return !meanFieldIsStateAction();
    }
}
