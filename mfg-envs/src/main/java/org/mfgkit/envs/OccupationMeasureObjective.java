package org.mfgkit.envs;

import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseKernel;

/**
 * MF-OMO's objective (Guo, Hu &amp; Zhang 2022, "MF-OMO: an optimization formulation of mean-field
 * games", arXiv:2206.09608, eq. (9) and its redesigned form; MFGLib's {@code mf_omo_params}, {@code
 * mf_omo_obj}) and its exact gradient, through the game's sparse kernels and its derivatives in the
 * mean field ({@link FiniteHorizonMeanFieldGame#rewardsVjp}, {@link
 * FiniteHorizonMeanFieldGame#transitionsVjp}), never a dense {@code A_L}.
 *
 * <p>Variables: the state-action flow {@code L[t][s*nA + a]}, the slack {@code z[t][s*nA + a]} and
 * the dual {@code y[t][s]}, {@code t = 0..T}. MFGLib's layout of {@code A_L L = b}: row block
 * {@code t < T} is the flow constraint {@code e1_t(s') = sum_{s,a} P_t(s'|s,a) L_t(s,a) - sum_a
 * L_{t+1}(s',a)}, row block {@code T} the initial one {@code e1_T(s) = sum_a L_0(s,a) - mu0(s)}; so
 * {@code (A_L^T y)_t(s,a) = sum_s' P_t(s'|s,a) y_t(s') [t < T] - y_{t-1}(s) [t > 0] + y_T(s) [t =
 * 0]}, and {@code e2 = A_L^T y + z - c_L} with {@code c_L = -r}. The objective is {@code c1 o1 + c2
 * o2 + c3 o3}: {@code l1_l2} (the default) {@code o1 = |e1|^2}, {@code o2 = |e2|^2}, {@code o3 =
 * z^T L}; {@code l1} the 1-norms and {@code z^T L}; {@code l2} the squares and {@code (z^T L)^2}.
 * The game sees {@code mu_t(s) = sum_a L_t(s,a)}. A discount {@code gamma < 1} enters as the
 * rewards {@code gamma^t r_t} (the same equilibria); MFGLib's games are undiscounted.
 */
final class OccupationMeasureObjective {
    /** MFGLib's {@code loss}. */
    enum Loss {
        L1,
        L2,
        L1_L2;

        static Loss of(String name) {
            return switch (name) {
                case "l1" -> L1;
                case "l2" -> L2;
                case "l1_l2" -> L1_L2;
                default -> throw new IllegalArgumentException("unknown loss '" + name + "'");
            };
        }
    }

    /** The value of the three terms, and the gradients when asked for. */
    static final class ObjectiveValue {
        /** {@code o1}, {@code o2}, {@code o3} (before the weights {@code c1, c2, c3}). */
        double o1;

        double o2;
        double o3;

        /** The weighted objective. */
        double value;

        /** Gradients in {@code L}, {@code z}, {@code y} (null unless asked for). */
        double[][] gradL;

        double[][] gradZ;
        double[][] gradY;
    }

    private final FiniteHorizonMeanFieldGame game;
    private final int nS;
    private final int nA;
    private final int horizon;
    private final double[] mu0;

    /** {@code gamma^t}, the weight of step {@code t}'s rewards. */
    private final double[] discount;

    OccupationMeasureObjective(FiniteHorizonMeanFieldGame game) {
        this.game = game;
        this.nS = game.nS();
        this.nA = game.nA();
        this.horizon = game.horizon();
        this.mu0 = game.mu0();
        this.discount = new double[horizon + 1];
        for (int t = 0; t <= horizon; t++) {
            discount[t] = Math.pow(game.gamma(), t);
        }
    }

    /** {@code gamma^t}. */
    double discount(int t) {
        return discount[t];
    }

    /** {@code mu(s) = sum_a L(s,a)}. */
    double[] marginal(double[] l) {
        return OccupationMeasureInclusion.marginal(l, nS, nA);
    }

    /** The discounted rewards {@code gamma^t r_t(s,a,mu_t)}. */
    double[] rewards(int t, double[] mu) {
        double[] r = new double[nS * nA];
        game.rewards(t, mu, r);
        if (discount[t] != 1.0) {
            for (int i = 0; i < r.length; i++) {
                r[i] *= discount[t];
            }
        }
        return r;
    }

