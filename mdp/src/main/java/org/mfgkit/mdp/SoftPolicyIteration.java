package org.mfgkit.mdp;

import org.mfgkit.core.Numerics;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * Soft policy iteration: exact evaluation of {@code pi_k} (LU), then {@code pi_{k+1} ∝
 * exp(Q^{pi_k}/lambda)} (greedy when {@code lambda = 0}); stops when the value changes by at most
 * {@link Tolerances#SOLVER} in sup norm (or, for {@code lambda = 0}, when the greedy policy
 * repeats). An independent route to the soft optimum, cross-checked against {@link
 * SoftValueIteration} in the tests.
 */
public final class SoftPolicyIteration {
    private static final int MAX_ITERATIONS = 10_000;

    private SoftPolicyIteration() {}

    /** Solves from the uniform policy. */
    public static SoftSolution solve(FiniteMdp mdp, double lambda) {
        PolicyEvaluation.requireLambda(lambda);
        int nS = mdp.nS();
        int nA = mdp.nA();
        TabularPolicy pi = TabularPolicy.uniform(nS, nA);
        double[] v = PolicyEvaluation.evaluate(mdp, pi, lambda);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[] q = PolicyEvaluation.qValues(mdp, v);
            TabularPolicy next = TabularPolicy.softmax(nS, nA, q, lambda);
            double[] nextV = PolicyEvaluation.evaluate(mdp, next, lambda);
            double change = Numerics.supDistance(nextV, v);
            boolean repeated = next.equals(pi);
            pi = next;
            v = nextV;
            if (change <= Tolerances.SOLVER * Math.max(1.0, maxAbs(v)) || repeated) {
                double[] qFinal = PolicyEvaluation.qValues(mdp, v);
                return new SoftSolution(
                        v, qFinal, TabularPolicy.softmax(nS, nA, qFinal, lambda), it);
            }
        }
        throw new IllegalStateException(
                "soft policy iteration did not converge in " + MAX_ITERATIONS + " iterations");
    }

    private static double maxAbs(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
