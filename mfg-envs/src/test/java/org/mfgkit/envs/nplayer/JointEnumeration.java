package org.mfgkit.envs.nplayer;

import org.mfgkit.core.Policy;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.BackwardInduction;
import org.mfgkit.mdp.FiniteHorizonMdp;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.SoftPolicyIteration;

/**
 * The independent reference: the deviator's MDP on the JOINT state {@code (s_0, s_1, .., s_{N-1})}
 * of all players ({@code nS^N} states, player 0 the deviator), built straight from the definition
 * and solved with the {@code mdp} module's own solvers (backward induction; soft policy iteration
 * and LU evaluation). Seeing the whole joint state is worth no more than seeing the counts (the
 * others are exchangeable), so its optimum is the informed best response.
 */
final class JointEnumeration {
    private JointEnumeration() {}

    /** {@code {best, policy value, deviation value}} for {@code N = n}. */
    static double[] values(NPlayerGame game, TabularPolicy[] pi, TabularPolicy[] dev, int n) {
        pi = game.perStep(pi);
        dev = game.perStep(dev);
        int nS = game.nS();
        int nA = game.nA();
        int nJ = (int) Math.pow(nS, n);
        int steps = game.steps();
        double[][] p = new double[steps][nJ * nA * nJ];
        double[][] r = new double[steps][nJ * nA];
        int[] s = new int[n];
        double[] mu = new double[nS];
        double[] pt = new double[nS * nA * nS];
        double[] rt = new double[nS * nA];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < nJ; j++) {
                decode(j, nS, s);
                java.util.Arrays.fill(mu, 0.0);
                for (int i = 0; i < n; i++) {
                    mu[s[i]] += 1.0 / n;
                }
                game.transitions(t, mu, pt);
                game.rewards(t, mu, rt);
                for (int a = 0; a < nA; a++) {
                    r[t][j * nA + a] = rt[s[0] * nA + a];
                    int[] s2 = new int[n];
                    for (int j2 = 0; j2 < nJ; j2++) {
                        decode(j2, nS, s2);
                        double prob = pt[(s[0] * nA + a) * nS + s2[0]];
                        for (int i = 1; i < n && prob != 0.0; i++) {
                            double m = 0.0;
                            for (int b = 0; b < nA; b++) {
                                m += pi[t].prob(s[i], b) * pt[(s[i] * nA + b) * nS + s2[i]];
                            }
                            prob *= m;
                        }
                        p[t][(j * nA + a) * nJ + j2] = prob;
                    }
                }
            }
        }
        double[] mu0 = game.mu0();
        double[] start = game.othersStart(pi);
        double[] rho = new double[nJ];
        for (int j = 0; j < nJ; j++) {
            decode(j, nS, s);
            double w = mu0[s[0]];
            for (int i = 1; i < n; i++) {
                w *= start[s[i]];
            }
            rho[j] = w;
        }
        TabularPolicy[] onPi = lift(pi, nJ, nS, nA);
        TabularPolicy[] onDev = lift(dev, nJ, nS, nA);
        double lambda = game.lambda();
        if (game.stationary()) {
            FiniteMdp mdp = new FiniteMdp(nJ, nA, game.gamma(), p[0], r[0]);
            return new double[] {
                SoftPolicyIteration.solve(mdp, lambda).value(rho),
                PolicyEvaluation.value(PolicyEvaluation.evaluate(mdp, onPi[0], lambda), rho),
                PolicyEvaluation.value(PolicyEvaluation.evaluate(mdp, onDev[0], lambda), rho)
            };
        }
        double[][] pp = java.util.Arrays.copyOf(p, steps - 1);
        FiniteHorizonMdp mdp = new FiniteHorizonMdp(nJ, nA, game.gamma(), pp, r);
        return new double[] {
            BackwardInduction.softOptimal(mdp, lambda).value(rho),
            PolicyEvaluation.value(
                    BackwardInduction.evaluate(mdp, (Policy[]) onPi, lambda)[0], rho),
            PolicyEvaluation.value(
                    BackwardInduction.evaluate(mdp, (Policy[]) onDev, lambda)[0], rho)
        };
    }

    /** Player 0's policy on joint states: row {@code j} is {@code pi(.|s_0(j))}. */
    private static TabularPolicy[] lift(TabularPolicy[] pi, int nJ, int nS, int nA) {
        TabularPolicy[] out = new TabularPolicy[pi.length];
        for (int t = 0; t < pi.length; t++) {
            double[][] table = new double[nJ][nA];
            for (int j = 0; j < nJ; j++) {
                for (int a = 0; a < nA; a++) {
                    table[j][a] = pi[t].prob(j % nS, a);
                }
            }
            out[t] = TabularPolicy.of(table);
        }
        return out;
    }

    /** Joint index to states, player 0 the least significant digit. */
    private static void decode(int j, int nS, int[] s) {
        for (int i = 0; i < s.length; i++) {
            s[i] = j % nS;
            j /= nS;
        }
    }
}
