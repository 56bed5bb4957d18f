package org.mfgkit.core;

/**
 * Log-linear softmax policy {@code pi_theta(a|s) ∝ exp(theta^T phi(s,a))} (004 §3; SPEC §3). With
 * {@link FeatureMap#oneHot} features it is the tabular softmax policy with logits {@code theta}.
 * Immutable: the probabilities are computed once at construction.
 */
public final class LogLinearPolicy implements Policy {
    private final FeatureMap phi;
    /** Parameter vector {@code theta ∈ R^dim}. */
    private final double[] theta;
    /** {@code pi[s*nA + a]}. */
    private final double[] pi;
    /** {@code logPi[s*nA + a]}, computed stably as {@code z - logSumExp(z)}. */
    private final double[] logPi;

    /** {@code theta} is copied. */
    public LogLinearPolicy(FeatureMap phi, double[] theta) {
        if (theta.length != phi.dim()) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", feature dimension is " + phi.dim());
        }
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new IllegalArgumentException("theta[" + k + "] is not finite (" + theta[k] + ")");
            }
        }
        this.phi = phi;
        this.theta = theta.clone();
        int nS = phi.nS();
        int nA = phi.nA();
        this.pi = new double[nS * nA];
        this.logPi = new double[nS * nA];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                logPi[s * nA + a] = phi.dot(this.theta, s, a);
            }
            double lse = Numerics.logSumExp(logPi, s * nA, nA);
            for (int a = 0; a < nA; a++) {
                logPi[s * nA + a] -= lse;
                pi[s * nA + a] = Math.exp(logPi[s * nA + a]);
            }
        }
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

    @Override
    public int nS() {
        return phi.nS();
    }

    @Override
    public int nA() {
        return phi.nA();
    }

    @Override
    public double prob(int s, int a) {
        return pi[s * phi.nA() + a];
    }

    @Override
    public double logProb(int s, int a) {
        return logPi[s * phi.nA() + a];
    }

    @Override
    public void probabilities(int s, double[] out) {
        System.arraycopy(pi, s * phi.nA(), out, 0, phi.nA());
    }

    @Override
    public double entropy(int s) {
        int nA = phi.nA();
        double h = 0.0;
        for (int a = 0; a < nA; a++) {
            h -= pi[s * nA + a] * logPi[s * nA + a];
        }
        return h;
    }

    @Override
    public double[] table() {
        return pi.clone();
    }

    @Override
    public TabularPolicy toTabular() {
        return TabularPolicy.wrapUnchecked(phi.nS(), phi.nA(), pi.clone());
    }

    /** Expected features {@code out = sum_a pi(a|s) phi(s,a)}. */
    public void meanFeatures(int s, double[] out) {
        java.util.Arrays.fill(out, 0, phi.dim(), 0.0);
        int nA = phi.nA();
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
