package org.mfgkit.envs;

import java.util.Arrays;

/**
 * The discretised linear-quadratic dynamics and running reward shared by {@link LinearQuadratic}
 * and {@link LinearQuadraticFiniteHorizon} (SPEC §2.2): positions {@code x = -L..L} (state {@code s
 * = x + L}), controls {@code a = -M..M} (action index {@code a + M}), noise values {@code eps_j = j
 * * noiseScale}, {@code j = -3..3}, with weights {@code w_j ∝ exp(-eps_j^2/2)}, and {@code x' =
 * clip(rint(x + (k (mbar - x) + a) dt + sigma eps_j sqrt(dt)), -L, L)} ({@code rint} rounds half to
 * even, as {@code torch.round} does in MFGLib); {@code r(x,a,mu) = (-a^2/2 + q a (mbar - x) -
 * kappa/2 (mbar - x)^2) dt}, {@code mbar = sum_x x mu(x)}. The stationary game has {@code
 * noiseScale = 1}; MFGLib's finite-horizon one {@code noiseScale = sigma} (so {@code sigma} enters
 * twice). Immutable.
 */
final class LqKernel {
    /** Positions {@code -L..L}. */
    private final int L;

    /** Controls {@code -M..M}. */
    private final int M;

    /** Noise scale. */
    private final double sigma;

    /** Time step. */
    private final double dt;

    /** Cross weight of control and distance to the mean. */
    private final double q;

    /** Weight of the squared distance to the mean. */
    private final double kappa;

    /** Mean-reversion rate of the drift. */
    private final double k;

    /** Noise values {@code eps_j}. */
    private final double[] eps;

    /** Noise probabilities {@code w_j}. */
    private final double[] w;

    LqKernel(
            int L,
            int M,
            double sigma,
            double dt,
            double q,
            double kappa,
            double k,
            double noiseScale) {
        this.L = L;
        this.M = M;
        this.sigma = sigma;
        this.dt = dt;
        this.q = q;
        this.kappa = kappa;
        this.k = k;
        this.eps = new double[7];
        for (int j = -3; j <= 3; j++) {
            eps[j + 3] = j * noiseScale;
        }
        this.w = gaussianWeights(eps);
    }

    /** Number of states {@code 2L+1}. */
    int nS() {
        return 2 * L + 1;
    }

    /** Number of actions {@code 2M+1}. */
    int nA() {
        return 2 * M + 1;
    }

    /** Whether the kernel depends on the mean field (only through the mean reversion {@code k}). */
    boolean transitionsDependOnMean() {
        return k != 0.0;
    }

    /** {@code sum_x x mu(x)} with {@code mu} indexed by {@code s = x + L}. */
    double mean(double[] mu) {
        double m = 0.0;
        for (int s = 0; s < mu.length; s++) {
            m += (s - L) * mu[s];
        }
        return m;
    }

    /**
     * Fills {@code out[(s*nA + a)*nS + s2]} (zeroed first) with the kernel at population mean
     * {@code mbar}. The expression is evaluated in MFGLib's order, so that exact half-way ties
     * round the same way.
     */
    void transitions(double mbar, double[] out) {
        int nS = nS();
        int nA = nA();
        Arrays.fill(out, 0, nS * nA * nS, 0.0);
        double sqrtDt = Math.sqrt(dt);
        for (int s = 0; s < nS; s++) {
            int x = s - L;
            for (int ai = 0; ai < nA; ai++) {
                int a = ai - M;
                double drift = x + (k * (mbar - x) + a) * dt;
                int base = (s * nA + ai) * nS;
                for (int j = 0; j < eps.length; j++) {
                    long next = (long) Math.rint(drift + sigma * eps[j] * sqrtDt);
                    int clipped = (int) Math.max(-L, Math.min(L, next));
                    out[base + clipped + L] += w[j];
                }
            }
        }
    }

    /** Fills {@code out[s*nA + a] = (-a^2/2 + q a (mbar - x) - kappa/2 (mbar - x)^2) dt}. */
    void runningRewards(double mbar, double[] out) {
        int nS = nS();
        int nA = nA();
        for (int s = 0; s < nS; s++) {
            double gap = mbar - (s - L);
            for (int ai = 0; ai < nA; ai++) {
                int a = ai - M;
                out[s * nA + ai] = (-0.5 * a * a + q * a * gap - 0.5 * kappa * gap * gap) * dt;
            }
        }
    }

    /**
     * Fills {@code out[s*nA + a] = -c_term/2 (mbar - x)^2} (terminal cost; not scaled by {@code
     * dt}).
     */
    void terminalRewards(double cTerm, double mbar, double[] out) {
        int nS = nS();
        int nA = nA();
        for (int s = 0; s < nS; s++) {
            double gap = mbar - (s - L);
            double r = -0.5 * cTerm * gap * gap;
            for (int ai = 0; ai < nA; ai++) {
                out[s * nA + ai] = r;
            }
        }
    }

    /** Weights {@code ∝ exp(-eps_j^2 / 2)}, normalised. */
    private static double[] gaussianWeights(double[] eps) {
        double[] w = new double[eps.length];
        double sum = 0.0;
        for (int j = 0; j < eps.length; j++) {
            w[j] = Math.exp(-0.5 * eps[j] * eps[j]);
            sum += w[j];
        }
        for (int j = 0; j < eps.length; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /**
     * Validates the parameters both LQ games share, in this order: {@code L} in {@code 1..10000},
     * {@code M} in {@code 0..10000}, {@code sigma >= 0}, {@code dt > 0}.
     */
    static void requireGrid(int L, int M, double sigma, double dt) {
        if (L < 1 || L > 10_000) {
            throw new IllegalArgumentException("L must be in 1..10000, got " + L);
        }
        if (M < 0 || M > 10_000) {
            throw new IllegalArgumentException("M must be in 0..10000, got " + M);
        }
        ParamText.nonNegative("sigma", sigma);
        ParamText.positive("dt", dt);
    }

    /**
     * {@code null} (uniform, resolved later) or a validated copy of a distribution over {@code
     * 2L+1} positions.
     */
    static double[] optionalMu0(double[] mu0, int L) {
        return mu0 == null
                ? null
                : org.mfgkit.core.Simplex.requireDistribution("mu0", mu0, 2 * L + 1).clone();
    }

    /** The initial distribution, resolved (uniform when none was given); a fresh array. */
    static double[] resolvedMu0(double[] mu0, int L) {
        return mu0 == null ? ParamText.uniform(2 * L + 1) : mu0.clone();
    }
}
