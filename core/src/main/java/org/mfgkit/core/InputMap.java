package org.mfgkit.core;

/**
 * The network input {@code x(s,a) ∈ R^d} of the mean-field energy {@code f(s,a) = f(x(s,a))} (000
 * §2; SPEC §4), tabulated over finite states and actions. Stored flat: {@code x[(s*nA + a)*d + k]}.
 * Unlike {@link FeatureMap} there is no norm bound.
 *
 * <p>{@link #grid(int, int)} gives the default {@code x(s,a) = (s, a, 1)} on the uniform grid of
 * {@code [0,1]^2} (SPEC §4, 000 §5). Such a map remembers its coordinates ({@link #gridStates()},
 * {@link #gridActions()}), which lets the ReLU network use an exact fast path (see {@link
 * TwoLayerNetwork#energies}).
 */
public final class InputMap {
    private final int nS;

    private final int nA;
    private final int dim;

    /** {@code x[(s*nA + a)*dim + k]}. */
    private final double[] x;

    /**
     * The same numbers by coordinate, {@code xt[k*nS*nA + s*nA + a]} (contiguous loops in the dense
     * kernels).
     */
    private final double[] xt;

    /** State coordinates {@code u[s]} when {@code x(s,a) = (u[s], v[a], 1)}, else null. */
    private final double[] u;

    /**
     * Strictly increasing action coordinates {@code v[a]} when {@code x(s,a) = (u[s], v[a], 1)},
     * else null.
     */
    private final double[] v;

    private InputMap(int nS, int nA, int dim, double[] x, double[] u, double[] v) {
        this.nS = nS;
        this.nA = nA;
        this.dim = dim;
        this.x = x;
        int nSA = nS * nA;
        this.xt = new double[x.length];
        for (int j = 0; j < nSA; j++) {
            for (int k = 0; k < dim; k++) {
                xt[k * nSA + j] = x[j * dim + k];
            }
        }
        this.u = u;
        this.v = v;
    }

    /** Tabulates {@code filler} on every {@code (s,a)}; entries must be finite. */
    public static InputMap of(int nS, int nA, int dim, PairFiller filler) {
        requireShape(nS, nA, dim);
        double[] x = PairTables.tabulate(nS, nA, dim, filler::fill, null);
        requireFinite(x, dim, nA);
        return new InputMap(nS, nA, dim, x, null, null);
    }

    /** From a flat table {@code x[(s*nA + a)*dim + k]} (copied). */
    public static InputMap ofTable(int nS, int nA, int dim, double[] table) {
        requireShape(nS, nA, dim);
        if (table == null || table.length != nS * nA * dim) {
            throw new IllegalArgumentException(
                    "input table has length "
                            + (table == null ? "null" : table.length)
                            + ", expected nS*nA*dim = "
                            + nS * nA * dim);
        }
        requireFinite(table, dim, nA);
        return new InputMap(nS, nA, dim, table.clone(), null, null);
    }

    /**
     * The default input {@code x(s,a) = (u_s, v_a, 1)} with {@code u_s = s/(nS-1)} and {@code v_a =
     * a/(nA-1)}, the uniform grids of {@code [0,1]} including both ends (a single point is placed
     * at 0). For a bandit use {@code nS = 1}.
     */
    public static InputMap grid(int nS, int nA) {
        return productGrid(uniform(nS), uniform(nA));
    }

    /**
     * {@code x(s,a) = (u[s], v[a], 1)} for given state coordinates {@code u} and strictly
     * increasing action coordinates {@code v} (both copied).
     */
    public static InputMap productGrid(double[] u, double[] v) {
        if (u == null || v == null || u.length == 0 || v.length == 0) {
            throw new IllegalArgumentException(
                    "product grid needs at least one state and one action coordinate");
        }
        for (int a = 0; a < v.length; a++) {
            if (!Double.isFinite(v[a]) || (a > 0 && !(v[a] > v[a - 1]))) {
                throw new IllegalArgumentException(
                        "action coordinates must be finite and strictly increasing (index "
                                + a
                                + ")");
            }
        }
        for (int s = 0; s < u.length; s++) {
            if (!Double.isFinite(u[s])) {
                throw new IllegalArgumentException(
                        "state coordinate " + s + " is not finite (" + u[s] + ")");
            }
        }
        int nS = u.length;
        int nA = v.length;
        double[] x = new double[nS * nA * 3];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                int base = (s * nA + a) * 3;
                x[base] = u[s];
                x[base + 1] = v[a];
                x[base + 2] = 1.0;
            }
        }
        return new InputMap(nS, nA, 3, x, u.clone(), v.clone());
    }

    /** {@code k/(n-1)} for {@code k = 0..n-1} ({@code {0}} when {@code n = 1}). */
    public static double[] uniform(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("grid needs at least one point, got " + n);
        }
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = n == 1 ? 0.0 : (double) k / (n - 1);
        }
        return g;
    }

    /** Number of states. */
    public int nS() {
        return nS;
    }

    /** Number of actions. */
    public int nA() {
        return nA;
    }

    /** Input dimension {@code d}. */
    public int dim() {
        return dim;
    }

    /** {@code x_k(s,a)}. */
    public double get(int s, int a, int k) {
        return x[(s * nA + a) * dim + k];
    }

    /** Copies {@code x(s,a)} into {@code out[0..d-1]}. */
    public void input(int s, int a, double[] out) {
        System.arraycopy(x, (s * nA + a) * dim, out, 0, dim);
    }

    /** The internal table {@code [(s*nA + a)*d + k]}; read only (for hot loops). */
    public double[] tableArray() {
        return x;
    }

    /** Internal coordinate-major table {@code [k*nS*nA + s*nA + a]}; read only. */
    double[] columnArray() {
        return xt;
    }

    /** True when this is a product grid {@code (u_s, v_a, 1)} (the ReLU fast path applies). */
    public boolean isProductGrid() {
        return u != null;
    }

    /** State coordinates {@code u_s} of a product grid (a copy), or null. */
    public double[] gridStates() {
        return u == null ? null : u.clone();
    }

    /** Action coordinates {@code v_a} of a product grid (a copy), or null. */
    public double[] gridActions() {
        return v == null ? null : v.clone();
    }

    /** Internal state coordinates (no copy) for the fast path; null unless a product grid. */
    double[] gridStatesArray() {
        return u;
    }

    /** Internal action coordinates (no copy) for the fast path; null unless a product grid. */
    double[] gridActionsArray() {
        return v;
    }

    private static void requireShape(int nS, int nA, int dim) {
        if (nS <= 0 || nA <= 0 || dim <= 0) {
            throw new IllegalArgumentException(
                    "input map needs nS, nA, dim > 0, got " + nS + ", " + nA + ", " + dim);
        }
    }

    private static void requireFinite(double[] x, int dim, int nA) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                int sa = i / dim;
                throw new IllegalArgumentException(
                        "input x("
                                + sa / nA
                                + ","
                                + sa % nA
                                + ")["
                                + i % dim
                                + "] is not finite ("
                                + x[i]
                                + ")");
            }
        }
    }
}
