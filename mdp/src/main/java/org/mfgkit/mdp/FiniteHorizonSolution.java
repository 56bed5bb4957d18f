package org.mfgkit.mdp;

import org.mfgkit.core.TabularPolicy;

/**
 * Backward-induction result: {@code v[t][s]}, {@code q[t][s*nA + a]} and {@code policies[t]} for
 * {@code t = 0..T}.
 */
public record FiniteHorizonSolution(double[][] v, double[][] q, TabularPolicy[] policies) {
    /** Validates that the parts are present and of equal length. */
    public FiniteHorizonSolution {
        if (v == null
                || q == null
                || policies == null
                || v.length != q.length
                || v.length != policies.length) {
            throw new IllegalArgumentException(
                    "finite-horizon solution: v, q, policies must have T+1 entries each");
        }
    }

    /** {@code V_0(rho)}. */
    public double value(double[] rho) {
        return PolicyEvaluation.value(v[0], rho);
    }
}
