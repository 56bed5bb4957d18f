package org.mfgkit.core;

/**
 * Stable numerical primitives: log-sum-exp, softmax with temperature, entropy, KL divergence. They
 * are the only implementations in the toolkit; every module calls these.
 */
public final class Numerics {
    private Numerics() {}

    /**
     * {@code log sum_i exp(x[i])}, stable for large and very negative entries; {@code -inf} for an
     * all {@code -inf} row.
     */
    public static double logSumExp(double[] x) {
        return logSumExp(x, 0, x.length);
    }

    /** {@code log sum exp} over {@code x[from .. from+length-1]}; {@code x} is not modified. */
    public static double logSumExp(double[] x, int from, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("logSumExp of an empty range");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            if (Double.isNaN(x[i])) {
                throw new NonFiniteException("logSumExp: NaN at index " + i);
            }
            if (x[i] > max) {
                max = x[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0.0;
        for (int i = from; i < from + length; i++) {
            sum += Math.exp(x[i] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Soft maximum {@code temperature * log sum_i exp(x[i]/temperature)} over a range; with {@code
     * temperature = 0} the hard maximum (the limit).
     */
    public static double softMax(double[] x, int from, int length, double temperature) {
        requireTemperature(temperature);
        if (temperature == 0.0) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < from + length; i++) {
                max = Math.max(max, x[i]);
            }
            return max;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            max = Math.max(max, x[i]);
        }
        double sum = 0.0;
        for (int i = from; i < from + length; i++) {
            sum += Math.exp((x[i] - max) / temperature);
        }
        return max + temperature * Math.log(sum);
    }

    /**
     * Stable softmax {@code out[i] = exp(x[i]) / sum_j exp(x[j])}; {@code out} may be {@code x}.
     */
    public static void softmax(double[] x, double[] out) {
        softmax(x, 0, out, 0, x.length, 1.0);
    }

    /**
     * Stable softmax with temperature over a range: {@code out[o+i] ∝ exp(x[f+i]/temperature)}.
     * With {@code temperature = 0} the limit: uniform over the maximisers (ties within {@link
     * Tolerances#SOLVER} relative). {@code out} may alias {@code x}.
     */
    public static void softmax(
            double[] x, int from, double[] out, int outFrom, int length, double temperature) {
        requireTemperature(temperature);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double v = x[from + i];
            if (Double.isNaN(v)) {
                throw new NonFiniteException("softmax: NaN at index " + (from + i));
            }
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new NonFiniteException("softmax: every entry is -infinity");
        }
        if (temperature == 0.0 || max == Double.POSITIVE_INFINITY) {
            double tie = Tolerances.SOLVER * Math.max(1.0, Math.abs(max));
            int count = 0;
            for (int i = 0; i < length; i++) {
                if (x[from + i] >= max - tie) {
                    count++;
                }
            }
            for (int i = 0; i < length; i++) {
                out[outFrom + i] = x[from + i] >= max - tie ? 1.0 / count : 0.0;
            }
            return;
        }
        double sum = 0.0;
        for (int i = 0; i < length; i++) {
            double e = Math.exp((x[from + i] - max) / temperature);
            out[outFrom + i] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int i = 0; i < length; i++) {
            out[outFrom + i] *= inv;
        }
    }

    /** Shannon entropy {@code -sum p log p} (natural log, {@code 0 log 0 = 0}) over a range. */
    public static double entropy(double[] p, int from, int length) {
        double h = 0.0;
        for (int i = from; i < from + length; i++) {
            if (p[i] > 0.0) {
                h -= p[i] * Math.log(p[i]);
            }
        }
        return h;
    }

    /** Shannon entropy of a whole distribution. */
    public static double entropy(double[] p) {
        return entropy(p, 0, p.length);
    }

    /**
     * {@code KL(p || q) = sum p log(p/q)}; {@code +inf} when {@code p} charges a zero of {@code q}.
     */
    public static double klDivergence(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException(
                    "klDivergence: lengths differ (" + p.length + " vs " + q.length + ")");
        }
        double kl = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                if (q[i] <= 0.0) {
                    return Double.POSITIVE_INFINITY;
                }
                kl += p[i] * Math.log(p[i] / q[i]);
            }
        }
        return kl;
    }

    /** Sup-norm distance {@code max_i |a[i] - b[i]|}. */
    public static double supDistance(double[] a, double[] b) {
        requireSameLength(a, b);
        double d = 0.0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** L1 distance {@code sum_i |a[i] - b[i]|}. */
    public static double l1Distance(double[] a, double[] b) {
        requireSameLength(a, b);
        double d = 0.0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d;
    }

    /** Inner product of two equal-length vectors. */
    public static double dot(double[] a, double[] b) {
        requireSameLength(a, b);
        double d = 0.0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    /** Euclidean norm. */
    public static double norm2(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vector lengths differ (" + a.length + " vs " + b.length + ")");
        }
    }

    private static void requireTemperature(double temperature) {
        if (!(temperature >= 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and >= 0, got " + temperature);
        }
    }
}
