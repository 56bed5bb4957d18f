package org.mfgkit.envs;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of environments by name (SPEC §6 {@code --env}). Adding an environment is one class
 * (the game with its {@code Params} record) plus one {@code register} line below.
 */
public final class Environments {
    private static final Map<String, EnvironmentType<?>> TYPES = new LinkedHashMap<>();

    static {
        register(
                new EnvironmentType<>(
                        "sis",
                        "SIS epidemic, stationary, discounted, entropy-regularised",
                        "004 Appendix D; Cui & Koeppl (2021)",
                        SisEpidemic.Params.defaults(),
                        p -> new StationaryModel(new SisEpidemic(p))));
        register(
                new EnvironmentType<>(
                        "sis-fh",
                        "SIS epidemic, finite horizon T = 50 (= MFGLib susceptible_infected)",
                        "MFGLib Environment.susceptible_infected; Cui & Koeppl (2021)",
                        SisEpidemicFiniteHorizon.Params.defaults(),
                        p -> new FiniteHorizonModel(new SisEpidemicFiniteHorizon(p))));
        register(
                new EnvironmentType<>(
                        "lq",
                        "linear-quadratic, 25 positions x 7 controls, stationary, discounted",
                        "004 Appendix D; Perrin et al. (2020)",
                        LinearQuadratic.Params.defaults(),
                        p -> new StationaryModel(new LinearQuadratic(p))));
        register(
                new EnvironmentType<>(
                        "lq-fh",
                        "linear-quadratic, finite horizon T = 3 (= MFGLib linear_quadratic)",
                        "MFGLib Environment.linear_quadratic; Perrin et al. (2020)",
                        LinearQuadraticFiniteHorizon.Params.defaults(),
                        p -> new FiniteHorizonModel(new LinearQuadraticFiniteHorizon(p))));
        register(
                new EnvironmentType<>(
                        "left-right",
                        "left-right crowd aversion, T = 1 (= MFGLib left_right)",
                        "Cui & Koeppl (2021); MFGLib Environment.left_right",
                        LeftRight.Params.defaults(),
                        p -> new FiniteHorizonModel(new LeftRight(p))));
    }

    /**
     * The presets: registered environments whose defaults reproduce another library's configuration
     * number for number (listed by {@code mfgkit list} with that reference).
     */
    private static final java.util.List<String> PRESETS =
            java.util.List.of("sis-fh", "lq-fh", "left-right");

    private Environments() {}

    /** The preset environments (see {@link #PRESETS}), in registration order. */
    public static synchronized java.util.List<EnvironmentType<?>> presets() {
        return TYPES.values().stream().filter(t -> PRESETS.contains(t.name())).toList();
    }

    /** Adds a type; its name must be new. */
    public static synchronized void register(EnvironmentType<?> type) {
        if (TYPES.containsKey(type.name())) {
            throw new IllegalArgumentException(
                    "environment '" + type.name() + "' is already registered");
        }
        TYPES.put(type.name(), type);
    }

    /** Every registered type, in registration order. */
    public static synchronized Collection<EnvironmentType<?>> types() {
        return Collections.unmodifiableCollection(new java.util.ArrayList<>(TYPES.values()));
    }

    /** The type called {@code name}; unknown names fail with the list of known ones. */
    public static synchronized EnvironmentType<?> type(String name) {
        EnvironmentType<?> type = TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException(
                    "unknown environment '"
                            + name
                            + "' (known: "
                            + String.join(", ", TYPES.keySet())
                            + ")");
        }
        return type;
    }

    /** Builds {@code name} with its defaults. */
    public static Environment create(String name) {
        return type(name).create();
    }

    /** Builds {@code name} with parameter overrides by SPEC name. */
    public static Environment create(String name, Map<String, String> overrides) {
        return type(name).create(overrides);
    }
}
