package org.mfgkit.envs;

/**
 * An exact (model-based, randomness-free) solver for the equilibrium of a mean-field game that
 * records the exploitability of each iterate.
 */
public interface EquilibriumSolver {
    /** Registry name, e.g. {@code fixed-point}. */
    String name();

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
        /** Called after the exploitability of iteration {@code point.iteration()} is known. */
        void onIteration(CurvePoint point);
    }
}
