package org.mfgkit.envs;

/**
 * The discretised linear-quadratic dynamics shared by {@link LinearQuadratic} and
 * {@link LinearQuadraticFiniteHorizon} (SPEC §2.2): positions {@code x = -L..L} (state
 * {@code s = x + L}), controls {@code a = -M..M} (action index {@code a + M}), noise values
 * {@code eps[j]} with weights {@code w[j]}, and
 * {@code x' = clip(rint(x + (k (mbar - x) + a) dt + sigma eps_j sqrt(dt)), -L, L)}
 * ({@code rint} rounds half to even, as {@code torch.round} does in MFGLib).
 */
final class LqKernel {
    private LqKernel() {
    }

    /** Weights {@code ∝ exp(-eps_j^2 / 2)}, normalised. */
    static double[] gaussianWeights(double[] eps) {
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

    /** {@code sum_x x mu(x)} with {@code mu} indexed by {@code s = x + L}. */
    static double mean(double[] mu, int L) {
        double m = 0.0;
        for (int s = 0; s < mu.length; s++) {
            m += (s - L) * mu[s];
        }
        return m;
    }

    /**
     * Fills {@code out[(s*nA + a)*nS + s2]} (zeroed first) with the kernel at population mean {@code mbar}.
     * The expression is evaluated in MFGLib's order, so that exact half-way ties round the same way.
     */
    static void fillTransitions(int L, int M, double k, double dt, double sigma, double[] eps, double[] w, double mbar,
            double[] out) {
        int nS = 2 * L + 1;
        int nA = 2 * M + 1;
        java.util.Arrays.fill(out, 0, nS * nA * nS, 0.0);
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
    static void fillRunningRewards(int L, int M, double q, double kappa, double dt, double mbar, double[] out) {
        int nS = 2 * L + 1;
        int nA = 2 * M + 1;
        for (int s = 0; s < nS; s++) {
            double gap = mbar - (s - L);
            for (int ai = 0; ai < nA; ai++) {
                int a = ai - M;
                out[s * nA + ai] = (-0.5 * a * a + q * a * gap - 0.5 * kappa * gap * gap) * dt;
            }
        }
    }

    /** Fills {@code out[s*nA + a] = -c_term/2 (mbar - x)^2} (terminal cost; not scaled by {@code dt}). */
    static void fillTerminalRewards(int L, int M, double cTerm, double mbar, double[] out) {
        int nS = 2 * L + 1;
        int nA = 2 * M + 1;
        for (int s = 0; s < nS; s++) {
            double gap = mbar - (s - L);
            double r = -0.5 * cTerm * gap * gap;
            for (int ai = 0; ai < nA; ai++) {
                out[s * nA + ai] = r;
            }
        }
    }

    /** Uniform distribution over {@code n} states. */
    static double[] uniform(int n) {
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        return u;
    }
}
