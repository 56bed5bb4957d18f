package org.mfgkit.envs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * Damped fixed-point iteration on the mean field (SPEC §2): {@code mu_{n+1} = (1 - beta) mu_n +
 * beta Gamma2(Gamma1(mu_n), mu_n)}; the iterate's policy is {@code pi_n = Gamma1(mu_n)}. Stationary
 * games start from {@code mu0}; finite-horizon games iterate on the whole flow, starting from the
 * flow of the uniform policy, with the update the flow that {@code Gamma1(flow_n)} generates in the
 * game. Stops early, flagged as converged, when {@code sum_t ||mu_{n+1,t} - mu_{n,t}||_1 <= }{@link
 * Tolerances#MEAN_FIELD}. {@code beta = 1} is the undamped iteration of Huang et al. / Guo et al.;
 * the default {@link #DEFAULT_BETA} reaches exploitability below {@code 1e-10} on {@code sis} and
 * {@code lq}.
 */
public final class DampedFixedPoint implements EquilibriumSolver {
    /** Registry name. */
    public static final String NAME = "fixed-point";

    /** Default damping {@code beta}. */
    public static final double DEFAULT_BETA = 0.5;

    /** Damping: weight of the new mean field, in {@code (0, 1]}. */
    private final double beta;

    /** With damping {@code beta ∈ (0, 1]}. */
    public DampedFixedPoint(double beta) {
        if (!(beta > 0.0 && beta <= 1.0)) {
            throw new IllegalArgumentException(
                    "fixed-point damping beta must be in (0,1], got " + beta);
        }
        this.beta = beta;
    }

    /** With {@link #DEFAULT_BETA}. */
    public DampedFixedPoint() {
        this(DEFAULT_BETA);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The damping. */
    public double beta() {
        return beta;
    }

    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        long start = System.nanoTime();
        List<CurvePoint> curve = new ArrayList<>();
        double[][] mu =
                model instanceof StationaryModel s
                        ? new double[][] {s.game().mu0()}
                        : model.meanField(model.uniformPolicy());
        TabularPolicy[] pi = model.bestResponse(mu);
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, start, curve, listener);
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
            e = SolverSupport.record(model, pi, n, start, curve, listener);
            if (change <= Tolerances.MEAN_FIELD) {
                converged = true;
                break;
            }
        }
        return new SolverRun(
                NAME, pi, curve, converged, SolverSupport.seconds(start), e, Map.of("beta", beta));
    }
}
