package org.mfgkit.core;

import java.util.Arrays;

/**
 * The fast path of {@link TwoLayerNetwork}'s batch kernels for ReLU units on a product grid {@code
 * x = (u_s, v_a, 1)}: the active set of a unit along the action axis is an interval, so each
 * (particle, state) costs one bisection instead of a pass over the actions. Exact; work is split
 * into fixed blocks ({@link KernelThreads}) whose results do not depend on the number of threads.
 */
final class ReluGridKernels {
    private ReluGridKernels() {}

    static boolean useGridPath(Activation activation, int d, InputMap inputs) {
        return activation == Activation.RELU && inputs.isProductGrid() && d == 3;
    }

    /**
     * Exact energies for ReLU units on {@code x = (u_s, v_a, 1)}: for a fixed state, unit {@code i}
     * is {@code w0 (b + w2 v_a)} on an interval of actions ({@code b = w1 u_s + w3}) and 0
     * elsewhere, so the sums over particles are accumulated as interval additions of the
     * coefficients of the affine function: a suffix interval (slope {@code w2 > 0}) by a forward
     * running sum, a prefix interval ({@code w2 < 0}) by a backward one, so that nothing is
     * subtracted.
     */
    static double[] energiesReluGrid(
            Activation activation, double[] w, int n, int d, InputMap inputs, boolean parallel) {
        int nS = inputs.nS();
        int nA = inputs.nA();
        double[] u = inputs.gridStatesArray();
        double[] v = inputs.gridActionsArray();
        double invH = inverseSpacing(v);
        double[] f = new double[nS * nA];
        int perBlock = Math.max(1, 4096 / Math.max(1, n));
        int blocks = (nS + perBlock - 1) / perBlock;
        KernelThreads.forEach(
                blocks,
                parallel,
                b -> {
                    double[] sufA = new double[nA];
                    double[] sufB = new double[nA];
                    double[] preA = new double[nA];
                    double[] preB = new double[nA];
                    int s1 = Math.min(nS, (b + 1) * perBlock);
                    for (int s = b * perBlock; s < s1; s++) {
                        Arrays.fill(sufA, 0.0);
                        Arrays.fill(sufB, 0.0);
                        Arrays.fill(preA, 0.0);
                        Arrays.fill(preB, 0.0);
                        double us = u[s];
                        for (int i = 0; i < n; i++) {
                            int o = i * 4;
                            double w0 = w[o];
                            if (w0 == 0.0) {
                                continue;
                            }
                            double w2 = w[o + 2];
                            double bias = w[o + 1] * us + w[o + 3];
                            if (w2 > 0.0) {
                                int lo = firstPositive(bias, w2, v, invH);
                                if (lo < nA) {
                                    sufA[lo] += w0 * bias;
                                    sufB[lo] += w0 * w2;
                                }
                            } else if (w2 < 0.0) {
                                int hi = firstNonPositive(bias, w2, v, invH);
                                if (hi > 0) {
                                    preA[hi - 1] += w0 * bias;
                                    preB[hi - 1] += w0 * w2;
                                }
                            } else if (bias > 0.0) {
                                sufA[0] += w0 * bias;
                            }
                        }
                        int row = s * nA;
                        double runA = 0.0;
                        double runB = 0.0;
                        for (int a = 0; a < nA; a++) {
                            runA += sufA[a];
                            runB += sufB[a];
                            f[row + a] = runA + runB * v[a];
                        }
                        runA = 0.0;
                        runB = 0.0;
                        for (int a = nA - 1; a >= 0; a--) {
                            runA += preA[a];
                            runB += preB[a];
                            f[row + a] = (f[row + a] + (runA + runB * v[a])) / n;
                        }
                    }
                });
        return f;
    }

