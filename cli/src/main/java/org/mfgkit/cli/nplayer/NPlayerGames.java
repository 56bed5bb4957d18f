package org.mfgkit.cli.nplayer;

import org.mfgkit.envs.Environment;
import org.mfgkit.envs.FiniteHorizonModel;
import org.mfgkit.envs.StationaryModel;
import org.mfgkit.envs.nplayer.NPlayerGame;

/** The one place the cli turns a registered environment into an N-player game. */
public final class NPlayerGames {
    private NPlayerGames() {}

    /**
     * The N-player view of {@code env} (built by {@code Environments.create} with its {@code --set}
     * overrides); refuses games whose mean field enters through actions.
     */
    public static NPlayerGame of(Environment env) {
        if (env.model() instanceof StationaryModel s) {
            return NPlayerGame.of(env.name(), s.game());
        }
        if (env.model() instanceof FiniteHorizonModel f) {
            return NPlayerGame.of(env.name(), f.game());
        }
        throw new IllegalArgumentException(
                "environment " + env.name() + " has no model the N-player evaluation knows");
    }
}
