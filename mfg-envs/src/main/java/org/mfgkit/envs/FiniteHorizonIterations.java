package org.mfgkit.envs;

import java.util.Arrays;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * What the solvers that work on a {@link FiniteHorizonMeanFieldGame} directly (through its sparse
 * kernels, {@link SparseBackwardInduction}) share.
 */
final class FiniteHorizonIterations {
    private FiniteHorizonIterations() {}

    /**
     * The finite-horizon game behind {@code model}.
     *
     * @throws IllegalArgumentException for a stationary game
     */
    static FiniteHorizonMeanFieldGame game(ExactModel model, String solver) {
        if (model instanceof FiniteHorizonModel fh) {
            return fh.game();
        }
        throw new IllegalArgumentException(
                solver + " runs on finite-horizon games (T a number), not on a stationary one");
    }

    /** The uniform policy at every step (one shared table). */
    static TabularPolicy[] uniform(FiniteHorizonMeanFieldGame game) {
        TabularPolicy[] pi = new TabularPolicy[game.horizon() + 1];
        Arrays.fill(pi, TabularPolicy.uniform(game.nS(), game.nA()));
        return pi;
    }

    /** Exact exploitability of {@code pi} at the game's {@code lambda}, with its flow. */
    static ExploitabilityResult exploitability(
            FiniteHorizonMeanFieldGame game, TabularPolicy[] pi) {
        return Exploitability.of(game, pi);
    }
}
