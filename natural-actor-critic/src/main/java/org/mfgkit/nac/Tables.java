package org.mfgkit.nac;

import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;

/** Flat tables of a finite feature map and policy, built once per call of an oracle. */
final class Tables {
    private Tables() {}

    /** {@code phi[(s*nA + a)*d + k]}. */
    static double[] features(FeatureMap phi) {
        int d = phi.dim();
        double[] out = new double[phi.nS() * phi.nA() * d];
        double[] row = new double[d];
        for (int s = 0; s < phi.nS(); s++) {
            for (int a = 0; a < phi.nA(); a++) {
                phi.features(s, a, row);
                System.arraycopy(row, 0, out, (s * phi.nA() + a) * d, d);
            }
        }
        return out;
    }

    /** {@code logPi[s*nA + a]}. */
    static double[] logPolicy(LogLinearPolicy pi) {
        int nA = pi.nA();
        double[] out = new double[pi.nS() * nA];
        for (int s = 0; s < pi.nS(); s++) {
            for (int a = 0; a < nA; a++) {
                out[s * nA + a] = pi.logProb(s, a);
            }
        }
        return out;
    }

    /**
     * Scores {@code g[(s*nA + a)*d + k] = phi_k(s,a) - sum_b pi(b|s) phi_k(s,b)} from a flat
     * feature table.
     */
    static double[] scores(double[] phiFlat, double[] pi, int nS, int nA, int d) {
        double[] out = new double[nS * nA * d];
        double[] mean = new double[d];
        for (int s = 0; s < nS; s++) {
            java.util.Arrays.fill(mean, 0.0);
            for (int b = 0; b < nA; b++) {
                double w = pi[s * nA + b];
                int base = (s * nA + b) * d;
                for (int k = 0; k < d; k++) {
                    mean[k] += w * phiFlat[base + k];
                }
            }
            for (int a = 0; a < nA; a++) {
                int base = (s * nA + a) * d;
                for (int k = 0; k < d; k++) {
                    out[base + k] = phiFlat[base + k] - mean[k];
                }
            }
        }
        return out;
    }

    /** {@code out[s*nA + a] = w^T phi(s,a)}. */
    static double[] linear(double[] phiFlat, double[] w, int nSA) {
        int d = w.length;
        double[] out = new double[nSA];
        for (int i = 0; i < nSA; i++) {
            double sum = 0.0;
            for (int k = 0; k < d; k++) {
                sum += w[k] * phiFlat[i * d + k];
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * True when {@code phi(s,a) = e_{s*nA + a}} exactly (the tabular map of {@link
     * FeatureMap#oneHot}).
     */
    static boolean isOneHot(FeatureMap phi) {
        int nSA = phi.nS() * phi.nA();
        if (phi.dim() != nSA) {
            return false;
        }
        for (int s = 0; s < phi.nS(); s++) {
            for (int a = 0; a < phi.nA(); a++) {
                int sa = s * phi.nA() + a;
                for (int k = 0; k < nSA; k++) {
                    if (phi.get(s, a, k) != (k == sa ? 1.0 : 0.0)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static void requireShape(LearnerEnvironment env, FeatureMap phi) {
        if (phi.nS() != env.nS() || phi.nA() != env.nA()) {
            throw new IllegalArgumentException(
                    "feature map is "
                            + phi.nS()
                            + "x"
                            + phi.nA()
                            + ", the environment is "
                            + env.nS()
                            + "x"
                            + env.nA());
        }
    }
}
