package org.mfgkit.core;

/**
 * Validation of probability vectors and row-stochastic tables (SPEC §1: entries non-negative and
 * finite, sums equal to 1 within {@link Tolerances#SIMPLEX}). Each failure names the argument and
 * the offending row.
 */
public final class Simplex {
    private Simplex() {}

    /**
     * Checks that {@code p} is a distribution; {@code name} appears in the error message. Returns
     * {@code p}.
     */
    public static double[] requireDistribution(String name, double[] p) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty probability vector");
        }
        checkRange(name, p, 0, p.length, "");
        return p;
    }

    /** Checks that {@code p} is a distribution of the given length. */
    public static double[] requireDistribution(String name, double[] p, int length) {
        if (p == null || p.length != length) {
            throw new IllegalArgumentException(
                    name
                            + " must have length "
                            + length
                            + ", got "
                            + (p == null ? "null" : String.valueOf(p.length)));
        }
        return requireDistribution(name, p);
    }

    /**
     * Checks that a flat table holds consecutive distributions of length {@code rowLength} (e.g.
     * {@code p[(s*nA + a)*nS + s2]} with {@code rowLength = nS}).
     */
    public static double[] requireStochasticRows(String name, double[] flat, int rowLength) {
        if (rowLength <= 0 || flat == null || flat.length == 0 || flat.length % rowLength != 0) {
            throw new IllegalArgumentException(
                    name
                            + ": length "
                            + (flat == null ? "null" : String.valueOf(flat.length))
                            + " is not a positive multiple of the row length "
                            + rowLength);
        }
        for (int row = 0; row < flat.length / rowLength; row++) {
            checkRange(name, flat, row * rowLength, rowLength, " row " + row);
        }
        return flat;
    }

    /** True when {@code p[from..from+length-1]} is a distribution within tolerance. */
    public static boolean isDistribution(double[] p, int from, int length) {
        double sum = 0.0;
        for (int i = from; i < from + length; i++) {
            if (!(p[i] >= 0.0) || Double.isInfinite(p[i])) {
                return false;
            }
            sum += p[i];
        }
        return Math.abs(sum - 1.0) <= Tolerances.SIMPLEX;
    }

    private static void checkRange(String name, double[] p, int from, int length, String where) {
        double sum = 0.0;
        for (int i = from; i < from + length; i++) {
            double v = p[i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(
                        name + where + ": entry " + (i - from) + " is not finite (" + v + ")");
            }
            if (v < 0.0) {
                throw new IllegalArgumentException(
                        name + where + ": entry " + (i - from) + " is negative (" + v + ")");
            }
            sum += v;
        }
        if (Math.abs(sum - 1.0) > Tolerances.SIMPLEX) {
            throw new IllegalArgumentException(
                    name
                            + where
                            + " sums to "
                            + sum
                            + ", not 1 (tolerance "
                            + Tolerances.SIMPLEX
                            + ")");
        }
    }
}
