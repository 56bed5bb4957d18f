package org.mfgkit.envs;

import java.util.Collection;

/** Parsing of {@code key=value} parameter overrides with messages that name the key. */
public final class ParamText {
    private ParamText() {}

    /** A finite real number. */
    public static double real(String key, String value) {
        String v = value == null ? "" : value.trim();
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + key + ": '" + value + "' is not a finite number");
        }
    }

    /** An integer. */
    public static int integer(String key, String value) {
        String v = value == null ? "" : value.trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + key + ": '" + value + "' is not an integer");
        }
    }

    /**
     * A list of numbers: {@code 0.4,0.6} or a JSON array {@code [0.4, 0.6]}; {@code null} for
     * {@code uniform} (the caller resolves it). Not validated as a distribution here.
     */
    public static double[] vectorOrUniform(String key, String value) {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase("uniform")) {
            return null;
        }
        if (v.startsWith("[")) {
            if (!v.endsWith("]")) {
                throw new IllegalArgumentException(
                        "parameter " + key + ": malformed JSON array '" + value + "'");
            }
            v = v.substring(1, v.length() - 1).trim();
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("parameter " + key + ": empty list");
        }
        String[] parts = v.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                out[i] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "parameter " + key + ": entry " + i + " ('" + p + "') is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException(
                        "parameter " + key + ": entry " + i + " is not finite");
            }
        }
        return out;
    }

    /**
     * A distribution over {@code n} states from its text form ({@link #vectorOrUniform}), with
     * {@code uniform} resolved to the uniform distribution; its validation is left to the record.
     */
    static double[] distributionOrUniform(String key, String value, int n) {
        double[] v = vectorOrUniform(key, value);
        return v == null ? uniform(n) : v;
    }

    /** The uniform distribution over {@code n} states. */
    static double[] uniform(int n) {
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        return u;
    }

    /** The exception for a key an environment does not have. */
    public static IllegalArgumentException unknownKey(
            String env, String key, Collection<String> known) {
        return new IllegalArgumentException(
                "unknown parameter '"
                        + key
                        + "' for environment "
                        + env
                        + " (known: "
                        + String.join(", ", known)
                        + ")");
    }

    /**
     * Throws unless the last decision step {@code T} is in {@code 0..1000000} (finite-horizon
     * games).
     */
    static int horizon(int T) {
        if (T < 0 || T > 1_000_000) {
            throw new IllegalArgumentException("T must be in 0..1000000, got " + T);
        }
        return T;
    }

    /** Throws unless {@code 0 <= gamma < 1} (stationary, discounted games). */
    public static double discount(double gamma) {
        if (!(gamma >= 0.0 && gamma < 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0,1), got " + gamma);
        }
        return gamma;
    }

    /** Throws unless {@code 0 <= gamma <= 1} (finite-horizon games; 1 = undiscounted). */
    public static double finiteHorizonDiscount(double gamma) {
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException(
                    "gamma must be in [0,1] for a finite-horizon game, got " + gamma);
        }
        return gamma;
    }

    /** Throws unless {@code lambda} is finite and non-negative. */
    public static double lambda(double lambda) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        return lambda;
    }

    /** Throws unless {@code value} is finite. */
    public static double finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be finite, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value > 0} and finite. */
    public static double positive(String key, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value >= 0} and finite. */
    public static double nonNegative(String key, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be finite and >= 0, got " + value);
        }
        return value;
    }
}
