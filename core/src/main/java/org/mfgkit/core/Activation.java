package org.mfgkit.core;

import java.util.Locale;

/**
 * Hidden-unit nonlinearity {@code phi(x; wbar)} of the mean-field two-layer network {@code psi(x;
 * w) = w0 * phi(x; wbar)} (000 §2 eq. (7), Assumption 1; SPEC §4).
 *
 * <p>The three ridge units are {@code phi(x; wbar) = sigma(z)} with pre-activation {@code z = wbar
 * . x}; the Gaussian radial unit is {@code phi(x; c) = exp(-z/2)} with {@code z = ||x - c||^2} (the
 * hidden weights {@code wbar = c} are the centre, bandwidth 1 in the units of the input map;
 * rescale the inputs for another bandwidth). {@link #value} and {@link #derivative} take that
 * {@code z}.
 */
public enum Activation {
    /** {@code max(z, 0)}; derivative {@code 1{z > 0}} (0 at the kink). */
    RELU("relu"),
    /** {@code tanh(z)} (computed from {@code exp}, see {@link #tanh(double)}). */
    TANH("tanh"),
    /** Logistic {@code 1 / (1 + exp(-z))}. */
    SIGMOID("sigmoid"),
    /**
     * Gaussian radial basis function {@code exp(-||x - c||^2 / 2)}, as a function of {@code z = ||x
     * - c||^2}.
     */
    GAUSSIAN_RBF("gaussian-rbf");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /**
     * The name used in configuration files ({@code relu}, {@code tanh}, {@code sigmoid}, {@code
     * gaussian-rbf}).
     */
    public String label() {
        return label;
    }

    /**
     * True for the radial unit (pre-activation {@code ||x - c||^2}), false for ridge units ({@code
     * wbar . x}).
     */
    public boolean radial() {
        return this == GAUSSIAN_RBF;
    }

    /** {@code phi} as a function of the pre-activation {@code z}. */
    public double value(double z) {
        switch (this) {
            case RELU:
                return z > 0.0 ? z : 0.0;
            case TANH:
                return tanh(z);
            case SIGMOID:
                return sigmoid(z);
            default:
                return Math.exp(-0.5 * z);
        }
    }

    /** {@code d phi / d z}. */
    public double derivative(double z) {
        switch (this) {
            case RELU:
                return z > 0.0 ? 1.0 : 0.0;
            case TANH:
                {
                    double t = tanh(z);
                    return 1.0 - t * t;
                }
            case SIGMOID:
                {
                    double s = sigmoid(z);
                    return s * (1.0 - s);
                }
            default:
                return -0.5 * Math.exp(-0.5 * z);
        }
    }

    /**
     * {@code tanh(z) = sign(z) (1 - e)/(1 + e)}, {@code e = exp(-2|z|)}: within {@code 2.3e-16} of
     * {@link Math#tanh} in absolute terms and about three times faster (it uses the {@code exp}
     * intrinsic).
     */
    static double tanh(double z) {
        double e = Math.exp(-2.0 * Math.abs(z));
        return Math.copySign((1.0 - e) / (1.0 + e), z);
    }

    /** Logistic function, computed without overflow for large {@code |z|}. */
    static double sigmoid(double z) {
        if (z >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * Parses a label (case-insensitive; {@code rbf} and {@code gaussian} are accepted for the
     * radial unit).
     */
    public static Activation parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Activation a : values()) {
                if (a.label.equals(n)) {
                    return a;
                }
            }
            if (n.equals("rbf") || n.equals("gaussian")) {
                return GAUSSIAN_RBF;
            }
        }
        throw new IllegalArgumentException(
                "unknown activation '" + name + "' (expected relu, tanh, sigmoid or gaussian-rbf)");
    }
}
