package org.mfgkit.cli.nac;

import java.util.Map;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * A registered game as the stationary {@link MeanFieldGame} NAC and its studies need: the one place
 * where the cli turns a game name (or a built game) into that view through the registry.
 *
 * @param name the registry name
 * @param params the game's parameters by name (echoed in results)
 * @param game the stationary game
 */
record StationaryGame(String name, Map<String, Object> params, MeanFieldGame game) {

    /**
     * The game {@code name} with {@code sets} (JSON values by parameter name) applied.
     *
     * @param who the command or experiment asking, for the message when the game is finite-horizon
     */
    static StationaryGame of(String name, Map<String, ?> sets, String who) {
        return of(Games.preset(name).createFromJson(sets), who);
    }

    /** The stationary view of a built game; a finite-horizon one is refused. */
    static StationaryGame of(GameModel env, String who) {
        if (!env.isStationary()) {
            throw new IllegalArgumentException(
                    who
                            + " needs a stationary (discounted) game; '"
                            + env.name()
                            + "' is finite-horizon");
        }
        return new StationaryGame(env.name(), env.params().echo(), env.stationary());
    }
}
