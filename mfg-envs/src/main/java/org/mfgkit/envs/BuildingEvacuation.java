package org.mfgkit.envs;

import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.SparseKernel;

/**
 * MFGLib's building evacuation ({@code Environment.building_evacuation}; after Perolat et al. 2022,
 * "Scaling up mean field games with online mirror descent", JMLR): {@code n_floor} floors of {@code
 * floor_l x floor_w} tiles; actions 0..5 move right (+1 along the length), left, up (-1 along the
 * width), down, downstairs (from tile (0,0) to the floor below) and upstairs (from the opposite
 * corner to the floor above), clipped at walls, deterministic. Reward {@code -eta log(max(mu(s),
 * log_eps)) + evac_r 1{floor 0}}: reach the ground floor, avoid crowds. State {@code s = (f*floor_l
 * + l)*floor_w + w}; one next state per pair, a fixed sparse kernel.
 */
public final class BuildingEvacuation extends GameModel {
    /** Number of floors. */
    public static final Param<Integer> N_FLOOR =
            Param.integer("n_floor", 5, "number of floors").check(Checks.range(1, 100_000));

    /** Tiles along a floor's length. */
    public static final Param<Integer> FLOOR_L =
            Param.integer("floor_l", 10, "tiles along a floor's length")
                    .check(Checks.range(1, 100_000));

    /** Tiles along a floor's width. */
    public static final Param<Integer> FLOOR_W =
            Param.integer("floor_w", 10, "tiles along a floor's width")
                    .check(Checks.range(1, 100_000));

    /** Floor of the crowd-aversion logarithm. */
    public static final Param<Double> LOG_EPS =
            Param.real("log_eps", 1e-20, "floor inside log(max(mu, log_eps))")
                    .check(Checks.positive());

    /** Weight of crowd aversion. */
    public static final Param<Double> ETA = Param.real("eta", 1.0, "weight of crowd aversion");

    /** Reward on the ground floor. */
    public static final Param<Double> EVAC_R =
            Param.real("evac_r", 10.0, "reward for being on the ground floor");

    /** MFGLib's defaults: {@code T = 3}, 5 floors of 10 x 10, undiscounted, uniform. */
    public static final ParamSchema PARAMS =
            schema(
                    "building-evacuation",
                    List.of(N_FLOOR, FLOOR_L, FLOOR_W, LOG_EPS, ETA, EVAC_R),
                    "T=3",
                    "gamma=1");

    private final int floors;
    private final int length;
    private final int width;
    private final double logEps;
    private final double eta;
    private final double evacR;
    private SparseKernel kernel;

    /** The game with the given parameters. */
    public BuildingEvacuation(ParamValues params) {
        super(
                params,
                Math.multiplyExact(
                        Math.multiplyExact(params.get(N_FLOOR), params.get(FLOOR_L)),
                        params.get(FLOOR_W)),
                6,
                1);
        this.floors = params.get(N_FLOOR);
        this.length = params.get(FLOOR_L);
        this.width = params.get(FLOOR_W);
        this.logEps = params.get(LOG_EPS);
        this.eta = params.get(ETA);
        this.evacR = params.get(EVAC_R);
    }

    /**
     * False, although {@code T = inf} gives a valid stationary game: its stationary evaluation is
     * dense (soft policy iteration with a 500 x 500 LU per step), and the contract suite's
     * long-horizon comparison with it takes minutes at the defaults; MFGLib defines the game with a
     * finite horizon only.
     */
    @Override
    public boolean hasStationaryTwin() {
        return false;
    }

    @Override
    protected boolean transitionsDependOnMeanField() {
        return false;
    }

    @Override
    protected synchronized SparseKernel sparseTransitions(int t, double[] mu) {
        if (kernel == null) {
            SparseKernel.RowWriter b = new SparseKernel.RowWriter(nS(), 6, 6 * nS());
            for (int f = 0; f < floors; f++) {
                for (int l = 0; l < length; l++) {
                    for (int w = 0; w < width; w++) {
                        b.add(index(f, Math.min(l + 1, length - 1), w), 1.0).endRow();
                        b.add(index(f, Math.max(0, l - 1), w), 1.0).endRow();
                        b.add(index(f, l, Math.max(0, w - 1)), 1.0).endRow();
                        b.add(index(f, l, Math.min(w + 1, width - 1)), 1.0).endRow();
                        int down = l == 0 && w == 0 ? Math.max(0, f - 1) : f;
                        b.add(index(down, l, w), 1.0).endRow();
                        int up =
                                l == length - 1 && w == width - 1 ? Math.min(f + 1, floors - 1) : f;
                        b.add(index(up, l, w), 1.0).endRow();
                    }
                }
            }
            kernel = b.build();
        }
        return kernel;
    }

    private int index(int f, int l, int w) {
        return (f * length + l) * width + w;
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        double[] p = sparseTransitions(t, mu).toDense();
        System.arraycopy(p, 0, out, 0, p.length);
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        int perFloor = length * width;
        for (int s = 0; s < nS(); s++) {
            double r = -eta * Math.log(Math.max(mu[s], logEps)) + (s < perFloor ? evacR : 0.0);
            java.util.Arrays.fill(out, s * 6, s * 6 + 6, r);
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /**
     * {@code d/dmu(s) -eta log(max(mu(s), log_eps)) = -eta/mu(s)} where {@code mu(s) >= log_eps},
     * else 0 (torch's {@code clamp} passes the gradient at equality).
     */
    @Override
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        for (int s = 0; s < nS(); s++) {
            if (mu[s] >= logEps) {
                double sum = 0.0;
                for (int a = 0; a < 6; a++) {
                    sum += w[s * 6 + a];
                }
                out[s] -= eta * sum / mu[s];
            }
        }
    }

    /** MFGLib's {@code r_max = -eta log(log_eps) + evac_r}. */
    @Override
    public double rMax() {
        return -eta * Math.log(logEps) + evacR;
    }
}
