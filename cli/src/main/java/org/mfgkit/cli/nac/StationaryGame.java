package org.mfgkit.cli.nac;

import java.util.Map;
import org.mfgkit.envs.Environment;
import org.mfgkit.envs.Environments;
import org.mfgkit.envs.StationaryModel;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * A registered environment as the stationary {@link MeanFieldGame} NAC and its studies need: the
 * one place where the cli turns a game name (or a built environment) into that view, so the
 * registry's API is used here only.
 *
 * @param name the registry name
 * @param params the environment's parameters by name (echoed in results)
 * @param game the stationary game
 */
record StationaryGame(String name, Map<String, Object> params, MeanFieldGame game) {

    /**
     * The environment {@code name} with {@code sets} ({@code --set} text) applied.
     *
     * @param who the command or experiment asking, for the message when the game is finite-horizon
     */
    static StationaryGame of(String name, Map<String, String> sets, String who) {
        return of(Environments.create(name, sets), who);
    }

    /** The stationary view of a built environment; a finite-horizon one is refused. */
    static StationaryGame of(Environment env, String who) {
        // the current registry exposes the game only inside its exact model: this is the single
        // unwrap in cli, replaced by the registry's own stationary view when the games rewrite
        // lands
        if (!(env.model() instanceof StationaryModel model)) {
            throw new IllegalArgumentException(
                    who
                            + " needs a stationary (discounted) game; '"
                            + env.name()
                            + "' is finite-horizon");
        }
        MeanFieldGame game = model.game();
        return new StationaryGame(env.name(), env.params().asMap(), game);
    }
}
