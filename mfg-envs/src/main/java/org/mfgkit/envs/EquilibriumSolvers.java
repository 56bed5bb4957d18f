package org.mfgkit.envs;

import java.util.List;
import java.util.Map;

/**
 * Builds the exact equilibrium solvers of this module by name, with their settings given as text
 * ({@code beta} for {@code fixed-point}, {@code alpha} for {@code fictitious-play} and {@code
 * omd}).
 */
public final class EquilibriumSolvers {
    /** The names, in display order. */
    public static final List<String> NAMES =
            List.of(DampedFixedPoint.NAME, FictitiousPlay.NAME, OnlineMirrorDescent.NAME);

    private EquilibriumSolvers() {}

    /** The setting names a solver accepts. */
    public static List<String> settingKeys(String name) {
        return switch (name) {
            case DampedFixedPoint.NAME -> List.of("beta");
            case FictitiousPlay.NAME, OnlineMirrorDescent.NAME -> List.of("alpha");
            default -> throw unknown(name);
        };
    }

    /** A solver with its settings ({@code key -> text}); unknown names or keys fail. */
    public static EquilibriumSolver create(String name, Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!settingKeys(name).contains(key)) {
                throw new IllegalArgumentException(
                        "unknown setting '"
                                + key
                                + "' for algorithm "
                                + name
                                + " (known: "
                                + String.join(", ", settingKeys(name))
                                + ")");
            }
        }
        return switch (name) {
            case DampedFixedPoint.NAME ->
                    settings.containsKey("beta")
                            ? new DampedFixedPoint(ParamText.real("beta", settings.get("beta")))
                            : new DampedFixedPoint();
            case FictitiousPlay.NAME ->
                    settings.containsKey("alpha")
                            ? new FictitiousPlay(ParamText.real("alpha", settings.get("alpha")))
                            : new FictitiousPlay();
            case OnlineMirrorDescent.NAME ->
                    settings.containsKey("alpha")
                            ? new OnlineMirrorDescent(
                                    ParamText.real("alpha", settings.get("alpha")))
                            : new OnlineMirrorDescent();
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(
                "unknown algorithm '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
}
