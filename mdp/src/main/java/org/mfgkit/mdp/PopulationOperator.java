package org.mfgkit.mdp;

import org.mfgkit.core.Policy;
import org.mfgkit.core.Simplex;

/**
 * The population operator {@code Gamma2(pi, mu)(s') = sum_s mu(s) sum_a pi(a|s) P(s'|s,a,mu)} (SPEC
 * §2) and the finite-horizon mean-field flow it generates.
 */
public final class PopulationOperator {
    private PopulationOperator() {}

    /**
     * One population step with given transitions {@code p[(s*nA + a)*nS + s2]} (already evaluated
     * at {@code mu}); writes into a fresh array. Mass is conserved exactly up to round-off.
     */
    public static double[] step(double[] p, int nS, int nA, Policy pi, double[] mu) {
        if (pi.nS() != nS || pi.nA() != nA) {
            throw new IllegalArgumentException(
                    "policy shape " + pi.nS() + "x" + pi.nA() + " does not match " + nS + "x" + nA);
        }
        if (mu.length != nS) {
            throw new IllegalArgumentException(
                    "mean field has length " + mu.length + ", expected nS = " + nS);
        }
        double[] out = new double[nS];
        double[] row = new double[nA];
        for (int s = 0; s < nS; s++) {
            double m = mu[s];
            if (m == 0.0) {
                continue;
            }
            pi.probabilities(s, row);
            for (int a = 0; a < nA; a++) {
                double w = m * row[a];
                if (w == 0.0) {
                    continue;
                }
                int base = (s * nA + a) * nS;
                for (int s2 = 0; s2 < nS; s2++) {
                    out[s2] += w * p[base + s2];
                }
            }
        }
        return out;
    }

    /** {@code Gamma2(pi, mu)} for a stationary game. */
    public static double[] gamma2(MeanFieldGame game, Policy pi, double[] mu) {
        Simplex.requireDistribution("mean field mu", mu, game.nS());
        double[] p = new double[game.nS() * game.nA() * game.nS()];
        game.transitions(mu, p);
        return step(p, game.nS(), game.nA(), pi, mu);
    }

    /**
     * The state-action distribution {@code L(s,a) = mu(s) pi(a|s)}, flat {@code [s*nA + a]} (a
     * fresh array).
     */
    public static double[] stateAction(double[] mu, Policy pi) {
        int nS = pi.nS();
        int nA = pi.nA();
        if (mu.length != nS) {
            throw new IllegalArgumentException(
                    "state distribution has length " + mu.length + ", expected nS = " + nS);
        }
        double[] l = new double[nS * nA];
        double[] row = new double[nA];
        for (int s = 0; s < nS; s++) {
            double m = mu[s];
            if (m == 0.0) {
                continue;
            }
            pi.probabilities(s, row);
            for (int a = 0; a < nA; a++) {
                l[s * nA + a] = m * row[a];
            }
        }
        return l;
    }

    /**
     * The flow {@code mu_0 = mu0}, {@code mu_{t+1} = Gamma2(pi_t, mu_t)}, {@code t = 0..T}, on the
     * dense kernels; for a game whose {@link FiniteHorizonMeanFieldGame#meanFieldIsStateAction()},
     * the flow of {@code L_t(s,a) = mu_t(s) pi_t(a|s)}, the kernel at {@code t} evaluated at {@code
     * L_t}.
     */
    public static double[][] flow(FiniteHorizonMeanFieldGame game, Policy[] pis) {
        int horizon = game.horizon();
        if (pis.length != horizon + 1) {
            throw new IllegalArgumentException(
                    "mean-field flow needs T+1 = "
                            + (horizon + 1)
                            + " policies, got "
                            + pis.length);
        }
        int nS = game.nS();
        int nA = game.nA();
        double[][] mu = new double[horizon + 1][];
        mu[0] = Simplex.requireDistribution("mu0", game.mu0(), nS).clone();
        double[] p = new double[nS * nA * nS];
        boolean stateAction = game.meanFieldIsStateAction();
        double[][] l = stateAction ? new double[horizon + 1][] : null;
        for (int t = 0; t < horizon; t++) {
            double[] m = mu[t];
            if (stateAction) {
                l[t] = stateAction(mu[t], pis[t]);
                m = l[t];
            }
            game.transitions(t, m, p);
            mu[t + 1] = step(p, nS, nA, pis[t], mu[t]);
        }
        if (stateAction) {
            l[horizon] = stateAction(mu[horizon], pis[horizon]);
            return l;
        }
        return mu;
    }
}
