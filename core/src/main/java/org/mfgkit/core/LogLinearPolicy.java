package org.mfgkit.core;

/**
 * Log-linear softmax policy {@code pi_theta(a|s) ∝ exp(theta^T phi(s,a))} (004 §3; SPEC §3). With
 * {@link FeatureMap#oneHot} features it is the tabular softmax policy with logits {@code theta}.
 * Immutable: the probabilities are computed once at construction.
 */
public final class LogLinearPolicy extends SoftmaxTablePolicy {
    private final FeatureMap phi;

    /** Parameter vector {@code theta ∈ R^dim}. */
    private final double[] theta;

    /** {@code theta} is copied. */
    public LogLinearPolicy(FeatureMap phi, double[] theta) {
        super(phi.nS(), phi.nA(), logits(phi, theta));
        this.phi = phi;
        this.theta = theta.clone();
    }

    /**
     * {@code z[s*nA + a] = theta^T phi(s,a)}, after checking {@code theta}'s length and finiteness.
     */
    private static double[] logits(FeatureMap phi, double[] theta) {
        if (theta.length != phi.dim()) {
            throw new IllegalArgumentException(
                    "theta has length " + theta.length + ", feature dimension is " + phi.dim());
        }
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new NonFiniteException("theta[" + k + "] is not finite (" + theta[k] + ")");
            }
        }
        int nS = phi.nS();
        int nA = phi.nA();
        double[] z = new double[nS * nA];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                z[s * nA + a] = phi.dot(theta, s, a);
            }
        }
        return z;
    }

    /** The policy with {@code theta = 0} (uniform). */
    public static LogLinearPolicy zero(FeatureMap phi) {
        return new LogLinearPolicy(phi, new double[phi.dim()]);
    }

    /** The feature map. */
    public FeatureMap features() {
        return phi;
    }

    /** A copy of {@code theta}. */
    public double[] theta() {
        return theta.clone();
    }

    /** Expected features {@code out = sum_a pi(a|s) phi(s,a)}. */
    public void meanFeatures(int s, double[] out) {
        java.util.Arrays.fill(out, 0, phi.dim(), 0.0);
        for (int a = 0; a < nA; a++) {
            phi.addTo(out, s, a, pi[s * nA + a]);
        }
    }

    /** Score function {@code out = ∇_theta log pi(a|s) = phi(s,a) - sum_a' pi(a'|s) phi(s,a')}. */
    public void score(int s, int a, double[] out) {
        meanFeatures(s, out);
        for (int k = 0; k < phi.dim(); k++) {
            out[k] = phi.get(s, a, k) - out[k];
        }
    }
}
