package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.FiniteHorizonExploitability;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * Bookkeeping shared by the solvers that work on a {@link FiniteHorizonMeanFieldGame} directly
 * through its sparse kernels ({@link SparseBackwardInduction}), so they scale with {@code T*S*A*k}.
 */
final class FiniteHorizonIterations {
    private FiniteHorizonIterations() {}

    /** The uniform policy at every step (one shared table). */
    static TabularPolicy[] uniform(FiniteHorizonMeanFieldGame game) {
        TabularPolicy[] pi = new TabularPolicy[game.horizon() + 1];
        Arrays.fill(pi, TabularPolicy.uniform(game.nS(), game.nA()));
        return pi;
    }

    /** Exact exploitability of {@code pi} at the game's {@code lambda}, with its flow. */
    static ExploitabilityResult exploitability(
            FiniteHorizonMeanFieldGame game, TabularPolicy[] pi) {
        FiniteHorizonExploitability e = SparseBackwardInduction.exploitability(game, pi);
        return new ExploitabilityResult(
                e.exploitability(),
                e.flow(),
                e.bestValue(),
                e.policyValue(),
                game.horizon(),
                false);
    }

    /**
     * Evaluates {@code pi}, appends the curve point, tells the listener; returns the evaluation.
     */
    static ExploitabilityResult record(
            FiniteHorizonMeanFieldGame game,
            TabularPolicy[] pi,
            int iteration,
            long startNanos,
            List<CurvePoint> curve,
            EquilibriumSolver.IterationListener listener) {
        ExploitabilityResult e = exploitability(game, pi);
        CurvePoint point =
                new CurvePoint(iteration, e.exploitability(), SolverSupport.seconds(startNanos));
        curve.add(point);
        if (listener != null) {
            listener.onIteration(point);
        }
        return e;
    }
}
