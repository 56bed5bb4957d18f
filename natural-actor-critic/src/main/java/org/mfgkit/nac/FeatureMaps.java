package org.mfgkit.nac;

import org.mfgkit.core.FeatureMap;

/**
 * Feature maps {@code phi(s,a)} for the log-linear policy and the linear critic, all with {@code
 * ||phi(s,a)||_2 <= 1} (004's standing assumption; checked by {@link FeatureMap}). Compact maps are
 * built on numeric coordinates of the states and actions (for the linear-quadratic game the
 * position {@code x} and the control {@code a}); they are rescaled to {@code u = x / max|x|} and
 * {@code v = a / max|a|} in {@code [-1,1]}.
 */
public final class FeatureMaps {
    private FeatureMaps() {}

    /** One-hot features {@code e_{s*nA + a}}: the tabular softmax policy and a tabular critic. */
    public static FeatureMap oneHot(int nS, int nA) {
        return FeatureMap.oneHot(nS, nA);
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
        return FeatureMap.of(
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
        if (!(width > 0.0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("radial width must be finite and > 0, got " + width);
        }
        double[] u = scaled("state coordinates", x);
        double[] v = scaled("action coordinates", a);
        int dim = centresX * centresA;
        return FeatureMap.of(
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
}
