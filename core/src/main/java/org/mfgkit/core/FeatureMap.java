package org.mfgkit.core;

/**
 * A tabulated feature map {@code phi(s,a) ∈ R^dim} over finite states and actions with {@code
 * ||phi(s,a)||_2 <= 1} for every pair (checked at construction; 004 Assumption on features). Stored
 * flat: {@code phi[(s*nA + a)*dim + k]}.
 */
public final class FeatureMap {
    /** Fills {@code out[0..dim-1]} with {@code phi(s,a)}. */
    @FunctionalInterface
    public interface Filler {
        void fill(int s, int a, double[] out);
    }

    private final int nS;
    private final int nA;
    private final int dim;

    /** {@code phi[(s*nA + a)*dim + k]}. */
    private final double[] phi;

    private FeatureMap(int nS, int nA, int dim, double[] phi) {
        this.nS = nS;
        this.nA = nA;
        this.dim = dim;
        this.phi = phi;
    }

    /** Tabulates {@code filler} on every (s,a) and checks the norm bound. */
    public static FeatureMap of(int nS, int nA, int dim, Filler filler) {
        if (nS <= 0 || nA <= 0 || dim <= 0) {
            throw new IllegalArgumentException(
                    "feature map needs nS, nA, dim > 0, got " + nS + ", " + nA + ", " + dim);
        }
        double[] phi =
                PairTables.tabulate(
                        nS,
                        nA,
                        dim,
                        filler::fill,
                        (s, a, row) -> {
                            double norm = Numerics.norm2(row);
                            if (!(norm <= 1.0 + Tolerances.FEATURE_NORM)) {
                                throw new IllegalArgumentException(
                                        "feature map: ||phi("
                                                + s
                                                + ","
                                                + a
                                                + ")|| = "
                                                + norm
                                                + " exceeds 1 (rescale the features)");
                            }
                        });
        return new FeatureMap(nS, nA, dim, phi);
    }

    /**
     * One-hot features {@code phi(s,a) = e_{s*nA+a}}: the log-linear policy becomes the tabular
     * softmax.
     */
    public static FeatureMap oneHot(int nS, int nA) {
        return of(nS, nA, nS * nA, (s, a, out) -> out[s * nA + a] = 1.0);
    }

    /** Number of states. */
    public int nS() {
        return nS;
    }

    /** Number of actions. */
    public int nA() {
        return nA;
    }

    /** Feature dimension. */
    public int dim() {
        return dim;
    }

    /** {@code phi_k(s,a)}. */
    public double get(int s, int a, int k) {
        return phi[(s * nA + a) * dim + k];
    }

    /** Copies {@code phi(s,a)} into {@code out[0..dim-1]}. */
    public void features(int s, int a, double[] out) {
        System.arraycopy(phi, (s * nA + a) * dim, out, 0, dim);
    }

    /** {@code theta^T phi(s,a)}. */
    public double dot(double[] theta, int s, int a) {
        int base = (s * nA + a) * dim;
        double sum = 0.0;
        for (int k = 0; k < dim; k++) {
            sum += theta[k] * phi[base + k];
        }
        return sum;
    }

    /** {@code out += scale * phi(s,a)}. */
    public void addTo(double[] out, int s, int a, double scale) {
        int base = (s * nA + a) * dim;
        for (int k = 0; k < dim; k++) {
            out[k] += scale * phi[base + k];
        }
    }
}
