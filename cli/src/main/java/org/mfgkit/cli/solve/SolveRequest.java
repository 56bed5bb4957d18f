package org.mfgkit.cli.solve;

import java.util.Map;
import org.mfgkit.envs.EquilibriumSolver;
import org.mfgkit.envs.GameModel;

/**
 * What a {@link Solver} is asked to do.
 *
 * @param env the game, built with its {@code --set} parameters
 * @param iterations number of iterations ({@code >= 0})
 * @param seed the seed for solvers that sample (recorded in {@code result.json} either way)
 * @param settings the solver's own {@code --set} settings, by name (only keys it declared)
 * @param listener told of every curve point (drives the progress display); never null
 */
public record SolveRequest(
        GameModel env,
        int iterations,
        long seed,
        Map<String, String> settings,
        EquilibriumSolver.IterationListener listener) {

    /** Validates; names the offending field. */
    public SolveRequest {
        if (env == null) {
            throw new IllegalArgumentException("solve request: env must not be null");
        }
        EquilibriumSolver.ITERATIONS.validate(iterations);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (listener == null) {
            listener = (iteration, exploitability, seconds) -> {};
        }
    }
}
