package org.mfgkit.mdp;

import org.ejml.data.DMatrixRMaj;
import org.mfgkit.core.Policy;
import org.mfgkit.core.Simplex;

/**
 * Discounted state occupancy {@code d_pi = (1-gamma) rho^T (I - gamma P_pi)^{-1}} (SPEC §1), a
 * distribution over states; seed 000's {@code varrho_pi} is {@code d_pi / (1-gamma)}.
 */
public final class Occupancy {
    private Occupancy() {}

    /** {@code d_pi} for start distribution {@code rho}, by an LU solve of the transposed system. */
    public static double[] discounted(FiniteMdp mdp, Policy pi, double[] rho) {
        int nS = mdp.nS();
        Simplex.requireDistribution("rho", rho, nS);
        double[] pPi = PolicyEvaluation.policyTransition(mdp, pi);
        double gamma = mdp.gamma();
        DMatrixRMaj a = new DMatrixRMaj(nS, nS);
        // (I - gamma P_pi)^T d = (1-gamma) rho
        for (int s = 0; s < nS; s++) {
            for (int s2 = 0; s2 < nS; s2++) {
                a.data[s2 * nS + s] = -gamma * pPi[s * nS + s2];
            }
        }
        for (int s = 0; s < nS; s++) {
            a.data[s * nS + s] += 1.0;
        }
        double[] b = new double[nS];
        for (int s = 0; s < nS; s++) {
            b[s] = (1.0 - gamma) * rho[s];
        }
        double[] d = PolicyEvaluation.solve(a, b);
        for (int s = 0; s < nS; s++) {
            if (d[s] < 0.0) {
                d[s] = 0.0; // round-off below zero
            }
        }
        return d;
    }

    /** The state-action occupancy {@code d_pi(s) pi(a|s)}, flat {@code [s*nA + a]}. */
    public static double[] stateAction(FiniteMdp mdp, Policy pi, double[] rho) {
        double[] d = discounted(mdp, pi, rho);
        int nA = mdp.nA();
        double[] out = new double[mdp.nS() * nA];
        double[] row = new double[nA];
        for (int s = 0; s < mdp.nS(); s++) {
            pi.probabilities(s, row);
            for (int a = 0; a < nA; a++) {
                out[s * nA + a] = d[s] * row[a];
            }
        }
        return out;
    }
}
