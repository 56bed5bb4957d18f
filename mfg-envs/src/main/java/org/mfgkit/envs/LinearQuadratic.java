package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * The discretised one-dimensional linear-quadratic mean-field game (004 Appendix D, SPEC §2.2;
 * after Perrin et al. 2020; MFGLib's {@code linear_quadratic}). Positions {@code x ∈ {-L..L}}
 * (state {@code s = x + L}), controls {@code a ∈ {-M..M}} (action {@code a + M}), noise values
 * {@code eps_j}, {@code j = -3..3}, with weights {@code ∝ exp(-eps_j^2/2)}: {@code x' = clip(rint(x
 * + (k (mbar - x) + a) dt + sigma eps_j sqrt(dt)), -L, L)} ({@code rint} rounds half to even, as
 * {@code torch.round}; evaluated in MFGLib's order so half-way ties round alike), {@code mbar =
 * sum_x x mu(x)}. Reward {@code (-a^2/2 + q a (mbar - x) - kappa/2 (mbar - x)^2) dt}, and {@code
 * -c_term/2 (mbar - x)^2} (not scaled by {@code dt}) at the last step of a finite horizon.
 *
 * <p>{@code eps_grid}: {@code unit} is 004's noise {@code eps_j = j} ({@code lq}); {@code sigma} is
 * MFGLib's {@code eps_j = j sigma} ({@code lq-fh}), where {@code sigma} enters twice. The mean
 * reversion {@code k} is 0 in 004; with {@code k = 0} the kernel ignores {@code mu} and is built
 * once.
 */
public final class LinearQuadratic extends GameModel {
    /** Positions {@code -L..L}. */
    public static final Param<Integer> L =
            Param.integer("L", 12, "positions -L..L (nS = 2L+1)").check(Checks.range(1, 10_000));

    /** Controls {@code -M..M}. */
    public static final Param<Integer> M =
            Param.integer("M", 3, "controls -M..M (nA = 2M+1)").check(Checks.range(0, 10_000));

    /** Noise scale. */
    public static final Param<Double> SIGMA =
            Param.real("sigma", 1.0, "noise scale").check(Checks.nonNegative());

    /** Time step. */
    public static final Param<Double> DT =
            Param.real("dt", 1.0, "time step").check(Checks.positive());

    /** Mean-reversion rate. */
    public static final Param<Double> K = Param.real("k", 0.0, "mean-reversion rate of the drift");

    /** Cross weight of control and distance to the mean. */
    public static final Param<Double> Q =
            Param.real("q", 0.01, "cross weight of control and distance to the mean");

    /** Weight of the squared distance to the mean. */
    public static final Param<Double> KAPPA =
            Param.real("kappa", 0.5, "weight of the squared distance to the mean");

    /** Terminal-cost weight (finite horizon). */
    public static final Param<Double> C_TERM =
            Param.real("c_term", 0.0, "terminal-cost weight at t = T (finite horizon)");

    /** Noise grid: {@code unit} ({@code eps_j = j}) or {@code sigma} ({@code eps_j = j sigma}). */
    public static final Param<String> EPS_GRID =
            Param.choice(
                    "eps_grid",
                    "unit",
                    List.of("unit", "sigma"),
                    "noise values eps_j = j (unit, 004) or j*sigma (sigma, MFGLib)");

    /** {@code lq}: 004's values, stationary, {@code gamma = 0.9}, {@code lambda = 0.1}. */
    public static final ParamSchema PARAMS =
            schema("lq", List.of(L, M, SIGMA, DT, K, Q, KAPPA, C_TERM, EPS_GRID), "lambda=0.1");

    private final int el;
    private final int m;
    private final double sigma;
    private final double dt;
    private final double k;
    private final double q;
    private final double kappa;
    private final double cTerm;

    /** Noise values {@code eps_j}. */
    private final double[] eps = new double[7];

    /** Noise probabilities {@code w_j}. */
    private final double[] w = new double[7];

    /** The kernel when it ignores {@code mu} ({@code k = 0}), else {@code null}. */
    private final double[] fixedKernel;

