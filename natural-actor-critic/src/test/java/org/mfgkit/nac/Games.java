package org.mfgkit.nac;

import java.util.Arrays;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.Policy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.PopulationOperator;
import org.mfgkit.mdp.SoftValueIteration;

/**
 * Test fixtures: the two games of SPEC §2.1-2.2 written out here (the natural-actor-critic module
 * must not depend on mfg-envs, whose classes are the reference implementations; the cli tests run
 * the same checks against them), a mean-field-free game wrapping an MDP, and the exact
 * exploitability of SPEC §2 computed with mdp's solvers.
 */
final class Games {
    private Games() {}

    /** SIS epidemic of SPEC §2.1 with its stationary defaults. */
    static MeanFieldGame sis() {
        return new MeanFieldGame() {
            @Override
            public int nS() {
                return 2;
            }

            @Override
            public int nA() {
                return 2;
            }

            @Override
            public double gamma() {
                return 0.9;
            }

            @Override
            public double lambda() {
                return 0.1;
            }

            @Override
            public double[] mu0() {
                return new double[] {0.4, 0.6};
            }

            @Override
            public void transitions(double[] mu, double[] out) {
                double infect = 0.81 * mu[1];
                // s = S (0): a = U (0) -> I with c mu(I); a = D (1) -> stays S
                out[0] = 1.0 - infect;
                out[1] = infect;
                out[2] = 1.0;
                out[3] = 0.0;
                // s = I (1): recovers with 0.3 whatever the action
                out[4] = 0.3;
                out[5] = 0.7;
                out[6] = 0.3;
                out[7] = 0.7;
            }

            @Override
            public void rewards(double[] mu, double[] out) {
                out[0] = 0.0;
                out[1] = -0.5;
                out[2] = -1.0;
                out[3] = -1.5;
            }
        };
    }

    /** Linear-quadratic game of SPEC §2.2 with its stationary defaults ({@code L = 12, M = 3}). */
    static MeanFieldGame lq() {
        final int bigL = 12;
        final int bigM = 3;
        final double dt = 1.0;
        final double sigma = 1.0;
        final double q = 0.01;
        final double kappa = 0.5;
        final int nS = 2 * bigL + 1;
        final int nA = 2 * bigM + 1;
        final double[] noise = new double[7];
        double z = 0.0;
        for (int j = 0; j < 7; j++) {
            noise[j] = Math.exp(-(j - 3) * (j - 3) / 2.0);
            z += noise[j];
        }
        for (int j = 0; j < 7; j++) {
            noise[j] /= z;
        }
        return new MeanFieldGame() {
            @Override
            public int nS() {
                return nS;
            }

            @Override
            public int nA() {
                return nA;
            }

            @Override
            public double gamma() {
                return 0.9;
            }

            @Override
            public double lambda() {
                return 0.1;
            }

            @Override
            public double[] mu0() {
                double[] mu = new double[nS];
                Arrays.fill(mu, 1.0 / nS);
                return mu;
            }

            @Override
            public void transitions(double[] mu, double[] out) {
                Arrays.fill(out, 0.0);
                for (int s = 0; s < nS; s++) {
                    int x = s - bigL;
                    for (int ai = 0; ai < nA; ai++) {
                        int a = ai - bigM;
                        for (int j = 0; j < 7; j++) {
                            double next = Math.rint(x + a * dt + sigma * (j - 3) * Math.sqrt(dt));
                            int x2 = (int) Math.max(-bigL, Math.min(bigL, next));
                            out[(s * nA + ai) * nS + x2 + bigL] += noise[j];
                        }
                    }
                }
            }

            @Override
            public void rewards(double[] mu, double[] out) {
                double mbar = 0.0;
                for (int s = 0; s < nS; s++) {
                    mbar += (s - bigL) * mu[s];
                }
                for (int s = 0; s < nS; s++) {
                    int x = s - bigL;
                    for (int ai = 0; ai < nA; ai++) {
                        int a = ai - bigM;
                        out[s * nA + ai] =
                                (-a * a / 2.0
                                                + q * a * (mbar - x)
                                                - kappa / 2.0 * (mbar - x) * (mbar - x))
                                        * dt;
                    }
                }
            }
        };
    }

    /**
     * A game whose transitions and rewards ignore {@code mu}: the MDP {@code mdp} with start {@code
     * rho}.
     */
    static MeanFieldGame fromMdp(FiniteMdp mdp, double[] rho, double lambda) {
        return new MeanFieldGame() {
            @Override
            public int nS() {
                return mdp.nS();
            }

            @Override
            public int nA() {
                return mdp.nA();
            }

            @Override
            public double gamma() {
                return mdp.gamma();
            }

            @Override
            public double lambda() {
                return lambda;
            }

            @Override
            public double[] mu0() {
                return rho.clone();
            }

            @Override
            public void transitions(double[] mu, double[] out) {
                System.arraycopy(mdp.transitionArray(), 0, out, 0, out.length);
            }

            @Override
            public void rewards(double[] mu, double[] out) {
                System.arraycopy(mdp.rewardArray(), 0, out, 0, out.length);
            }
        };
    }

    /**
     * {@code mu_pi}: {@code mu <- Gamma2(pi, mu)} from {@code mu0} until the L1 change is at most
     * {@link Tolerances#MEAN_FIELD}.
     */
    static double[] meanField(MeanFieldGame game, Policy pi) {
        double[] mu = game.mu0();
        for (int n = 0; n < 1_000_000; n++) {
            double[] next = PopulationOperator.gamma2(game, pi, mu);
            double change = Numerics.l1Distance(next, mu);
            mu = next;
            if (change <= Tolerances.MEAN_FIELD) {
                return mu;
            }
        }
        throw new IllegalStateException("mean field did not settle");
    }

    /**
     * Exact exploitability {@code E(pi) = max_pi' V^{pi'}_{mu_pi}(mu0) - V^{pi}_{mu_pi}(mu0)} (SPEC
     * §2).
     */
    static double exploitability(MeanFieldGame game, Policy pi) {
        FiniteMdp mdp = game.inducedMdp(meanField(game, pi));
        double[] rho = game.mu0();
        double best = SoftValueIteration.solve(mdp, game.lambda()).value(rho);
        double own = PolicyEvaluation.value(PolicyEvaluation.evaluate(mdp, pi, game.lambda()), rho);
        return best - own;
    }
}
