package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Damped fixed-point iteration on the mean field (SPEC §2): {@code mu_{n+1} = (1 - beta) mu_n +
 * beta Gamma2(Gamma1(mu_n), mu_n)}; the iterate's policy is {@code pi_n = Gamma1(mu_n)}. Stationary
 * games start from {@code mu0}; finite-horizon games iterate on the whole flow, starting from the
 * flow of the uniform policy, with the update the flow that {@code Gamma1(flow_n)} generates in the
 * game (for a game whose mean field is over state-action pairs, the flow of {@code L_t}: the
 * iteration mixes what the game reads). Stops early, flagged as converged, when {@code sum_t
 * ||mu_{n+1,t} - mu_{n,t}||_1 <= }{@link Tolerances#MEAN_FIELD}. {@code beta = 1} is the undamped
 * iteration of Huang et al. / Guo et al.; the default {@code beta = 0.5} reaches exploitability
 * below {@code 1e-10} on {@code sis} and {@code lq}.
 */
public final class DampedFixedPoint extends DeclaredSolver {
    /** Damping: weight of the new mean field. */
    public static final Param<Double> BETA =
            Param.real("beta", 0.5, "damping: weight of the new mean field")
                    .check(Checks.openClosedUnit());

    /** The settings: {@code beta}, {@code iterations} (1000; stops earlier when settled). */
    public static final ParamSchema PARAMS =
            ParamSchema.of("fixed-point", BETA, EquilibriumSolver.ITERATIONS.withDefault(1000));

    /** Damping: weight of the new mean field, in {@code (0, 1]}. */
    private final double beta;

    /** With these settings (of {@link #PARAMS}). */
    public DampedFixedPoint(ParamValues params) {
        super(PARAMS, params);
        this.beta = params.get(BETA);
    }

    /** With damping {@code beta ∈ (0, 1]}. */
    public DampedFixedPoint(double beta) {
        this(PARAMS.defaults().with(BETA, beta));
    }

    /** With the defaults. */
    public DampedFixedPoint() {
        this(PARAMS.defaults());
    }

    /** The damping. */
    public double beta() {
        return beta;
    }

    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        SolverTrace trace = new SolverTrace(listener);
        double[][] mu =
                model instanceof StationaryModel s
                        ? new double[][] {s.game().mu0()}
                        : model.meanField(model.uniformPolicy());
        TabularPolicy[] pi = model.bestResponse(mu);
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, trace);
        boolean converged = false;
        for (int n = 1; n <= iterations; n++) {
            double[][] update = model.populationUpdate(pi, mu);
            double change = 0.0;
            for (int t = 0; t < mu.length; t++) {
                for (int s = 0; s < mu[t].length; s++) {
                    double next = (1.0 - beta) * mu[t][s] + beta * update[t][s];
                    change += Math.abs(next - mu[t][s]);
                    mu[t][s] = next;
                }
            }
            pi = model.bestResponse(mu);
            e = SolverSupport.record(model, pi, n, trace);
            if (change <= Tolerances.MEAN_FIELD) {
                converged = true;
                break;
            }
        }
        return SolverSupport.run(this, pi, trace, converged, e);
    }
}