    /** The game with the given parameters (of {@link #PARAMS} or a preset of it). */
    public LinearQuadratic(ParamValues params) {
        super(params, 2 * params.get(L) + 1, 2 * params.get(M) + 1);
        el = params.get(L);
        m = params.get(M);
        sigma = params.get(SIGMA);
        dt = params.get(DT);
        k = params.get(K);
        q = params.get(Q);
        kappa = params.get(KAPPA);
        cTerm = params.get(C_TERM);
        double scale = params.get(EPS_GRID).equals("sigma") ? sigma : 1.0;
        double sum = 0.0;
        for (int j = 0; j < 7; j++) {
            eps[j] = (j - 3) * scale;
            w[j] = Math.exp(-0.5 * eps[j] * eps[j]);
            sum += w[j];
        }
        for (int j = 0; j < 7; j++) {
            w[j] /= sum;
        }
        fixedKernel = k != 0.0 ? null : new double[nS() * nA() * nS()];
        if (fixedKernel != null) {
            kernel(0.0, fixedKernel);
        }
    }

    /** {@code sum_x x mu(x)} with {@code mu} indexed by {@code s = x + L}. */
    double mean(double[] mu) {
        double mbar = 0.0;
        for (int s = 0; s < mu.length; s++) {
            mbar += (s - el) * mu[s];
        }
        return mbar;
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        if (fixedKernel != null) {
            System.arraycopy(fixedKernel, 0, out, 0, fixedKernel.length);
        } else {
            kernel(mean(mu), out);
        }
    }

    @Override
    protected boolean transitionsDependOnMeanField() {
        return fixedKernel == null;
    }

    private void kernel(double mbar, double[] out) {
        int nS = nS();
        int nA = nA();
        Arrays.fill(out, 0, nS * nA * nS, 0.0);
        double sqrtDt = Math.sqrt(dt);
        for (int s = 0; s < nS; s++) {
            int x = s - el;
            for (int ai = 0; ai < nA; ai++) {
                double drift = x + (k * (mbar - x) + (ai - m)) * dt;
                int base = (s * nA + ai) * nS;
                for (int j = 0; j < eps.length; j++) {
                    long next = (long) Math.rint(drift + sigma * eps[j] * sqrtDt);
                    out[base + (int) Math.max(-el, Math.min(el, next)) + el] += w[j];
                }
            }
        }
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        double mbar = mean(mu);
        int nA = nA();
        for (int s = 0; s < nS(); s++) {
            double gap = mbar - (s - el);
            for (int ai = 0; ai < nA; ai++) {
                int a = ai - m;
                out[s * nA + ai] =
                        terminal(t)
                                ? -0.5 * cTerm * gap * gap
                                : (-0.5 * a * a + q * a * gap - 0.5 * kappa * gap * gap) * dt;
            }
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /**
     * Through {@code mbar} ({@code dmbar/dmu(j) = j - L}): {@code dr/dmbar = (q a - kappa (mbar -
     * x)) dt}, and {@code -c_term (mbar - x)} at the last step.
     */
    @Override
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        double mbar = mean(mu);
        int nA = nA();
        double g = 0.0;
        for (int s = 0; s < nS(); s++) {
            double gap = mbar - (s - el);
            for (int ai = 0; ai < nA; ai++) {
                double d = terminal(t) ? -cTerm * gap : (q * (ai - m) - kappa * gap) * dt;
                g += w[s * nA + ai] * d;
            }
        }
        for (int j = 0; j < nS(); j++) {
            out[j] += g * (j - el);
        }
    }

    /**
     * The kernel moves with {@code mbar} only through the rounding of the next position: piecewise
     * constant, derivative 0 almost everywhere (MFGLib's autograd sees no dependence either: it
     * takes the rounded index as a plain integer).
     */
    @Override
    protected void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {}

    /** MFGLib's {@code r_max = (M^2/2 + 2 q M L + 2 kappa L^2) dt}. */
    @Override
    public double rMax() {
        return (0.5 * m * m + 2 * q * m * el + 2 * kappa * el * el) * dt;
    }
}
