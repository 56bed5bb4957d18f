package org.mfgkit.mdp;

/**
 * How a mean-field game couples one player to the population. The common parent of {@link
 * MeanFieldGame} and {@link FiniteHorizonMeanFieldGame}, so a class implementing both inherits one
 * answer.
 */
public interface MeanFieldCoupling {
    /**
     * Whether the population enters the transitions and rewards only through the <em>state</em>
     * distribution {@code mu} (true unless a game says otherwise). A game whose {@code mu} is
     * really a statistic of the players' actions (a state-action distribution, an average control,
     * a price set by demand) returns false; the N-player evaluation ({@code
     * org.mfgkit.envs.nplayer}) then refuses it, because feeding it the empirical state
     * distribution of N players would not give the game it approximates.
     */
    default boolean meanFieldIsStateDistribution() {
        return true;
    }
}
