package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseKernel;

/**
 * MF-OMI-FBS, mean-field occupation-measure inclusion by forward-backward splitting (Hu & Zhang
 * 2024, "MF-OML: online mean-field reinforcement learning with occupation measures for large
 * population games"; MFGLib's {@code OccupationMeasureInclusion}). The iterate is the state-action
 * occupation measure {@code d_t(s,a)}, starting at that of the uniform policy: a forward step along
 * the rewards, {@code d <- d + alpha (r(d) - eta d)}, then the backward step, the Euclidean
 * projection onto the occupation measures consistent with the kernels {@code P_t(mu_t(d))} of the
 * current {@code d} ({@link FlowPolytopeProjection}); the policy is {@code pi_t(a|s) = d_t(s,a) /
 * sum_a d_t(s,a)} (uniform where that is 0). Rewards and kernels see {@code mu_t(s) = sum_a
 * d_t(s,a)}, or {@code d_t} itself for a game whose mean field is over state-action pairs (MFGLib's
 * {@code L_t}). The step is MFGLib's, unregularised (no entropy term); the iterates are scored at
 * the game's {@code lambda}.
 *
 * <p>MFGLib solves the projection with OSQP to its {@code atol}/{@code rtol} (1e-3 under {@code
 * solve}'s defaults) and zeroes entries of {@code d} below ten times that before forming the
 * policy; here the projection is exact to 1e-14 and nothing is zeroed.
 */
public final class OccupationMeasureInclusion extends DeclaredSolver {
    /** MFGLib's {@code alpha}: the forward step size. */
    public static final Param<Double> ALPHA =
            Param.real("alpha", 1e-3, "step size of the forward (reward) step")
                    .check(Checks.positive());

    /** MFGLib's {@code eta}: the perturbation coefficient. */
    public static final Param<Double> ETA =
            Param.real(
                            "eta",
                            0.0,
                            "perturbation: faster convergence for some asymptotic suboptimality")
                    .check(Checks.nonNegative());

    /** The parameters, with MFGLib's defaults ({@code alpha = 1e-3}, {@code eta = 0}). */
    public static final ParamSchema PARAMS =
            ParamSchema.of(
                    "occupation-measure-inclusion",
                    ALPHA,
                    ETA,
                    EquilibriumSolver.ITERATIONS.withDefault(100));

    /** Forward step size. */
    private final double alpha;

    /** Perturbation coefficient. */
    private final double eta;

    /** With the given parameters (of {@link #PARAMS}). */
    public OccupationMeasureInclusion(ParamValues params) {
        super(PARAMS, params);
        this.alpha = params.get(ALPHA);
        this.eta = params.get(ETA);
    }

    /** With MFGLib's defaults. */
    public OccupationMeasureInclusion() {
        this(PARAMS.defaults());
    }

    /**
     * Runs {@code iterations} forward-backward steps from the uniform policy's occupation measure.
     */
    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        FiniteHorizonMeanFieldGame game = FiniteHorizonIterations.game(model, name());
        SolverTrace trace = new SolverTrace(listener);
        int nS = game.nS();
        int nA = game.nA();
        int horizon = game.horizon();
        TabularPolicy[] pi = FiniteHorizonIterations.uniform(game);
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, trace);
        boolean stateAction = game.meanFieldIsStateAction();
        double[][] d = new double[horizon + 1][nS * nA];
        for (int t = 0; t <= horizon; t++) {
            double[] mu = e.meanField()[t];
            if (stateAction) {
                d[t] = mu.clone(); // the mean field is L_t = mu_t pi_t already
                continue;
            }
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    d[t][s * nA + a] = mu[s] * pi[t].prob(s, a);
                }
            }
        }
        double[] r = new double[nS * nA];
        for (int n = 1; n <= iterations; n++) {
            SparseKernel[] kernels = new SparseKernel[horizon];
            double[][] y = new double[horizon + 1][nS * nA];
            for (int t = 0; t <= horizon; t++) {
                double[] mu = stateAction ? d[t] : marginal(d[t], nS, nA);
                game.rewards(t, mu, r);
                if (t < horizon) {
                    kernels[t] = game.sparseTransitions(t, mu);
                }
                for (int i = 0; i < nS * nA; i++) {
                    y[t][i] = d[t][i] + alpha * (r[i] - eta * d[t][i]);
                }
            }
            d = new FlowPolytopeProjection(game.mu0(), kernels, nS, nA).project(y);
            pi = policies(d, nS, nA);
            e = SolverSupport.record(model, pi, n, trace);
        }
        return SolverSupport.run(this, pi, trace, false, e);
    }

    /** {@code mu(s) = sum_a d(s,a)} (total mass 1 to the projection's 1e-14). */
    static double[] marginal(double[] d, int nS, int nA) {
        double[] mu = new double[nS];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                mu[s] += d[s * nA + a];
            }
        }
        return mu;
    }

    /** {@code pi_t(a|s) = d_t(s,a) / sum_a d_t(s,a)}, uniform where the state has no mass. */
    static TabularPolicy[] policies(double[][] d, int nS, int nA) {
        TabularPolicy[] pi = new TabularPolicy[d.length];
        for (int t = 0; t < d.length; t++) {
            double[] table = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                double m = 0.0;
                for (int a = 0; a < nA; a++) {
                    m += d[t][s * nA + a];
                }
                for (int a = 0; a < nA; a++) {
                    table[s * nA + a] = m > 0.0 ? d[t][s * nA + a] / m : 1.0 / nA;
                }
            }
            pi[t] = TabularPolicy.ofTable(nS, nA, table);
        }
        return pi;
    }
}
