package org.mfgkit.cli.solve;

import java.util.List;
import org.mfgkit.core.NonFiniteException;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.DampedFixedPoint;
import org.mfgkit.envs.EquilibriumSolver;
import org.mfgkit.envs.EquilibriumSolvers;
import org.mfgkit.envs.FictitiousPlay;
import org.mfgkit.envs.OccupationMeasureInclusion;
import org.mfgkit.envs.OccupationMeasureOptimization;
import org.mfgkit.envs.OnlineMirrorDescent;
import org.mfgkit.envs.PriorDescent;
import org.mfgkit.envs.SolverRun;

/**
 * The exact reference solvers of mfg-envs ({@link EquilibriumSolvers}) as {@link Solver}s: they
 * take no seed and work on every environment, stationary or finite-horizon, except prior descent,
 * MF-OMI-FBS and MF-OMO (finite horizon only, as in MFGLib). Settings, their defaults and the
 * default iterations come from each solver's declared parameters.
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

    /** MFGLib's prior descent (GMF-V when n_inner is unset); finite-horizon games. */
    public static final ExactSolver PRIOR_DESCENT =
            new ExactSolver(
                    PriorDescent.PARAMS.owner(),
                    "prior descent pi <- q exp(Q*/eta), prior q reset every n_inner (none: GMF-V),"
                            + " exact, finite horizon");

    /** MFGLib's MF-OMI-FBS; finite-horizon games. */
    public static final ExactSolver OCCUPATION_MEASURE_INCLUSION =
            new ExactSolver(
                    OccupationMeasureInclusion.PARAMS.owner(),
                    "MF-OMI-FBS d <- Proj(d + alpha (r(d) - eta d)) on occupation measures, exact,"
                            + " finite horizon");

    /** MFGLib's MF-OMO; finite-horizon games. */
    public static final ExactSolver OCCUPATION_MEASURE_OPTIMIZATION =
            new ExactSolver(
                    OccupationMeasureOptimization.PARAMS.owner(),
                    "MF-OMO: Adam/SGD on |A_L L - b|^2 + |A_L^T y + z - c_L|^2 + z^T L over"
                            + " occupation measures, exact gradients, finite horizon");

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
        ParamValues values =
                params().defaults()
                        .withTexts(request.settings())
                        .with(EquilibriumSolver.ITERATIONS, request.iterations());
        try {
            return EquilibriumSolvers.create(values)
                    .solve(request.env().exact(), request.listener());
        } catch (NonFiniteException e) {
            throw e.inTermsOf(name + " on " + request.env().name(), request.env().params(), values);
        }
    }
}
