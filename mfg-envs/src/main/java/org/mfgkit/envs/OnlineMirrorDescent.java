package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Online mirror descent (Perolat et al. 2022, "Scaling up mean field games with online mirror
 * descent"; MFGLib's {@code OnlineMirrorDescent}), entropy-regularised: from {@code y_0 = 0} (the
 * uniform policy), {@code y_{n+1} = (1 - alpha lambda) y_n + alpha Q^{pi_n,lambda}_{mu_{pi_n}}},
 * {@code pi_{n+1} = softmax(y_{n+1})} at every decision step, i.e. {@code pi_{n+1} ∝ pi_n^(1 -
 * alpha lambda) exp(alpha Q)}. Its fixed point is {@code pi ∝ exp(Q^pi / lambda)}, the regularised
 * equilibrium; with {@code lambda = 0} it is MFGLib's OMD.
 */
public final class OnlineMirrorDescent extends DeclaredSolver {
    /** Learning rate (MFGLib's default 1); {@code alpha * lambda <= 1}. */
    public static final Param<Double> ALPHA =
            Param.real("alpha", 1.0, "learning rate (alpha * lambda <= 1)")
                    .check(Checks.positive());

    /** The settings: {@code alpha}, {@code iterations} (500). */
    public static final ParamSchema PARAMS =
            ParamSchema.of("omd", ALPHA, EquilibriumSolver.ITERATIONS);

    /** Learning rate. */
    private final double alpha;

    /** With these settings (of {@link #PARAMS}). */
    public OnlineMirrorDescent(ParamValues params) {
        super(PARAMS, params);
        this.alpha = params.get(ALPHA);
    }

    /** With learning rate {@code alpha > 0}. */
    public OnlineMirrorDescent(double alpha) {
        this(PARAMS.defaults().with(ALPHA, alpha));
    }

    /** With the defaults ({@code alpha = 1}). */
    public OnlineMirrorDescent() {
        this(PARAMS.defaults());
    }

    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        double decay = 1.0 - alpha * model.lambda();
        if (decay < 0.0) {
            throw new IllegalArgumentException(
                    "omd needs alpha * lambda <= 1, got alpha = "
                            + alpha
                            + ", lambda = "
                            + model.lambda());
        }
        SolverTrace trace = new SolverTrace(listener);
        int nS = model.nS();
        int nA = model.nA();
        TabularPolicy[] pi = model.uniformPolicy();
        double[][] y = new double[pi.length][nS * nA];
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, trace);
        for (int n = 1; n <= iterations; n++) {
            double[][] q = model.qValues(pi, e.meanField());
            e = null; // its flow is no longer needed: let it go before the next evaluation
            // in place, step by step: the Q-values of a step and its old policy are dropped as soon
            // as the step is updated, so only y, pi and the remaining Q-values are held
            for (int t = 0; t < pi.length; t++) {
                for (int i = 0; i < y[t].length; i++) {
                    y[t][i] = decay * y[t][i] + alpha * q[t][i];
                }
                q[t] = null;
                pi[t] = TabularPolicy.softmax(nS, nA, y[t], 1.0);
            }
            e = SolverSupport.record(model, pi, n, trace);
        }
        return SolverSupport.run(this, pi, trace, false, e);
    }
}
