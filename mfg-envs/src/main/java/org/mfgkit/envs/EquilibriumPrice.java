package org.mfgkit.envs;

import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.SparseKernel;

/**
 * MFGLib's equilibrium price (MFGLib v0.3.0, {@code mfglib/env/examples/equilibrium_price.py}; Guo,
 * Hu &amp; Zhang 2022, "MF-OMO: an optimization formulation of mean-field games",
 * arXiv:2206.09608): firms under perfect competition hold an inventory {@code s = 0..s_inv} of raw
 * material; each step a firm uses {@code q = 0..Q} of it for production (at most {@code s} is
 * available) and orders {@code h = 0..H}, so {@code s' = min(s - min(q, s) + h, s_inv)}. The price
 * is set by supply and demand through the state-action mean field: {@code p_t = (d / (sum_{s,a}
 * L_t(s,a) q(a) + e0))^(1/sigma)}, and {@code r_t(s, (q,h)) = (p_t - c0) q - c1 q^2 - c2 h - (c2 +
 * c3) max(q - s, 0) - c4 s}.
 *
 * <p>Action {@code a = q*(H+1) + h} (MFGLib's action shape {@code (Q+1, H+1)} flattened row-major).
 * The kernel is deterministic and fixed (one next state per pair); the mean field is {@code L_t}.
 */
public final class EquilibriumPrice extends GameModel {
    /** Largest inventory. */
    public static final Param<Integer> S_INV =
            Param.integer("s_inv", 3, "largest inventory (states 0..s_inv)")
                    .check(Checks.range(0, 10_000_000));

    /** Largest quantity used for production. */
    public static final Param<Integer> Q =
            Param.integer("Q", 2, "largest quantity used for production")
                    .check(Checks.range(0, 10_000));

    /** Largest quantity ordered. */
    public static final Param<Integer> H =
            Param.integer("H", 2, "largest quantity ordered").check(Checks.range(0, 10_000));

    /** Demand scale. */
    public static final Param<Double> D =
            Param.real("d", 1.0, "demand scale of the price").check(Checks.nonNegative());

    /** Supply offset in the price's denominator. */
    public static final Param<Double> E0 =
            Param.real("e0", 1.0, "supply offset in the price's denominator")
                    .check(Checks.positive());

    /** Price elasticity: the price is {@code (d / supply)^(1/sigma)}. */
    public static final Param<Double> SIGMA =
            Param.real("sigma", 1.0, "elasticity: price = (d / supply)^(1/sigma)")
                    .check(Checks.positive());

    /** Cost coefficients {@code c0..c4}. */
    public static final Param<double[]> C =
            Param.vector(
                            "c",
                            new double[] {1, 1, 1, 1, 1},
                            "costs c0..c4: unit production, quadratic production, ordering,"
                                    + " shortage (added to c2), holding")
                    .check(Checks.length(5));

    /** MFGLib's defaults: {@code T = 4}, undiscounted, unregularised, uniform {@code mu0}. */
    public static final ParamSchema PARAMS =
            schema("equilibrium-price", List.of(S_INV, Q, H, D, E0, SIGMA, C), "T=4", "gamma=1");

    private final int sInv;
    private final int hMax;
    private final int nA;
    private final double d;
    private final double e0;
    private final double sigma;
    private final double[] c;
    private SparseKernel kernel;

    /** The game with the given parameters (of {@link #PARAMS}). */
    public EquilibriumPrice(ParamValues params) {
        super(
                params,
                params.get(S_INV) + 1,
                Math.multiplyExact(params.get(Q) + 1, params.get(H) + 1));
        this.sInv = params.get(S_INV);
        this.hMax = params.get(H);
        this.nA = nA();
        this.d = params.get(D);
        this.e0 = params.get(E0);
        this.sigma = params.get(SIGMA);
        this.c = params.get(C);
    }

    /** With MFGLib's defaults. */
    public EquilibriumPrice() {
        this(PARAMS.defaults());
    }

    @Override
    public boolean meanFieldIsStateAction() {
        return true;
    }

    @Override
    protected boolean transitionsDependOnMeanField() {
        return false;
    }

    @Override
    protected synchronized SparseKernel sparseTransitions(int t, double[] l) {
        if (kernel == null) {
            SparseKernel.RowWriter b = new SparseKernel.RowWriter(sInv + 1, nA, (sInv + 1) * nA);
            for (int s = 0; s <= sInv; s++) {
                for (int a = 0; a < nA; a++) {
                    int q = a / (hMax + 1);
                    int h = a % (hMax + 1);
                    b.add(Math.min(s - Math.min(q, s) + h, sInv), 1.0).endRow();
                }
            }
            kernel = b.build();
        }
        return kernel;
    }

    @Override
    public void transitions(int t, double[] l, double[] out) {
        double[] dense = sparseTransitions(t, l).toDense();
        System.arraycopy(dense, 0, out, 0, dense.length);
    }

    @Override
    public void rewards(int t, double[] l, double[] out) {
        double supply = supply(l);
        double price = Math.pow(d / (supply + e0), 1.0 / sigma);
        for (int s = 0; s <= sInv; s++) {
            for (int a = 0; a < nA; a++) {
                int q = a / (hMax + 1);
                int h = a % (hMax + 1);
                out[s * nA + a] =
                        (price - c[0]) * q
                                - c[1] * q * q
                                - c[2] * h
                                - (c[2] + c[3]) * Math.max(q - s, 0)
                                - c[4] * s;
            }
        }
    }

    /** {@code sum_{s,a} L(s,a) q(a)}: the quantity produced. */
    private double supply(double[] l) {
        double supply = 0.0;
        for (int i = 0; i < l.length; i++) {
            supply += l[i] * (i % nA / (hMax + 1));
        }
        return supply;
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /**
     * Through the price only: {@code dr(s,a)/dp = q(a)} and {@code dp/dL(j) = -p q(j) / (sigma
     * (supply + e0))}.
     */
    @Override
    protected void rewardsVjp(int t, double[] l, double[] w, double[] out) {
        double supply = supply(l);
        double price = Math.pow(d / (supply + e0), 1.0 / sigma);
        double wq = 0.0;
        for (int i = 0; i < w.length; i++) {
            wq += w[i] * (i % nA / (hMax + 1));
        }
        double g = -wq * price / (sigma * (supply + e0));
        for (int j = 0; j < out.length; j++) {
            out[j] += g * (j % nA / (hMax + 1));
        }
    }

    /**
     * MFGLib's {@code r_max = (d/e0)^(1/sigma) Q + c0 Q + c1 Q^2 + c2 H + (c2 + c3) Q + c4 s_inv}.
     */
    @Override
    public double rMax() {
        int q = nA / (hMax + 1) - 1;
        return Math.pow(d / e0, 1.0 / sigma) * q
                + c[0] * q
                + c[1] * q * q
                + c[2] * hMax
                + (c[2] + c[3]) * q
                + c[4] * sInv;
    }
}
