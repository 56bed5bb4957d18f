package org.mfgkit.core;

/**
 * Exact evaluation in the bandit case of 000 §3 (one state, no dynamics): {@code Q = r}, {@code
 * varrho = 1}, {@code E = V_nu = sum_a pi(a) (r(a) - lambda log pi(a))}. With this evaluator the
 * flow of eq. (9) is that of eq. (12). The soft optimum is {@code pi* ∝ exp(r/lambda)} with value
 * {@code lambda log sum_a exp(r(a)/lambda)} ({@link #optimalValue()}).
 */
public final class BanditEvaluator implements PolicyEvaluator {
    /** Rewards {@code r[a]}. */
    private final double[] r;

    /** Entropy weight. */
    private final double lambda;

    /** {@code r} is copied; {@code lambda} must be finite and {@code >= 0}. */
    public BanditEvaluator(double[] r, double lambda) {
        if (r == null || r.length == 0) {
            throw new IllegalArgumentException("bandit needs at least one action reward");
        }
        for (int a = 0; a < r.length; a++) {
            if (!Double.isFinite(r[a])) {
                throw new NonFiniteException("reward r(" + a + ") is not finite (" + r[a] + ")");
            }
        }
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        this.r = r.clone();
        this.lambda = lambda;
    }

    @Override
    public int nS() {
        return 1;
    }

    @Override
    public int nA() {
        return r.length;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    /** The rewards (a copy). */
    public double[] rewards() {
        return r.clone();
    }

    @Override
    public Evaluation evaluate(Policy pi) {
        if (pi.nS() != 1 || pi.nA() != r.length) {
            throw new IllegalArgumentException(
                    "policy shape "
                            + pi.nS()
                            + "x"
                            + pi.nA()
                            + " does not match the bandit's 1x"
                            + r.length);
        }
        double v = 0.0;
        for (int a = 0; a < r.length; a++) {
            double p = pi.prob(0, a);
            if (p > 0.0) {
                v += p * (r[a] - lambda * pi.logProb(0, a));
            }
        }
        return new Evaluation(new double[] {1.0}, r.clone(), v);
    }

    /** {@code pi*(a) ∝ exp(r(a)/lambda)} (greedy, uniform over ties, when {@code lambda = 0}). */
    public TabularPolicy optimalPolicy() {
        return TabularPolicy.softmax(1, r.length, r, lambda);
    }

    /**
     * {@code max_pi V = lambda log sum_a exp(r(a)/lambda)} ({@code max r} when {@code lambda = 0}).
     */
    public double optimalValue() {
        return Numerics.softMax(r, 0, r.length, lambda);
    }
}
