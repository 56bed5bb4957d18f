package org.mfgkit.mdp;

import org.mfgkit.core.Numerics;
import org.mfgkit.core.Policy;
import org.mfgkit.core.TabularPolicy;

/**
 * Exact finite-horizon dynamic programming (SPEC §1): evaluation of a time-dependent policy and the
 * soft-optimal (hard-optimal when {@code lambda = 0}) values and policies, by backward induction
 * from {@code t = T} (reward only) to {@code t = 0}.
 */
public final class BackwardInduction {
    private BackwardInduction() {}

    /**
     * {@code V^pi_t(s)} for {@code t = 0..T}, {@code pis[t]} the policy at step {@code t},
     * regularised by {@code lambda H(pi_t(.|s))} at every step.
     */
    public static double[][] evaluate(FiniteHorizonMdp mdp, Policy[] pis, double lambda) {
        PolicyEvaluation.requireLambda(lambda);
        int horizon = mdp.horizon();
        if (pis.length != horizon + 1) {
            throw new IllegalArgumentException(
                    "finite-horizon evaluation needs T+1 = "
                            + (horizon + 1)
                            + " policies, got "
                            + pis.length);
        }
        int nS = mdp.nS();
        int nA = mdp.nA();
        double[][] v = new double[horizon + 1][nS];
        double[] row = new double[nA];
        for (int t = horizon; t >= 0; t--) {
            Policy pi = pis[t];
            if (pi.nS() != nS || pi.nA() != nA) {
                throw new IllegalArgumentException(
                        "policy at t = "
                                + t
                                + " has shape "
                                + pi.nS()
                                + "x"
                                + pi.nA()
                                + ", expected "
                                + nS
                                + "x"
                                + nA);
            }
            double[] q = qValues(mdp, t, t < horizon ? v[t + 1] : null);
            for (int s = 0; s < nS; s++) {
                pi.probabilities(s, row);
                double sum = 0.0;
                for (int a = 0; a < nA; a++) {
                    sum += row[a] * q[s * nA + a];
                }
                v[t][s] = lambda == 0.0 ? sum : sum + lambda * pi.entropy(s);
            }
        }
        return v;
    }

    /** Soft-optimal values, Q-functions and policies {@code pi_t ∝ exp(Q_t / lambda)}. */
    public static FiniteHorizonSolution softOptimal(FiniteHorizonMdp mdp, double lambda) {
        PolicyEvaluation.requireLambda(lambda);
        int horizon = mdp.horizon();
        int nS = mdp.nS();
        int nA = mdp.nA();
        double[][] v = new double[horizon + 1][nS];
        double[][] q = new double[horizon + 1][];
        TabularPolicy[] pis = new TabularPolicy[horizon + 1];
        for (int t = horizon; t >= 0; t--) {
            q[t] = qValues(mdp, t, t < horizon ? v[t + 1] : null);
            for (int s = 0; s < nS; s++) {
                v[t][s] = Numerics.softMax(q[t], s * nA, nA, lambda);
            }
            pis[t] = TabularPolicy.softmax(nS, nA, q[t], lambda);
        }
        return new FiniteHorizonSolution(v, q, pis);
    }

    /**
     * {@code Q_t(s,a) = r_t(s,a) + gamma sum_s' P_t(s'|s,a) V_{t+1}(s')}, flat {@code [s*nA + a]}
     * (a fresh array); {@code next = null} at {@code t = T}. With {@code V} from {@link #evaluate}
     * this is the regularised {@code Q^{pi,lambda}_t}.
     */
    public static double[] qValues(FiniteHorizonMdp mdp, int t, double[] next) {
        int nS = mdp.nS();
        int nA = mdp.nA();
        double[] r = mdp.rewardArray(t);
        if (next == null) {
            return r.clone();
        }
        double[] p = mdp.transitionArray(t);
        double gamma = mdp.gamma();
        double[] q = new double[nS * nA];
        PolicyEvaluation.bellmanRows(p, r, gamma, next, nS, nS * nA, q);
        return q;
    }
}
