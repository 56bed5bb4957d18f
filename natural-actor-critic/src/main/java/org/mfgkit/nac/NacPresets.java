package org.mfgkit.nac;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 004's hyper-parameters (Appendix D) as named {@link NacSettings}, one {@code register} line each:
 * {@code sis} ({@code T = 3000, eta = 0.05, beta = 0.01}, TD(0) {@code K = 10 000}, SGD {@code K =
 * 1 000}) and {@code lq} ({@code T = 600, eta = 0.1, beta = 0.05}, {@code K = 20 000} and {@code 10
 * 000}); critic step 0.001, one-hot features, the exact {@code Gamma2} for both. 004 gives eta,
 * beta and the critic step; the sample budgets are this toolkit's (natural-actor-critic README). A
 * name that is not registered is refused: no game silently gets another game's values.
 */
public final class NacPresets {
    private static final Map<String, NacSettings> PRESETS = new LinkedHashMap<>();

    static {
        register("sis", NacSettings.defaults());
        register(
                "lq",
                NacSettings.defaults()
                        .with(NacParams.ITERATIONS, 600)
                        .with(NacParams.ETA, 0.1)
                        .with(NacParams.BETA, 0.05)
                        .with(OracleParams.CRITIC_SAMPLES, 20_000)
                        .with(OracleParams.ACTOR_SAMPLES, 10_000));
    }

    private NacPresets() {}

    private static void register(String name, NacSettings settings) {
        if (PRESETS.putIfAbsent(name, settings) != null) {
            throw new IllegalArgumentException("NAC preset '" + name + "' is registered twice");
        }
    }

    /** The preset names, in registration order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** Whether {@code name} is a preset. */
    public static boolean has(String name) {
        return PRESETS.containsKey(name);
    }

    /**
     * The preset called {@code name}.
     *
     * @throws IllegalArgumentException {@code unknown NAC preset 'x' (known: sis, lq)}
     */
    public static NacSettings get(String name) {
        NacSettings s = PRESETS.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown NAC preset '"
                            + name
                            + "' (known: "
                            + String.join(", ", PRESETS.keySet())
                            + ")");
        }
        return s;
    }
}
