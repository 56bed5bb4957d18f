package org.mfgkit.envs;

import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamValues;

/**
 * An exact (model-based, randomness-free) solver for the equilibrium of a mean-field game that
 * records the exploitability of each iterate. Its settings are declared parameters ({@link
 * #params()}), including its default number of iterations.
 */
public interface EquilibriumSolver {
    /** Number of updates; each solver declares its own default with {@code withDefault}. */
    Param<Integer> ITERATIONS =
            Param.integer("iterations", 500, "number of updates, each evaluated exactly")
                    .check(Checks.nonNegative());

    /** Registry name, e.g. {@code fixed-point}. */
    String name();

    /** The settings this solver was built with (its schema's owner is {@link #name()}). */
    ParamValues params();

    /** Runs the default number of iterations ({@link #ITERATIONS}). */
    default SolverRun solve(ExactModel model, IterationListener listener) {
        return solve(model, params().get(ITERATIONS), listener);
    }

    /**
     * Runs at most {@code iterations} updates from the solver's initial point.
     *
     * @param listener told of every curve point as it is recorded (for progress bars); may be
     *     {@code null}
     */
    SolverRun solve(ExactModel model, int iterations, IterationListener listener);

    /** Receives curve points as a solver records them. */
    @FunctionalInterface
    interface IterationListener {
        /**
         * Called after the exploitability of iteration {@code iteration} is known.
         *
         * @param seconds wall-clock seconds since the solver started
         */
        void onIteration(int iteration, double exploitability, double seconds);
    }
}