    /**
     * The terms at {@code (L, z, y)} (not modified), weighted by {@code c1, c2, c3}; with {@code
     * gradient}, also the gradient of the weighted objective (abs' derivative at 0 taken as 0, as
     * torch's).
     */
    ObjectiveValue evaluate(
            double[][] l,
            double[][] z,
            double[][] y,
            Loss loss,
            double c1,
            double c2,
            double c3,
            boolean gradient) {
        int steps = horizon + 1;
        double[][] mu = new double[steps][];
        double[][] r = new double[steps][];
        SparseKernel[] kernels = new SparseKernel[horizon];
        for (int t = 0; t < steps; t++) {
            mu[t] = marginal(l[t]);
            r[t] = rewards(t, mu[t]);
            if (t < horizon) {
                kernels[t] = game.sparseTransitions(t, mu[t]);
            }
        }
        double[][] e1 = new double[steps][nS];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < nS * nA; i++) {
                kernels[t].push(i, l[t][i], e1[t]);
            }
            for (int s = 0; s < nS; s++) {
                e1[t][s] -= mu[t + 1][s];
            }
        }
        for (int s = 0; s < nS; s++) {
            e1[horizon][s] = mu[0][s] - mu0[s];
        }
        double[][] e2 = new double[steps][nS * nA];
        adjoint(kernels, y, e2);
        double zl = 0.0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < nS * nA; i++) {
                e2[t][i] += z[t][i] + r[t][i];
                zl += z[t][i] * l[t][i];
            }
        }
        ObjectiveValue out = new ObjectiveValue();
        boolean squares = loss != Loss.L1;
        out.o1 = norm(e1, squares);
        out.o2 = norm(e2, squares);
        out.o3 = loss == Loss.L2 ? zl * zl : zl;
        out.value = c1 * out.o1 + c2 * out.o2 + c3 * out.o3;
        if (!gradient) {
            return out;
        }
        double[][] g1 = outer(e1, squares);
        double[][] g2 = outer(e2, squares);
        double k3 = loss == Loss.L2 ? 2 * zl : 1.0;
        // dL: c1 A_L^T g1 + c3 k3 z + the mean-field terms; dz: c2 g2 + c3 k3 L; dy: c2 A_L g2
        double[][] gl = new double[steps][nS * nA];
        adjoint(kernels, g1, gl);
        double[][] gz = new double[steps][nS * nA];
        double[][] gy = new double[steps][nS];
        forward(kernels, g2, gy);
        for (int t = 0; t < steps; t++) {
            double[] gMu = new double[mu[t].length];
            double[] w = scaled(g2[t], c2 * discount[t]);
            game.rewardsVjp(t, mu[t], w, gMu);
            if (t < horizon) {
                game.transitionsVjp(t, mu[t], l[t], scaled(g1[t], c1), gMu);
                game.transitionsVjp(t, mu[t], g2[t], scaled(y[t], c2), gMu);
            }
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    int i = s * nA + a;
                    gl[t][i] = c1 * gl[t][i] + c3 * k3 * z[t][i] + gMu[s];
                    gz[t][i] = c2 * g2[t][i] + c3 * k3 * l[t][i];
                }
                gy[t][s] *= c2;
            }
        }
        out.gradL = gl;
        out.gradZ = gz;
        out.gradY = gy;
        return out;
    }

    /** {@code out = A_L^T y} ({@code y[t][s]} to {@code out[t][s*nA + a]}, overwritten). */
    void adjoint(SparseKernel[] kernels, double[][] y, double[][] out) {
        for (int t = 0; t <= horizon; t++) {
            for (int s = 0; s < nS; s++) {
                double own = (t > 0 ? -y[t - 1][s] : 0.0) + (t == 0 ? y[horizon][s] : 0.0);
                for (int a = 0; a < nA; a++) {
                    int i = s * nA + a;
                    out[t][i] = t < horizon ? kernels[t].expect(i, y[t]) + own : own;
                }
            }
        }
    }

    /** {@code out = A_L x} ({@code x[t][s*nA + a]} to {@code out[t][s]}, overwritten). */
    void forward(SparseKernel[] kernels, double[][] x, double[][] out) {
        for (int t = 0; t < horizon; t++) {
            java.util.Arrays.fill(out[t], 0.0);
            for (int i = 0; i < nS * nA; i++) {
                kernels[t].push(i, x[t][i], out[t]);
            }
            double[] next = marginal(x[t + 1]);
            for (int s = 0; s < nS; s++) {
                out[t][s] -= next[s];
            }
        }
        double[] first = marginal(x[0]);
        System.arraycopy(first, 0, out[horizon], 0, nS);
    }

    /** {@code sum e^2} or {@code sum |e|}. */
    private static double norm(double[][] e, boolean squares) {
        double sum = 0.0;
        for (double[] block : e) {
            for (double v : block) {
                sum += squares ? v * v : Math.abs(v);
            }
        }
        return sum;
    }

    /** The derivative of {@link #norm} in {@code e}: {@code 2e} or {@code sign(e)}. */
    private static double[][] outer(double[][] e, boolean squares) {
        double[][] g = new double[e.length][];
        for (int t = 0; t < e.length; t++) {
            g[t] = new double[e[t].length];
            for (int i = 0; i < e[t].length; i++) {
                g[t][i] = squares ? 2 * e[t][i] : Math.signum(e[t][i]);
            }
        }
        return g;
    }

    private static double[] scaled(double[] x, double c) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = c * x[i];
        }
        return out;
    }
}
