package org.mfgkit.cli.nplayer;

import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.nplayer.NPlayerGame;

/** The one place the cli turns a registered environment into an N-player game. */
public final class NPlayerGames {
    private NPlayerGames() {}

    /**
     * The N-player view of {@code env} (a registered game built by {@code Games.create} with its
     * {@code --set} overrides); refuses games whose mean field enters through actions.
     */
    public static NPlayerGame of(GameModel env) {
        return env.isStationary()
                ? NPlayerGame.of(env.name(), env.stationary())
                : NPlayerGame.of(env.name(), env.finiteHorizon());
    }
}
