package org.mfgkit.envs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * The exact equilibrium solvers of this module by name, each with its declared settings ({@code
 * beta} for {@code fixed-point}, {@code alpha} for {@code fictitious-play} and {@code omd}, and
 * every solver's {@code iterations}).
 */
public final class EquilibriumSolvers {
    private record Registration(
            ParamSchema params, Function<ParamValues, EquilibriumSolver> factory) {}

    private static final Map<String, Registration> BY_NAME = new LinkedHashMap<>();

    static {
        add(DampedFixedPoint.PARAMS, DampedFixedPoint::new);
        add(FictitiousPlay.PARAMS, FictitiousPlay::new);
        add(OnlineMirrorDescent.PARAMS, OnlineMirrorDescent::new);
        add(PriorDescent.PARAMS, PriorDescent::new);
        add(OccupationMeasureInclusion.PARAMS, OccupationMeasureInclusion::new);
        add(OccupationMeasureOptimization.PARAMS, OccupationMeasureOptimization::new);
    }

    private EquilibriumSolvers() {}

    private static void add(ParamSchema params, Function<ParamValues, EquilibriumSolver> f) {
        BY_NAME.put(params.owner(), new Registration(params, f));
    }

    /** The names, in display order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The declared settings of solver {@code name}. */
    public static ParamSchema params(String name) {
        return entry(name).params();
    }

    /** Solver {@code name} with these settings (of its schema). */
    public static EquilibriumSolver create(ParamValues settings) {
        return entry(settings.schema().owner()).factory().apply(settings);
    }

    /**
     * Solver {@code name} with its settings given as {@code --set} text; unknown names or keys
     * fail, naming the known ones.
     */
    public static EquilibriumSolver create(String name, Map<String, String> settings) {
        return create(params(name).defaults().withTexts(settings));
    }

    private static Registration entry(String name) {
        Registration e = BY_NAME.get(name);
        if (e == null) {
            throw new IllegalArgumentException(
                    "unknown algorithm '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return e;
    }
}
