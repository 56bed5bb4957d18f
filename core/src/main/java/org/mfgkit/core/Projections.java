package org.mfgkit.core;

/** Euclidean projections used by the projected stochastic oracles (004, Algorithms 2 and 3). */
public final class Projections {
    private Projections() {}

    /**
     * Projects {@code x} onto the ball {@code {||x||_2 <= radius}} in place (scales it down when it
     * lies outside). Returns the scale factor applied (1 when inside).
     */
    public static double projectToBall(double[] x, double radius) {
        if (!(radius >= 0.0)) {
            throw new IllegalArgumentException("ball radius must be >= 0, got " + radius);
        }
        double norm = Numerics.norm2(x);
        if (norm <= radius || norm == 0.0) {
            return 1.0;
        }
        double scale = radius / norm;
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
        return scale;
    }

    /**
     * Euclidean projection of {@code x} onto the probability simplex, in place (sort-based
     * algorithm of Held, Wolfe and Crowder 1974 / Duchi et al. 2008).
     */
    public static void projectToSimplex(double[] x) {
        projectToSimplex(x, 1.0);
    }

    /**
     * Euclidean projection of {@code x} onto the scaled simplex {@code {p >= 0, sum p = radius}},
     * in place (the same algorithm; {@code radius = 1} is {@link #projectToSimplex(double[])}).
     */
    public static void projectToSimplex(double[] x, double radius) {
        if (!(radius > 0.0) || radius == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("simplex radius must be > 0, got " + radius);
        }
        int n = x.length;
        double[] u = x.clone();
        java.util.Arrays.sort(u);
        double cumulative = 0.0;
        double theta = 0.0;
        for (int i = n - 1; i >= 0; i--) {
            cumulative += u[i];
            double t = (cumulative - radius) / (n - i);
            if (i == 0 || u[i - 1] <= t) {
                theta = t;
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(0.0, x[i] - theta);
        }
    }
}
