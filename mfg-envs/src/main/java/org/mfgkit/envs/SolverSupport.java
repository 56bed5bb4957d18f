package org.mfgkit.envs;

import java.util.List;
import org.mfgkit.core.TabularPolicy;

/** Shared bookkeeping of the exact solvers. */
final class SolverSupport {
    private SolverSupport() {}

    static void requireIterations(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /**
     * Evaluates {@code pi}, appends the curve point, tells the listener; returns the evaluation.
     */
    static ExploitabilityResult record(
            ExactModel model,
            TabularPolicy[] pi,
            int iteration,
            long startNanos,
            List<CurvePoint> curve,
            EquilibriumSolver.IterationListener listener) {
        ExploitabilityResult e = model.exploitability(pi);
        CurvePoint point = new CurvePoint(iteration, e.exploitability(), seconds(startNanos));
        curve.add(point);
        if (listener != null) {
            listener.onIteration(point);
        }
        return e;
    }
}
