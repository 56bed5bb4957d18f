package org.mfgkit.mdp;

import org.mfgkit.core.TabularPolicy;

/**
 * A soft-optimal solution: {@code V*} ({@code [s]}), {@code Q*} ({@code [s*nA + a]}), {@code pi* ∝
 * exp(Q* / lambda)} (greedy, uniform over ties, when {@code lambda = 0}) and the number of
 * iterations the solver took.
 */
public record SoftSolution(double[] v, double[] q, TabularPolicy policy, int iterations) {
    /** Validates that the parts are present. */
    public SoftSolution {
        if (v == null || q == null || policy == null) {
            throw new IllegalArgumentException("soft solution: v, q and policy are required");
        }
    }

    /** {@code V*(rho)}. */
    public double value(double[] rho) {
        return PolicyEvaluation.value(v, rho);
    }
}
