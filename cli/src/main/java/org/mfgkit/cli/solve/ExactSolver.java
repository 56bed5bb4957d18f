package org.mfgkit.cli.solve;

import java.util.List;
import org.mfgkit.envs.DampedFixedPoint;
import org.mfgkit.envs.EquilibriumSolvers;
import org.mfgkit.envs.FictitiousPlay;
import org.mfgkit.envs.OnlineMirrorDescent;
import org.mfgkit.envs.SolverRun;

/**
 * The exact reference solvers of mfg-envs ({@link EquilibriumSolvers}) as {@link Solver}s: they
 * work on every environment, stationary or finite-horizon, and take no seed.
 *
 * @param name the mfg-envs solver name
 * @param description one line
 * @param defaultIterations iterations when none are given
 */
public record ExactSolver(String name, String description, int defaultIterations)
        implements Solver {

    /** Damped fixed point on the mean field. */
    public static final ExactSolver FIXED_POINT =
            new ExactSolver(
                    DampedFixedPoint.NAME,
                    "damped fixed point mu <- (1-beta) mu + beta Gamma2(Gamma1(mu), mu), exact; --set beta=0.5; stops when mu settles",
                    1000);

    /** Fictitious play. */
    public static final ExactSolver FICTITIOUS_PLAY =
            new ExactSolver(
                    FictitiousPlay.NAME,
                    "fictitious play (average of best responses, weight 1/(n+1)), exact; --set alpha=0 (0 = 1/(n+1))",
                    500);

    /** Online mirror descent. */
    public static final ExactSolver OMD =
            new ExactSolver(
                    OnlineMirrorDescent.NAME,
                    "online mirror descent y <- (1 - alpha lambda) y + alpha Q, pi = softmax(y), exact; --set alpha=1",
                    500);

    @Override
    public List<String> settingKeys() {
        return EquilibriumSolvers.settingKeys(name);
    }

    @Override
    public boolean usesSeed() {
        return false;
    }

    @Override
    public SolverRun solve(SolveRequest request) {
        return EquilibriumSolvers.create(name, request.settings())
                .solve(request.env().model(), request.iterations(), request.listener());
    }
}