    /**
     * Exact {@code sum_{s,a} c ∇_w psi} for ReLU units on a product grid: per state, prefix sums
     * {@code sum_{a<j} c}, {@code sum_{a<j} c v_a} and suffix sums {@code sum_{a>=j} ...} are
     * tabulated once; each (particle, state) then needs one bisection for its active interval.
     */
    static double[] sumsReluGrid(
            Activation activation,
            double[] w,
            int n,
            int d,
            InputMap inputs,
            double[] c,
            boolean parallel) {
        int nS = inputs.nS();
        int nA = inputs.nA();
        double[] u = inputs.gridStatesArray();
        double[] v = inputs.gridActionsArray();
        double invH = inverseSpacing(v);
        int m = nA + 1;
        // pre0[s*m + j] = sum_{a<j} c(s,a); pre1 with c*v; suf0[s*m + j] = sum_{a>=j} c(s,a); suf1
        // with c*v
        double[] pre0 = new double[nS * m];
        double[] pre1 = new double[nS * m];
        double[] suf0 = new double[nS * m];
        double[] suf1 = new double[nS * m];
        for (int s = 0; s < nS; s++) {
            int row = s * nA;
            int base = s * m;
            for (int a = 0; a < nA; a++) {
                pre0[base + a + 1] = pre0[base + a] + c[row + a];
                pre1[base + a + 1] = pre1[base + a] + c[row + a] * v[a];
            }
            for (int a = nA - 1; a >= 0; a--) {
                suf0[base + a] = suf0[base + a + 1] + c[row + a];
                suf1[base + a] = suf1[base + a + 1] + c[row + a] * v[a];
            }
        }
        double[] out = new double[w.length];
        int perBlock = 32;
        int blocks = (n + perBlock - 1) / perBlock;
        KernelThreads.forEach(
                blocks,
                parallel,
                b -> {
                    int i1 = Math.min(n, (b + 1) * perBlock);
                    for (int i = b * perBlock; i < i1; i++) {
                        int o = i * 4;
                        double w0 = w[o];
                        double w1 = w[o + 1];
                        double w2 = w[o + 2];
                        double w3 = w[o + 3];
                        double g0 = 0.0;
                        double g1 = 0.0;
                        double g2 = 0.0;
                        double g3 = 0.0;
                        for (int s = 0; s < nS; s++) {
                            double us = u[s];
                            double bias = w1 * us + w3;
                            int base = s * m;
                            double s0;
                            double sv;
                            if (w2 > 0.0) {
                                int lo = firstPositive(bias, w2, v, invH);
                                s0 = suf0[base + lo];
                                sv = suf1[base + lo];
                            } else if (w2 < 0.0) {
                                int hi = firstNonPositive(bias, w2, v, invH);
                                s0 = pre0[base + hi];
                                sv = pre1[base + hi];
                            } else if (bias > 0.0) {
                                s0 = suf0[base];
                                sv = suf1[base];
                            } else {
                                continue;
                            }
                            g0 += bias * s0 + w2 * sv; // sum over active a of c * (b + w2 v_a)
                            g1 += us * s0;
                            g2 += sv;
                            g3 += s0;
                        }
                        out[o] = g0;
                        out[o + 1] = w0 * g1;
                        out[o + 2] = w0 * g2;
                        out[o + 3] = w0 * g3;
                    }
                });
        return out;
    }

    /**
     * Smallest {@code j} with {@code b + w2 v[j] > 0} for {@code w2 > 0} ({@code v.length} if
     * none). The guess {@code ceil((-b/w2 - v[0]) * invH)} is exact on a uniform grid up to
     * round-off; it is verified with the predicate itself, corrected by one step, and replaced by
     * bisection otherwise.
     */
    static int firstPositive(double b, double w2, double[] v, double invH) {
        int nA = v.length;
        int g = guess(b, w2, v, invH);
        for (int tries = 0; tries < 2; tries++) {
            boolean here = g == nA || b + w2 * v[g] > 0.0;
            boolean before = g > 0 && b + w2 * v[g - 1] > 0.0;
            if (here && !before) {
                return g;
            }
            g += here ? -1 : 1;
        }
        if (b + w2 * v[0] > 0.0) {
            return 0;
        }
        if (!(b + w2 * v[nA - 1] > 0.0)) {
            return nA;
        }
        int lo = 0; // predicate false
        int hi = nA - 1; // predicate true
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (b + w2 * v[mid] > 0.0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * Smallest {@code j} with {@code b + w2 v[j] <= 0} for {@code w2 < 0} ({@code v.length} if
     * none); as {@link #firstPositive}.
     */
    static int firstNonPositive(double b, double w2, double[] v, double invH) {
        int nA = v.length;
        int g = guess(b, w2, v, invH);
        for (int tries = 0; tries < 2; tries++) {
            boolean here = g == nA || !(b + w2 * v[g] > 0.0);
            boolean before = g > 0 && !(b + w2 * v[g - 1] > 0.0);
            if (here && !before) {
                return g;
            }
            g += here ? -1 : 1;
        }
        if (!(b + w2 * v[0] > 0.0)) {
            return 0;
        }
        if (b + w2 * v[nA - 1] > 0.0) {
            return nA;
        }
        int lo = 0; // predicate (still positive) true
        int hi = nA - 1; // false
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (b + w2 * v[mid] > 0.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * {@code ceil((-b/w2 - v[0]) * invH)} clamped to {@code [0, nA]}: the index where {@code b + w2
     * v} changes sign.
     */
    private static int guess(double b, double w2, double[] v, double invH) {
        double pos = Math.ceil((-b / w2 - v[0]) * invH);
        int nA = v.length;
        if (!(pos > 0.0)) {
            return 0; // also NaN
        }
        return pos >= nA ? nA : (int) pos;
    }

    /**
     * {@code (nA-1)/(v[nA-1] - v[0])}, the inverse spacing of a uniform grid (0 for a single
     * action).
     */
    private static double inverseSpacing(double[] v) {
        return v.length > 1 ? (v.length - 1) / (v[v.length - 1] - v[0]) : 0.0;
    }
}
