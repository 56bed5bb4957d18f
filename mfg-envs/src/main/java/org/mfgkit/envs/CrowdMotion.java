package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamType;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.SparseKernel;

/**
 * MFGLib's crowd motion ({@code Environment.crowd_motion}; after the crowd-modelling game of
 * Perolat et al. 2022, "Scaling up mean field games with online mirror descent", JMLR): agents on a
 * {@code torus_l x torus_w} grid (clipped at the edges, as MFGLib does despite the name) move
 * right, left, up, down or stay; a noise move of the same five kinds follows, staying with
 * probability {@code p_still} and each other with {@code (1 - p_still)/4}. Reward {@code r_t(s,a) =
 * c (1 - |s - b_t|_1 / (torus_l + torus_w)) - log(mu_t(s) + log_eps)}: near the bar {@code b_t},
 * away from the crowd. The bar starts at the centre and every {@code loc_change_freq} steps tries a
 * diagonal step of +-1 in each coordinate (kept when inside the grid); MFGLib draws it with torch,
 * mfgkit with its own stream from {@code seed}, and {@code bar_path} imports MFGLib's path.
 *
 * <p>State {@code s = x*torus_w + y}; actions 0..4 = (+1,0), (-1,0), (0,+1), (0,-1), (0,0). The
 * kernel does not depend on {@code t} or {@code mu}: it is built once, sparse, with at most 5 next
 * states per pair ({@code 4*(5S+1) + 12*25S} bytes, about 320 MB at {@code S = 10^6}), so exact
 * exploitability costs {@code O(T*S)}.
 */
public final class CrowdMotion extends GameModel {
    /** Grid length. */
    public static final Param<Integer> TORUS_L =
            Param.integer("torus_l", 20, "grid length").check(Checks.range(1, 100_000));

    /** Grid width. */
    public static final Param<Integer> TORUS_W =
            Param.integer("torus_w", 20, "grid width").check(Checks.range(1, 100_000));

    /** Steps between the bar's moves. */
    public static final Param<Integer> LOC_CHANGE_FREQ =
            Param.integer("loc_change_freq", 2, "steps between the bar's moves")
                    .check(Checks.positive());

    /** Weight of the bar's attraction. */
    public static final Param<Double> C = Param.real("c", 10.0, "weight of the bar's attraction");

    /** Shift inside the crowd-aversion logarithm. */
    public static final Param<Double> LOG_EPS =
            Param.real("log_eps", 1e-10, "shift inside log(mu + log_eps)").check(Checks.positive());

    /** Probability that the noise leaves the agent in place. */
    public static final Param<Double> P_STILL =
            Param.real("p_still", 0.5, "probability that the noise does not move the agent")
                    .check(Checks.unitInterval());

    /** Seed of the bar's walk. */
    public static final Param<Long> SEED =
            Param.longInteger("seed", 0L, "seed of the bar's random walk");

    /** A given bar path {@code x:y,...} for {@code t = 0..T}, instead of the seeded walk. */
    public static final Param<String> BAR_PATH =
            Param.text("bar_path", null, "bar positions x:y for t = 0..T (e.g. MFGLib's walk)")
                    .orNone("random");

    /** MFGLib's defaults: {@code T = 3}, a 20 x 20 grid, undiscounted, unregularised, uniform. */
    public static final ParamSchema PARAMS =
            schema(
                    "crowd-motion",
                    List.of(TORUS_L, TORUS_W, LOC_CHANGE_FREQ, C, LOG_EPS, P_STILL, SEED, BAR_PATH),
                    "T=3",
                    "gamma=1");

