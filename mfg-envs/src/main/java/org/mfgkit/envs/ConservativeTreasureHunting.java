package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * MFGLib's conservative treasure hunting (MFGLib v0.3.0, {@code
 * mfglib/env/examples/conservative_treasure_hunting.py}; Guo, Hu &amp; Zhang 2022, "MF-OMO: an
 * optimization formulation of mean-field games", arXiv:2206.09608): {@code n} sites, site {@code s}
 * holding a treasure worth {@code r[s]}; a hunter picks the site {@code a} to go to. At {@code t =
 * 0} it moves there for sure and earns nothing. Afterwards, with {@code D_t(s) = sum_{k,a}
 * (L_t(k,a) - 1{k = a = s})^2} the squared distance of the state-action mean field from "everyone
 * staying at {@code s}": it reaches {@code a} with probability {@code (1 + c_{t-1} D_t(s)) / (1 + n
 * c_{t-1} D_t(s))} and any other site with {@code c_{t-1} D_t(s) / (1 + n c_{t-1} D_t(s))}, and
 * staying ({@code a = s}) earns {@code r[s] (1 - D_t(s)/2)}, moving nothing. The crowd's
 * disagreement makes the hunt noisy; a treasure is worth most when everyone stays put.
 *
 * <p>{@code r} has {@code n} entries and {@code c} has {@code T} (MFGLib's rule; its last entry is
 * never used, since the transition at {@code t} uses {@code c[t-1]} and the last one is at {@code t
 * = T-1}). The mean field is {@code L_t}.
 */
public final class ConservativeTreasureHunting extends GameModel {
    /** Number of sites. */
    public static final Param<Integer> N =
            Param.integer("n", 3, "number of sites (states and actions)")
                    .check(Checks.range(1, 100_000));

    /** Treasure at each site. */
    public static final Param<double[]> R =
            Param.vector("r", new double[] {1, 1, 1}, "treasure at each site (n entries)");

    /** Noise coefficient of each step. */
    public static final Param<double[]> C =
            Param.vector(
                            "c",
                            new double[] {1, 1, 1, 1, 1},
                            "noise coefficient per step (T entries)")
                    .check(Checks.nonNegativeEntries());

    /** MFGLib's defaults: {@code T = 5}, undiscounted, unregularised, uniform {@code mu0}. */
    public static final ParamSchema PARAMS =
            schema("conservative-treasure-hunting", List.of(N, R, C), "T=5", "gamma=1");

    private final int n;
    private final double[] r;
    private final double[] c;

    /** The game with the given parameters (of {@link #PARAMS}). */
    public ConservativeTreasureHunting(ParamValues params) {
        super(params, params.get(N), params.get(N));
        this.n = params.get(N);
        this.r = sized(R, n, "n = " + n);
        this.c = sized(C, params.get(T), "one per step, T = " + params.get(T));
    }

    /** The vector {@code p} checked to have {@code length} entries, the reason in the message. */
    private double[] sized(Param<double[]> p, int length, String why) {
        try {
            return p.check(Checks.length(length)).validate(params().get(p));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + why + ")", e);
        }
    }

    /** With MFGLib's defaults. */
    public ConservativeTreasureHunting() {
        this(PARAMS.defaults());
    }

    @Override
    public boolean meanFieldIsStateAction() {
        return true;
    }

    /** {@code D_t(s) = sum_{k,a} (L(k,a) - 1{k = a = s})^2} for every {@code s}. */
    private double[] distances(double[] l) {
        double squares = 0.0;
        for (double x : l) {
            squares += x * x;
        }
        double[] dist = new double[n];
        for (int s = 0; s < n; s++) {
            double x = l[s * n + s];
            dist[s] = squares - x * x + (x - 1.0) * (x - 1.0);
        }
        return dist;
    }

    @Override
    public void transitions(int t, double[] l, double[] out) {
        Arrays.fill(out, 0, n * n * n, 0.0);
        if (t == 0) {
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < n; a++) {
                    out[(s * n + a) * n + a] = 1.0;
                }
            }
            return;
        }
        double[] dist = distances(l);
        for (int s = 0; s < n; s++) {
            double noise = c[t - 1] * dist[s];
            double den = 1.0 + n * noise;
            for (int a = 0; a < n; a++) {
                int row = (s * n + a) * n;
                Arrays.fill(out, row, row + n, noise / den);
                out[row + a] += 1.0 / den;
            }
        }
    }

    @Override
    public void rewards(int t, double[] l, double[] out) {
        Arrays.fill(out, 0, n * n, 0.0);
        if (t == 0) {
            return;
        }
        double[] dist = distances(l);
        for (int s = 0; s < n; s++) {
            out[s * n + s] = r[s] * (1.0 - dist[s] / 2.0);
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /**
     * {@code dD(s)/dL(j) = 2 (L(j) - 1{j = (s,s)})}, so {@code dr(s,s)/dL(j) = -r[s] (L(j) - 1{j =
     * (s,s)})} for {@code t >= 1}.
     */
    @Override
    protected void rewardsVjp(int t, double[] l, double[] w, double[] out) {
        if (t == 0) {
            return;
        }
        double g = 0.0;
        for (int s = 0; s < n; s++) {
            double ws = w[s * n + s] * r[s];
            g += ws;
            out[s * n + s] += ws;
        }
        for (int j = 0; j < n * n; j++) {
            out[j] -= g * l[j];
        }
    }

    /**
     * With {@code x = c_{t-1} D(s)}: {@code dP(s'|s,a)/dx = (1 - n 1{s' = a}) / (1 + n x)^2} and
     * {@code dx/dL(j) = 2 c_{t-1} (L(j) - 1{j = (s,s)})}, for {@code t >= 1}.
     */
    @Override
    protected void transitionsVjp(int t, double[] l, double[] u, double[] v, double[] out) {
        if (t == 0) {
            return;
        }
        double[] dist = distances(l);
        double total = 0.0;
        for (double x : v) {
            total += x;
        }
        double g = 0.0;
        for (int s = 0; s < n; s++) {
            double den = 1.0 + n * c[t - 1] * dist[s];
            double sum = 0.0;
            for (int a = 0; a < n; a++) {
                sum += u[s * n + a] * (total - n * v[a]);
            }
            double gs = 2 * c[t - 1] * sum / (den * den);
            g += gs;
            out[s * n + s] -= gs;
        }
        for (int j = 0; j < n * n; j++) {
            out[j] += g * l[j];
        }
    }

    /** MFGLib's {@code r_max = max(r)}. */
    @Override
    public double rMax() {
        return Arrays.stream(r).max().orElseThrow();
    }
}
