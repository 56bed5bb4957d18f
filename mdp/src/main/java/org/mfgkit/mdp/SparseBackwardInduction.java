package org.mfgkit.mdp;

import org.mfgkit.core.Numerics;
import org.mfgkit.core.Policy;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;

/**
 * The finite-horizon computations of a mean-field game on its {@link SparseKernel}s ({@link
 * FiniteHorizonMeanFieldGame#sparseTransitions}): the mean-field flow, exact policy evaluation, the
 * soft-optimal (hard-optimal when {@code lambda = 0}) best response by backward induction, and
 * exploitability, each in {@code O(T*S*A*k)} time for {@code k} next states per pair and {@code
 * O(S*A)} working memory per step besides what the caller asks back. The same numbers as {@link
 * BackwardInduction} on {@link FiniteHorizonMeanFieldGame#inducedMdp} and {@link
 * PopulationOperator#flow} up to the order of summation (the flow is the same bit for bit). A
 * {@code flow} argument is the game's mean-field flow: {@code mu_t}, or {@code L_t} for a game
 * whose mean field is over state-action pairs ({@link FiniteHorizonMeanFieldGame#meanFieldLength()}
 * entries per step).
 */
public final class SparseBackwardInduction {
    private SparseBackwardInduction() {}

    /**
     * The flow {@code mu_0 = mu0}, {@code mu_{t+1}(s') = sum_{s,a} mu_t(s) pi_t(a|s) P_t(s'|s,a)};
     * for a game whose {@link FiniteHorizonMeanFieldGame#meanFieldIsStateAction()}, the flow of
     * {@code L_t(s,a) = mu_t(s) pi_t(a|s)} with the kernels evaluated at {@code L_t}.
     */
    public static double[][] flow(FiniteHorizonMeanFieldGame game, Policy[] pis) {
        return forward(game, pis, null);
    }

    /**
     * The flow, recording the kernels {@code P_t(.|.,.,mu_t)} into {@code kernels[t]} for {@code t
     * < T} when {@code kernels} is not null (a game with a fixed kernel returns one instance).
     */
    private static double[][] forward(
            FiniteHorizonMeanFieldGame game, Policy[] pis, SparseKernel[] kernels) {
        int horizon = game.horizon();
        requirePolicies(game, pis);
        int nS = game.nS();
        int nA = game.nA();
        double[][] mu = new double[horizon + 1][];
        mu[0] = Simplex.requireDistribution("mu0", game.mu0(), nS).clone();
        if (game.meanFieldIsStateAction()) {
            return forwardStateAction(game, pis, kernels, mu);
        }
        double[] row = new double[nA];
        for (int t = 0; t < horizon; t++) {
            SparseKernel p = kernel(game, t, mu[t]);
            if (kernels != null) {
                kernels[t] = p;
            }
            double[] out = new double[nS];
            for (int s = 0; s < nS; s++) {
                double m = mu[t][s];
                if (m == 0.0) {
                    continue;
                }
                pis[t].probabilities(s, row);
                for (int a = 0; a < nA; a++) {
                    double w = m * row[a];
                    if (w != 0.0) {
                        p.push(s * nA + a, w, out);
                    }
                }
            }
            mu[t + 1] = out;
        }
        return mu;
    }

    /**
     * The forward pass of a game whose mean field is {@code L_t(s,a) = mu_t(s) pi_t(a|s)}: the
     * kernel at {@code t} is evaluated at {@code L_t}, and {@code mu_{t+1}(s') = sum_{s,a} L_t(s,a)
     * P_t(s'|s,a,L_t)}; returns the flow {@code L_t}, {@code t = 0..T}.
     *
     * @param flow {@code flow[0] = mu0}; overwritten with the flow of {@code L_t}
     */
    private static double[][] forwardStateAction(
            FiniteHorizonMeanFieldGame game,
            Policy[] pis,
            SparseKernel[] kernels,
            double[][] flow) {
        int horizon = game.horizon();
        double[] mu = flow[0];
        for (int t = 0; t <= horizon; t++) {
            double[] l = PopulationOperator.stateAction(mu, pis[t]);
            flow[t] = l;
            if (t == horizon) {
                break;
            }
            SparseKernel p = kernel(game, t, l);
            if (kernels != null) {
                kernels[t] = p;
            }
            double[] out = new double[game.nS()];
            for (int i = 0; i < l.length; i++) {
                if (l[i] != 0.0) {
                    p.push(i, l[i], out);
                }
            }
            mu = out;
        }
        return flow;
    }