    private static final int[][] MOVES = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {0, 0}};

    private final int length;
    private final int width;
    private final double c;
    private final double logEps;
    private final double pStill;

    /** {@code bar[t] = {x, y}}, {@code t = 0..T}. */
    private final int[][] bar;

    /** Built on first use. */
    private SparseKernel kernel;

    /** With the given parameters (of {@link #PARAMS}). */
    public CrowdMotion(ParamValues params) {
        super(
                params,
                Math.multiplyExact(params.get(TORUS_L), params.get(TORUS_W)),
                5,
                Math.min(5, Math.multiplyExact(params.get(TORUS_L), params.get(TORUS_W))));
        if (isStationary()) {
            throw new IllegalArgumentException(
                    "crowd-motion is finite-horizon (its bar moves with t): T must be a number");
        }
        int horizon = params.get(T);
        this.length = params.get(TORUS_L);
        this.width = params.get(TORUS_W);
        Math.multiplyExact(Math.multiplyExact(length, width), 5 * 5);
        this.c = params.get(C);
        this.logEps = params.get(LOG_EPS);
        this.pStill = params.get(P_STILL);
        String path = params.get(BAR_PATH);
        this.bar =
                path == null
                        ? walk(
                                horizon,
                                length,
                                width,
                                params.get(LOC_CHANGE_FREQ),
                                params.get(SEED))
                        : parsePath(path, horizon, length, width);
    }

    /** With MFGLib's defaults. */
    public CrowdMotion() {
        this(PARAMS.defaults());
    }

    /**
     * MFGLib's bar walk with mfgkit's stream: centre, then a diagonal try every {@code freq} steps.
     */
    static int[][] walk(int horizon, int length, int width, int freq, long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        int[][] path = new int[horizon + 1][];
        int[] at = {length / 2, width / 2};
        path[0] = at.clone();
        for (int i = 0; i < horizon; i++) {
            if ((i + 1) % freq == 0) {
                int x = at[0] + (rng.nextBoolean() ? 1 : -1);
                int y = at[1] + (rng.nextBoolean() ? 1 : -1);
                if (x >= 0 && x < length && y >= 0 && y < width) {
                    at = new int[] {x, y};
                }
            }
            path[i + 1] = at.clone();
        }
        return path;
    }

    static int[][] parsePath(String text, int horizon, int length, int width) {
        String[] parts = text.split(",");
        if (parts.length != horizon + 1) {
            throw new IllegalArgumentException(
                    "bar_path needs T+1 = "
                            + (horizon + 1)
                            + " positions x:y, got "
                            + parts.length);
        }
        int[][] path = new int[parts.length][];
        for (int t = 0; t < parts.length; t++) {
            String[] xy = parts[t].strip().split(":");
            try {
                if (xy.length != 2) {
                    throw new NumberFormatException();
                }
                path[t] =
                        new int[] {
                            Integer.parseInt(xy[0].strip()), Integer.parseInt(xy[1].strip())
                        };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "bar_path position "
                                + t
                                + " must be x:y with integers, got "
                                + ParamType.quoted(parts[t]));
            }
            if (path[t][0] < 0 || path[t][0] >= length || path[t][1] < 0 || path[t][1] >= width) {
                throw new IllegalArgumentException(
                        "bar_path position "
                                + t
                                + " ("
                                + ParamType.escaped(parts[t].strip())
                                + ") is outside the "
                                + length
                                + "x"
                                + width
                                + " grid");
            }
        }
        return path;
    }

    /** The bar's position at step {@code t}, {@code {x, y}}. */
    public int[] bar(int t) {
        return bar[t].clone();
    }

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
            int nS = nS();
            SparseKernel.RowWriter b = new SparseKernel.RowWriter(nS, 5, 5 * 5 * nS);
            double move = (1 - pStill) / 4;
            for (int x = 0; x < length; x++) {
                for (int y = 0; y < width; y++) {
                    for (int[] a : MOVES) {
                        for (int j = 0; j < MOVES.length; j++) {
                            int nx = Math.min(Math.max(x + a[0] + MOVES[j][0], 0), length - 1);
                            int ny = Math.min(Math.max(y + a[1] + MOVES[j][1], 0), width - 1);
                            double p = j == 4 ? pStill : move;
                            if (p != 0.0) {
                                b.add(nx * width + ny, p);
                            }
                        }
                        b.endRow();
                    }
                }
            }
            kernel = b.build();
        }
        return kernel;
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        System.arraycopy(sparseTransitions(t, mu).toDense(), 0, out, 0, out.length);
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        int[] b = bar[t];
        double scale = length + width;
        for (int x = 0; x < length; x++) {
            for (int y = 0; y < width; y++) {
                int s = x * width + y;
                double dist = (Math.abs(x - b[0]) + Math.abs(y - b[1])) / scale;
                double r = c * (1.0 - dist) - Math.log(mu[s] + logEps);
                Arrays.fill(out, s * 5, s * 5 + 5, r);
            }
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
        for (int s = 0; s < nS(); s++) {
            double sum = 0.0;
            for (int a = 0; a < 5; a++) {
                sum += w[s * 5 + a];
            }
            out[s] -= sum / (mu[s] + logEps);
        }
    }

    /** MFGLib's {@code r_max = c - log(log_eps)}. */
    @Override
    public double rMax() {
        return c - Math.log(logEps);
    }
}
