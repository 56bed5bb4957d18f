package org.mfgkit.core;

import org.mfgkit.core.param.Checks;

/**
 * A tabulated feature map {@code phi(s,a) ∈ R^dim} over finite states and actions with {@code
 * ||phi(s,a)||_2 <= 1} for every pair (checked at construction; 004 Assumption on features). Stored
 * flat: {@code phi[(s*nA + a)*dim + k]}.
 *
 * <p>Factories: {@link #oneHot} (the tabular softmax), and compact maps built on numeric
 * coordinates of the states and actions (for the linear-quadratic game the position {@code x} and
 * the control {@code a}), rescaled to {@code u = x / max|x|} and {@code v = a / max|a|} in {@code
 * [-1,1]}: {@link #polynomial} and {@link #radial}. {@link #fromSpec} reads the text form {@code
 * one-hot}, {@code polynomial:D}, {@code radial:CX:CA:W} used by configs.
 */
public final class FeatureMap {
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
    public static FeatureMap of(int nS, int nA, int dim, PairFiller filler) {
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

    /**
     * Monomials {@code u^i v^j} with {@code i + j <= degree} (including the constant), in the order
     * {@code (i, j)} = (0,0), (1,0), (0,1), (2,0), (1,1), (0,2), ... (by total degree, then
     * decreasing {@code i}), divided by {@code sqrt(count)} so that {@code ||phi|| <= 1} (each
     * monomial is in {@code [-1,1]}). Dimension {@code (degree+1)(degree+2)/2}.
     *
     * @param x the coordinate of each state ({@code nS} values, not all zero)
     * @param a the coordinate of each action ({@code nA} values, not all zero)
     * @param degree total degree {@code >= 1}
     */
    public static FeatureMap polynomial(double[] x, double[] a, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("polynomial degree must be >= 1, got " + degree);
        }
        double[] u = scaled("state coordinates", x);
        double[] v = scaled("action coordinates", a);
        int dim = (degree + 1) * (degree + 2) / 2;
        double norm = 1.0 / Math.sqrt(dim);
        return of(
                u.length,
                v.length,
                dim,
                (s, ac, out) -> {
                    int k = 0;
                    for (int total = 0; total <= degree; total++) {
                        for (int i = total; i >= 0; i--) {
                            out[k++] = norm * Math.pow(u[s], i) * Math.pow(v[ac], total - i);
                        }
                    }
                });
    }

    /**
     * Normalised Gaussian radial features on a {@code centresX x centresA} grid of centres spread
     * evenly over {@code [-1,1]^2}: {@code phi_k = g_k / ||g||}, {@code g_k = exp(-((u - cu_k)^2 +
     * (v - cv_k)^2) / (2 width^2))}. Unit norm by construction. Dimension {@code centresX *
     * centresA}.
     */
    public static FeatureMap radial(
            double[] x, double[] a, int centresX, int centresA, double width) {
        if (centresX < 1 || centresA < 1) {
            throw new IllegalArgumentException(
                    "radial features need at least one centre per axis, got "
                            + centresX
                            + "x"
                            + centresA);
        }
        Checks.requireReal("radial width", width, Checks.positive());
        double[] u = scaled("state coordinates", x);
        double[] v = scaled("action coordinates", a);
        int dim = centresX * centresA;
        return of(
                u.length,
                v.length,
                dim,
                (s, ac, out) -> {
                    double sum = 0.0;
                    for (int i = 0; i < centresX; i++) {
                        double cu = centresX == 1 ? 0.0 : -1.0 + 2.0 * i / (centresX - 1);
                        for (int j = 0; j < centresA; j++) {
                            double cv = centresA == 1 ? 0.0 : -1.0 + 2.0 * j / (centresA - 1);
                            double du = u[s] - cu;
                            double dv = v[ac] - cv;
                            double g = Math.exp(-(du * du + dv * dv) / (2.0 * width * width));
                            out[i * centresA + j] = g;
                            sum += g * g;
                        }
                    }
                    double inv = 1.0 / Math.sqrt(sum);
                    for (int k = 0; k < dim; k++) {
                        out[k] *= inv;
                    }
                });
    }

    /**
     * Integer coordinates {@code -half .. half} (e.g. the positions or controls of the LQ game).
     */
    public static double[] symmetricGrid(int half) {
        if (half < 1) {
            throw new IllegalArgumentException("grid half-width must be >= 1, got " + half);
        }
        double[] out = new double[2 * half + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = i - half;
        }
        return out;
    }

    private static double[] scaled(String name, double[] c) {
        if (c == null || c.length == 0) {
            throw new IllegalArgumentException(name + " must be non-empty");
        }
        double max = 0.0;
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be finite, got " + v);
            }
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0.0) {
            throw new IllegalArgumentException(name + " are all zero");
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] / max;
        }
        return out;
    }

    /** The syntax {@link #fromSpec} reads, for messages. */
    public static final String SPEC_SYNTAX =
            "one-hot, polynomial:DEGREE or radial:CENTRES_X:CENTRES_A:WIDTH";

    /**
     * The feature map named by {@code spec} for a game of {@code nS x nA}: {@code one-hot}, {@code
     * polynomial:D} or {@code radial:CX:CA:W}, the compact maps on the centred coordinates {@code i
     * - (n-1)/2} of state and action indices (for the LQ game exactly the positions {@code x} and
     * controls {@code a}).
     *
     * @throws IllegalArgumentException for a spec that {@link #isSpec} refuses
     */
    public static FeatureMap fromSpec(String spec, int nS, int nA) {
        if (!isSpec(spec)) {
            throw new IllegalArgumentException(
                    "features must be " + SPEC_SYNTAX + ", got '" + spec + "'");
        }
        String[] parts = spec.split(":");
        if (parts[0].equals("one-hot")) {
            return oneHot(nS, nA);
        }
        double[] x = centred(nS);
        double[] a = centred(nA);
        if (parts[0].equals("polynomial")) {
            return polynomial(x, a, Integer.parseInt(parts[1]));
        }
        return radial(
                x,
                a,
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]),
                Double.parseDouble(parts[3]));
    }

    /** Whether {@code spec} is a feature spec {@link #fromSpec} reads (syntax and ranges). */
    public static boolean isSpec(String spec) {
        if (spec == null) {
            return false;
        }
        String[] parts = spec.split(":", -1);
        try {
            return switch (parts[0]) {
                case "one-hot" -> parts.length == 1;
                case "polynomial" -> parts.length == 2 && Integer.parseInt(parts[1]) >= 1;
                case "radial" ->
                        parts.length == 4
                                && Integer.parseInt(parts[1]) >= 1
                                && Integer.parseInt(parts[2]) >= 1
                                && Double.parseDouble(parts[3]) > 0
                                && Double.isFinite(Double.parseDouble(parts[3]));
                default -> false;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Coordinates {@code i - (n-1)/2}: for the LQ game exactly the positions {@code x} and controls
     * {@code a}.
     */
    public static double[] centred(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i - (n - 1) / 2.0;
        }
        return out;
    }
}
