package org.mfgkit.envs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.MeanFieldGame;

/** Registered games with {@code name=value} overrides, as the tests use them. */
final class Fixtures {
    private Fixtures() {}

    /** {@code name=value} texts as an ordered map. */
    static Map<String, String> sets(String... sets) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            m.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return m;
    }

    /** The registered game {@code name} with overrides. */
    static GameModel game(String name, String... sets) {
        return Games.create(name, sets(sets));
    }

    /** Its stationary view. */
    static MeanFieldGame stationary(String name, String... sets) {
        return game(name, sets).stationary();
    }

    /** Its finite-horizon view. */
    static FiniteHorizonMeanFieldGame finite(String name, String... sets) {
        return game(name, sets).finiteHorizon();
    }
}
