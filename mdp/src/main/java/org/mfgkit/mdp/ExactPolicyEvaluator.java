package org.mfgkit.mdp;

import org.ejml.data.DMatrixRMaj;
import org.mfgkit.core.Policy;
import org.mfgkit.core.PolicyEvaluator;
import org.mfgkit.core.Simplex;

/**
 * Exact evaluation for the policy-gradient flow of 000 eq. (9) in a finite MDP (SPEC §1, §4), by
 * the resolvent of {@code P_pi}: {@code V_pi = (I - gamma P_pi)^{-1} (r_pi + lambda H_pi)}, {@code
 * Q_pi = r + gamma P V_pi}, and {@code varrho_pi = rho0^T (I - gamma P_pi)^{-1}} (000 eq. (6);
 * {@code = d_pi/(1-gamma)} with {@code d_pi} of {@link Occupancy}). {@code P_pi} is formed once and
 * both linear systems, {@code (I - gamma P_pi) V = b} and its transpose for {@code varrho}, are
 * solved with one LU factorisation (EJML).
 */
public final class ExactPolicyEvaluator implements PolicyEvaluator {
    private final FiniteMdp mdp;

    /** Entropy weight. */
    private final double lambda;

    /** Start distribution {@code rho0} of {@code E = V(rho0)} and of {@code varrho}. */
    private final double[] rho0;

    /**
     * Validates {@code lambda >= 0} and that {@code rho0} is a distribution over the MDP's states
     * (copied).
     */
    public ExactPolicyEvaluator(FiniteMdp mdp, double lambda, double[] rho0) {
        if (mdp == null) {
            throw new IllegalArgumentException("MDP is required");
        }
        PolicyEvaluation.requireLambda(lambda);
        Simplex.requireDistribution("rho0", rho0, mdp.nS());
        this.mdp = mdp;
        this.lambda = lambda;
        this.rho0 = rho0.clone();
    }

    /** The MDP. */
    public FiniteMdp mdp() {
        return mdp;
    }

    /** The start distribution (a copy). */
    public double[] rho0() {
        return rho0.clone();
    }

    @Override
    public int nS() {
        return mdp.nS();
    }

    @Override
    public int nA() {
        return mdp.nA();
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public Evaluation evaluate(Policy pi) {
        PolicyEvaluation.requireShape(mdp, pi);
        int nS = mdp.nS();
        double gamma = mdp.gamma();
        double[] pPi = PolicyEvaluation.policyTransition(mdp, pi);
        double[] b = PolicyEvaluation.regularisedReward(mdp, pi, lambda);
        DMatrixRMaj a = new DMatrixRMaj(nS, nS);
        for (int s = 0; s < nS; s++) {
            for (int s2 = 0; s2 < nS; s2++) {
                a.data[s * nS + s2] = (s == s2 ? 1.0 : 0.0) - gamma * pPi[s * nS + s2];
            }
        }
        double[][] solved =
                PolicyEvaluation.solveWithTranspose(a, b, rho0); // one LU for both systems
        double[] v = solved[0];
        double[] varrho = solved[1];
        for (int s = 0; s < nS; s++) {
            if (varrho[s] < 0.0) {
                varrho[s] = 0.0; // round-off below zero
            }
        }
        double[] q = PolicyEvaluation.qValues(mdp, v);
        return new Evaluation(varrho, q, PolicyEvaluation.value(v, rho0));
    }
}
