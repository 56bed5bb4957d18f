package org.mfgkit.mdp;

import org.mfgkit.core.Numerics;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * Soft value iteration (SPEC §1): {@code V <- lambda log sum_a exp((r + gamma P V)/lambda)}, the
 * hard maximum when {@code lambda = 0}, from {@code V = 0} until the sup-norm change is at most
 * {@link Tolerances#SOLVER} (or a given tolerance). A gamma-contraction, so it always terminates.
 */
public final class SoftValueIteration {
    private SoftValueIteration() {}

    /** Solves to {@link Tolerances#SOLVER}. */
    public static SoftSolution solve(FiniteMdp mdp, double lambda) {
        return solve(mdp, lambda, Tolerances.SOLVER);
    }

    /** Solves until the sup-norm change of {@code V} is at most {@code tolerance}. */
    public static SoftSolution solve(FiniteMdp mdp, double lambda, double tolerance) {
        PolicyEvaluation.requireLambda(lambda);
        int nS = mdp.nS();
        int nA = mdp.nA();
        double[] v = new double[nS];
        double[] q;
        int it = 0;
        while (true) {
            it++;
            q = PolicyEvaluation.qValues(mdp, v);
            double change = 0.0;
            for (int s = 0; s < nS; s++) {
                double nv = Numerics.softMax(q, s * nA, nA, lambda);
                change = Math.max(change, Math.abs(nv - v[s]));
                v[s] = nv;
            }
            // the final Q must be consistent with the returned V
            if (change <= tolerance * (1.0 - mdp.gamma()) || change == 0.0 || it >= 100_000_000) {
                q = PolicyEvaluation.qValues(mdp, v);
                break;
            }
        }
        return new SoftSolution(v, q, TabularPolicy.softmax(nS, nA, q, lambda), it);
    }
}
