package org.mfgkit.envs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mfgkit.core.TabularPolicy;

/**
 * Online mirror descent (Perolat et al. 2022, "Scaling up mean field games with online mirror
 * descent"; MFGLib's {@code OnlineMirrorDescent}), entropy-regularised: from {@code y_0 = 0} (the
 * uniform policy), {@code y_{n+1} = (1 - alpha lambda) y_n + alpha Q^{pi_n,lambda}_{mu_{pi_n}}},
 * {@code pi_{n+1} = softmax(y_{n+1})} at every decision step, i.e. {@code pi_{n+1} ∝ pi_n^(1 -
 * alpha lambda) exp(alpha Q)}. Its fixed point is {@code pi ∝ exp(Q^pi / lambda)}, the regularised
 * equilibrium; with {@code lambda = 0} it is MFGLib's OMD.
 */
public final class OnlineMirrorDescent implements EquilibriumSolver {
    /** Registry name. */
    public static final String NAME = "omd";

    /** Default learning rate (MFGLib's default). */
    public static final double DEFAULT_ALPHA = 1.0;

    /** Learning rate; {@code alpha * lambda <= 1}. */
    private final double alpha;

    /** With learning rate {@code alpha > 0}. */
    public OnlineMirrorDescent(double alpha) {
        if (!(alpha > 0.0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException(
                    "omd learning rate alpha must be finite and > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** With {@link #DEFAULT_ALPHA}. */
    public OnlineMirrorDescent() {
        this(DEFAULT_ALPHA);
    }

    @Override
    public String name() {
        return NAME;
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
        long start = System.nanoTime();
        List<CurvePoint> curve = new ArrayList<>();
        int nS = model.nS();
        int nA = model.nA();
        TabularPolicy[] pi = model.uniformPolicy();
        double[][] y = new double[pi.length][nS * nA];
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, start, curve, listener);
        for (int n = 1; n <= iterations; n++) {
            double[][] q = model.qValues(pi, e.meanField());
            TabularPolicy[] next = new TabularPolicy[pi.length];
            for (int t = 0; t < pi.length; t++) {
                for (int i = 0; i < y[t].length; i++) {
                    y[t][i] = decay * y[t][i] + alpha * q[t][i];
                }
                next[t] = TabularPolicy.softmax(nS, nA, y[t], 1.0);
            }
            pi = next;
            e = SolverSupport.record(model, pi, n, start, curve, listener);
        }
        return new SolverRun(
                NAME, pi, curve, false, SolverSupport.seconds(start), e, Map.of("alpha", alpha));
    }
}
