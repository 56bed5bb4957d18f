package org.mfgkit.envs;

import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.SparseKernel;

/**
 * MFGLib's beach bar ({@code Environment.beach_bar}; Perrin et al. 2020, "Fictitious play for mean
 * field games: continuous time analysis and applications", NeurIPS): {@code n} places on a beach, a
 * bar at {@code bar_loc}; actions 0, 1, 2 move by -1, 0, +1, then a noise of -1, 0, +1 with
 * probabilities {@code (1 - p_still)/2, p_still, (1 - p_still)/2} (positions clipped to {@code
 * 0..n-1}, as MFGLib does). Reward {@code -d(s, bar) - |a - 1|/n - log(mu(s) + log_eps)} with
 * {@code d} the distance on the torus (MFGLib's). Each pair reaches at most 3 places: the kernel is
 * sparse and fixed.
 */
public final class BeachBar extends GameModel {
    /** Number of places. */
    public static final Param<Integer> N =
            Param.integer("n", 4, "number of places on the beach")
                    .check(Checks.range(1, 100_000_000));

    /** Place of the bar. */
    public static final Param<Integer> BAR_LOC =
            Param.integer("bar_loc", 2, "place of the bar (0..n-1)").check(Checks.nonNegative());

    /** Shift inside the crowd-aversion logarithm. */
    public static final Param<Double> LOG_EPS =
            Param.real("log_eps", 1e-20, "shift inside log(mu + log_eps)").check(Checks.positive());

    /** Probability that the noise does not move the agent. */
    public static final Param<Double> P_STILL =
            Param.real("p_still", 0.5, "probability that the noise does not move the agent")
                    .check(Checks.unitInterval());

    /** MFGLib's defaults: {@code T = 2}, 4 places, the bar at 2, undiscounted, uniform. */
    public static final ParamSchema PARAMS =
            schema("beach-bar", List.of(N, BAR_LOC, LOG_EPS, P_STILL), "T=2", "gamma=1");

    private final int n;
    private final int bar;
    private final double logEps;
    private final double pStill;
    private SparseKernel kernel;

    /** The game with the given parameters. */
    public BeachBar(ParamValues params) {
        super(params, params.get(N), 3, Math.min(3, params.get(N)));
        this.n = params.get(N);
        this.bar = params.get(BAR_LOC);
        if (bar > n - 1) {
            throw new IllegalArgumentException(
                    "bar_loc must be between 0 and n-1 = " + (n - 1) + ", got " + bar);
        }
        this.logEps = params.get(LOG_EPS);
        this.pStill = params.get(P_STILL);
    }

    @Override
    protected boolean transitionsDependOnMeanField() {
        return false;
    }

    @Override
    protected synchronized SparseKernel sparseTransitions(int t, double[] mu) {
        if (kernel == null) {
            double[] noise = {(1 - pStill) / 2, pStill, (1 - pStill) / 2};
            SparseKernel.RowWriter b = new SparseKernel.RowWriter(n, 3, 9 * n);
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < 3; a++) {
                    for (int e = 0; e < 3; e++) {
                        if (noise[e] != 0.0) {
                            b.add(Math.min(Math.max(s + a - 1 + e - 1, 0), n - 1), noise[e]);
                        }
                    }
                    b.endRow();
                }
            }
            kernel = b.build();
        }
        return kernel;
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        System.arraycopy(sparseTransitions(t, mu).toDense(), 0, out, 0, n * 3 * n);
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        for (int s = 0; s < n; s++) {
            int d = Math.min(Math.floorMod(s - bar, n), Math.floorMod(bar - s, n));
            double crowd = -Math.log(mu[s] + logEps);
            out[s * 3] = (-d - 1.0 / n) + crowd;
            out[s * 3 + 1] = -d + crowd;
            out[s * 3 + 2] = (-d - 1.0 / n) + crowd;
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /**
     * {@code d/dmu(s) -log(mu(s) + log_eps) = -1/(mu(s) + log_eps)}, the only term in {@code mu}.
     */
    @Override
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        for (int s = 0; s < n; s++) {
            out[s] -= (w[s * 3] + w[s * 3 + 1] + w[s * 3 + 2]) / (mu[s] + logEps);
        }
    }

    /** MFGLib's {@code r_max = n}. */
    @Override
    public double rMax() {
        return n;
    }
}
