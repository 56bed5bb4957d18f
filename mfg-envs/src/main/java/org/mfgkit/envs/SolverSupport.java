package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;

/** Shared bookkeeping of the exact solvers. */
final class SolverSupport {
    private SolverSupport() {}

    /** Checks {@code iterations} by its declaration ({@link EquilibriumSolvers#ITERATIONS}). */
    static int requireIterations(int iterations) {
        return EquilibriumSolver.ITERATIONS.validate(iterations);
    }

    /** Evaluates {@code pi}, adds the curve point; returns the evaluation. */
    static ExploitabilityResult record(
            ExactModel model, TabularPolicy[] pi, int iteration, SolverTrace trace) {
        ExploitabilityResult e = model.exploitability(pi);
        trace.add(iteration, e.exploitability());
        return e;
    }

    /** The run of {@code solver} from its trace. */
    static SolverRun run(
            EquilibriumSolver solver,
            TabularPolicy[] pi,
            SolverTrace trace,
            boolean converged,
            ExploitabilityResult last) {
        return new SolverRun(
                solver.name(),
                pi,
                trace.curve(solver.name()),
                trace.seconds(),
                converged,
                trace.elapsed(),
                last,
                solver.params().echo());
    }
}