    /**
     * {@code V^{pi,lambda}_t(s)}, {@code t = 0..T}, in the MDP induced by {@code flow}, regularised
     * by {@code lambda H(pi_t(.|s))} at every step.
     */
    public static double[][] evaluate(
            FiniteHorizonMeanFieldGame game, double[][] flow, Policy[] pis, double lambda) {
        double[][] v = new double[game.horizon() + 1][];
        sweep(game, flow, kernels(game, flow), pis, lambda, v, null, null, null);
        return v;
    }

    /**
     * {@code Q^{pi,lambda}_t(s,a) = r_t + gamma E[V^{pi,lambda}_{t+1}]}, flat {@code [t][s*nA +
     * a]}.
     */
    public static double[][] policyQValues(
            FiniteHorizonMeanFieldGame game, double[][] flow, Policy[] pis, double lambda) {
        double[][] q = new double[game.horizon() + 1][];
        sweep(game, flow, kernels(game, flow), pis, lambda, new double[q.length][], q, null, null);
        return q;
    }

    /**
     * Soft-optimal Q-functions {@code Q*_t(s,a) = r_t + gamma E[V*_{t+1}]}, {@code V*_t(s) = lambda
     * log sum_a exp(Q*_t(s,a)/lambda)} (the maximum at {@code lambda = 0}), flat {@code [t][s*nA +
     * a]}, without building the policies.
     */
    public static double[][] optimalQValues(
            FiniteHorizonMeanFieldGame game, double[][] flow, double lambda) {
        int steps = game.horizon() + 1;
        double[][] q = new double[steps][];
        sweep(game, flow, kernels(game, flow), null, lambda, null, null, new double[steps][], q);
        return q;
    }

    /**
     * Soft-optimal values, Q-functions and policies {@code pi_t ∝ exp(Q_t/lambda)} (greedy at 0).
     */
    public static FiniteHorizonSolution softOptimal(
            FiniteHorizonMeanFieldGame game, double[][] flow, double lambda) {
        int steps = game.horizon() + 1;
        double[][] v = new double[steps][];
        double[][] q = new double[steps][];
        sweep(game, flow, kernels(game, flow), null, lambda, null, null, v, q);
        TabularPolicy[] pis = new TabularPolicy[steps];
        for (int t = 0; t < steps; t++) {
            pis[t] = TabularPolicy.softmax(game.nS(), game.nA(), q[t], lambda);
        }
        return new FiniteHorizonSolution(v, q, pis);
    }

    /**
     * Exploitability of {@code pis} at the game's {@code lambda}: one forward pass for the flow and
     * one backward pass that evaluates the policy and the best response together.
     */
    public static FiniteHorizonExploitability exploitability(
            FiniteHorizonMeanFieldGame game, Policy[] pis) {
        SparseKernel[] kernels = new SparseKernel[game.horizon()];
        double[][] flow = forward(game, pis, kernels);
        int steps = game.horizon() + 1;
        double[][] v = new double[steps][];
        double[][] vStar = new double[steps][];
        sweep(game, flow, kernels, pis, game.lambda(), v, null, vStar, null);
        double[] mu0 = game.meanFieldIsStateAction() ? game.mu0() : flow[0];
        return new FiniteHorizonExploitability(
                PolicyEvaluation.value(vStar[0], mu0), PolicyEvaluation.value(v[0], mu0), flow);
    }

