package org.mfgkit.cli.solve;

import java.util.List;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.envs.DampedFixedPoint;
import org.mfgkit.envs.EquilibriumSolver;
import org.mfgkit.envs.EquilibriumSolvers;
import org.mfgkit.envs.FictitiousPlay;
import org.mfgkit.envs.OnlineMirrorDescent;
import org.mfgkit.envs.SolverRun;

/**
 * The exact reference solvers of mfg-envs ({@link EquilibriumSolvers}) as {@link Solver}s: they
 * work on every environment, stationary or finite-horizon, and take no seed. Settings, their
 * defaults and the default iterations come from each solver's declared parameters.
 *
 * @param name the mfg-envs solver name
 * @param summary one line (the settings and their defaults are appended for the listing)
 */
public record ExactSolver(String name, String summary) implements Solver {

    /** Damped fixed point on the mean field. */
    public static final ExactSolver FIXED_POINT =
            new ExactSolver(
                    DampedFixedPoint.PARAMS.owner(),
                    "damped fixed point mu <- (1-beta) mu + beta Gamma2(Gamma1(mu), mu), exact; stops when mu settles");

    /** Fictitious play. */
    public static final ExactSolver FICTITIOUS_PLAY =
            new ExactSolver(
                    FictitiousPlay.PARAMS.owner(),
                    "fictitious play (average of best responses, weight 1/(n+1)), exact");

    /** Online mirror descent. */
    public static final ExactSolver OMD =
            new ExactSolver(
                    OnlineMirrorDescent.PARAMS.owner(),
                    "online mirror descent y <- (1 - alpha lambda) y + alpha Q, pi = softmax(y), exact");

    private ParamSchema params() {
        return EquilibriumSolvers.params(name);
    }

    @Override
    public String description() {
        StringBuilder b = new StringBuilder(summary).append(";");
        for (String key : settingKeys()) {
            b.append(" --set ").append(key).append("=").append(params().defaults().text(key));
        }
        return b.append("; ").append(defaultIterations()).append(" iterations").toString();
    }

    /** The declared settings except {@code iterations} (given by {@code --iterations}). */
    @Override
    public List<String> settingKeys() {
        return params().names().stream()
                .filter(k -> !k.equals(EquilibriumSolver.ITERATIONS.name()))
                .toList();
    }

    @Override
    public int defaultIterations() {
        return params().defaults().get(EquilibriumSolver.ITERATIONS);
    }

    @Override
    public boolean usesSeed() {
        return false;
    }

    @Override
    public SolverRun solve(SolveRequest request) {
        return EquilibriumSolvers.create(
                        params().defaults()
                                .withTexts(request.settings())
                                .with(EquilibriumSolver.ITERATIONS, request.iterations()))
                .solve(request.env().exact(), request.listener());
    }
}