    /**
     * One backward pass from {@code t = T}. With {@code pis}: policy values into {@code v[t]} (and
     * Q-values into {@code q[t]} when not null); with {@code vStar}: soft-optimal values into
     * {@code vStar[t]} (and Q-values into {@code qStar[t]} when not null). Earlier steps' values
     * are dropped unless asked for, since only {@code t+1} is needed at {@code t}.
     */
    private static void sweep(
            FiniteHorizonMeanFieldGame game,
            double[][] flow,
            SparseKernel[] kernels,
            Policy[] pis,
            double lambda,
            double[][] v,
            double[][] q,
            double[][] vStar,
            double[][] qStar) {
        PolicyEvaluation.requireLambda(lambda);
        int horizon = game.horizon();
        requireFlow(game, flow);
        if (pis != null) {
            requirePolicies(game, pis);
        }
        int nS = game.nS();
        int nA = game.nA();
        double gamma = game.gamma();
        double[] r = new double[nS * nA];
        double[] row = new double[nA];
        double[] qRow = new double[nA];
        double[] qStarRow = new double[nA];
        double[] nextV = null;
        double[] nextVStar = null;
        for (int t = horizon; t >= 0; t--) {
            game.rewards(t, flow[t], r);
            SparseKernel p = t < horizon ? kernels[t] : null;
            double[] vt = pis != null ? new double[nS] : null;
            double[] vStarT = vStar != null ? new double[nS] : null;
            double[] qt = q != null ? new double[nS * nA] : null;
            double[] qStarT = qStar != null ? new double[nS * nA] : null;
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    int i = s * nA + a;
                    double base = r[i];
                    if (p != null) {
                        if (vt != null) {
                            qRow[a] = base + gamma * p.expect(i, nextV);
                        }
                        if (vStarT != null) {
                            qStarRow[a] = base + gamma * p.expect(i, nextVStar);
                        }
                    } else {
                        qRow[a] = base;
                        qStarRow[a] = base;
                    }
                }
                if (vt != null) {
                    pis[t].probabilities(s, row);
                    double sum = 0.0;
                    for (int a = 0; a < nA; a++) {
                        sum += row[a] * qRow[a];
                    }
                    vt[s] = lambda == 0.0 ? sum : sum + lambda * pis[t].entropy(s);
                    if (qt != null) {
                        System.arraycopy(qRow, 0, qt, s * nA, nA);
                    }
                }
                if (vStarT != null) {
                    vStarT[s] = Numerics.softMax(qStarRow, 0, nA, lambda);
                    if (qStarT != null) {
                        System.arraycopy(qStarRow, 0, qStarT, s * nA, nA);
                    }
                }
            }
            nextV = vt;
            nextVStar = vStarT;
            if (v != null) {
                v[t] = vt;
            }
            if (q != null) {
                q[t] = qt;
            }
            if (vStar != null) {
                vStar[t] = vStarT;
            }
            if (qStar != null) {
                qStar[t] = qStarT;
            }
        }
    }

    private static SparseKernel[] kernels(FiniteHorizonMeanFieldGame game, double[][] flow) {
        requireFlow(game, flow);
        SparseKernel[] k = new SparseKernel[game.horizon()];
        for (int t = 0; t < k.length; t++) {
            k[t] = kernel(game, t, flow[t]);
        }
        return k;
    }

    private static SparseKernel kernel(FiniteHorizonMeanFieldGame game, int t, double[] mu) {
        SparseKernel p = game.sparseTransitions(t, mu);
        if (p.nS() != game.nS() || p.nA() != game.nA()) {
            throw new IllegalStateException(
                    "game returned a "
                            + p.nS()
                            + "x"
                            + p.nA()
                            + " kernel at t = "
                            + t
                            + ", expected "
                            + game.nS()
                            + "x"
                            + game.nA());
        }
        return p;
    }

    private static void requireFlow(FiniteHorizonMeanFieldGame game, double[][] flow) {
        if (flow.length != game.horizon() + 1) {
            throw new IllegalArgumentException(
                    "mean-field flow must have T+1 = "
                            + (game.horizon() + 1)
                            + " entries, got "
                            + flow.length);
        }
        for (int t = 0; t < flow.length; t++) {
            Simplex.requireDistribution(
                    (game.meanFieldIsStateAction() ? "mean field L_" : "mean field mu_") + t,
                    flow[t],
                    game.meanFieldLength());
        }
    }

    private static void requirePolicies(FiniteHorizonMeanFieldGame game, Policy[] pis) {
        if (pis.length != game.horizon() + 1) {
            throw new IllegalArgumentException(
                    "finite-horizon game needs T+1 = "
                            + (game.horizon() + 1)
                            + " policies, got "
                            + pis.length);
        }
        for (int t = 0; t < pis.length; t++) {
            if (pis[t].nS() != game.nS() || pis[t].nA() != game.nA()) {
                throw new IllegalArgumentException(
                        "policy at t = "
                                + t
                                + " has shape "
                                + pis[t].nS()
                                + "x"
                                + pis[t].nA()
                                + ", expected "
                                + game.nS()
                                + "x"
                                + game.nA());
            }
        }
    }
}
