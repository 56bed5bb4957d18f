package org.mfgkit.core;

/**
 * The blocked dense batch kernels of {@link TwoLayerNetwork} for any activation and input dimension
 * (with a vectorisable special case for ReLU units on 3-dimensional inputs): the energies {@code
 * f(x(s,a))} of all pairs and the particle sums {@code sum_{s,a} c ∇_w psi(x(s,a); w_i)}.
 * Parameters use the network's flat layout {@code w[i*(d+1) + k]}. Work is split into fixed blocks
 * ({@link KernelThreads}) whose results do not depend on the number of threads.
 */
final class DenseKernels {
    private DenseKernels() {}

    /**
     * Energies, blocked over (s,a) pairs: for each block, particles in the outer loop and the pairs
     * of the block in the inner loop over the coordinate-major inputs (contiguous, so the ReLU loop
     * vectorises).
     */
    static double[] energiesDense(
            Activation activation, double[] w, int n, int d, InputMap inputs, boolean parallel) {
        int nSA = inputs.nS() * inputs.nA();
        double[] xt = inputs.columnArray();
        double[] f = new double[nSA];
        int blocks = (nSA + KernelThreads.BLOCK - 1) / KernelThreads.BLOCK;
        KernelThreads.forEach(
                blocks,
                parallel,
                b -> {
                    int j0 = b * KernelThreads.BLOCK;
                    int len = Math.min(KernelThreads.BLOCK, nSA - j0);
                    double[] z = new double[len];
                    double[] acc = new double[len];
                    if (activation == Activation.RELU && d == 3) {
                        energiesReluBlock3(w, n, xt, nSA, j0, len, acc);
                    } else {
                        energiesGenericBlock(activation, w, n, d, xt, nSA, j0, len, z, acc);
                    }
                    for (int j = 0; j < len; j++) {
                        f[j0 + j] = acc[j] / n;
                    }
                });
        return f;
    }

    /** Energies of one block for any activation and dimension; {@code z} is scratch. */
    private static void energiesGenericBlock(
            Activation activation,
            double[] w,
            int n,
            int d,
            double[] xt,
            int nSA,
            int j0,
            int len,
            double[] z,
            double[] acc) {
        int p = d + 1;
        for (int i = 0; i < n; i++) {
            double w0 = w[i * p];
            if (w0 == 0.0) {
                continue;
            }
            preActivations(activation, w, i * p, d, xt, nSA, j0, len, z);
            switch (activation) {
                case RELU:
                    for (int j = 0; j < len; j++) {
                        acc[j] += w0 * Math.max(z[j], 0.0);
                    }
                    break;
                case TANH:
                    for (int j = 0; j < len; j++) {
                        acc[j] += w0 * Activation.tanh(z[j]);
                    }
                    break;
                case SIGMOID:
                    for (int j = 0; j < len; j++) {
                        acc[j] += w0 * Activation.sigmoid(z[j]);
                    }
                    break;
                default:
                    for (int j = 0; j < len; j++) {
                        acc[j] += w0 * Math.exp(-0.5 * z[j]);
                    }
                    break;
            }
        }
    }

    /**
     * The ReLU, {@code d = 3} case of the energies of one block, with the block's coordinates in
     * three local arrays.
     */
    private static void energiesReluBlock3(
            double[] w, int n, double[] xt, int nSA, int j0, int len, double[] acc) {
        double[] x0 = java.util.Arrays.copyOfRange(xt, j0, j0 + len);
        double[] x1 = java.util.Arrays.copyOfRange(xt, nSA + j0, nSA + j0 + len);
        double[] x2 = java.util.Arrays.copyOfRange(xt, 2 * nSA + j0, 2 * nSA + j0 + len);
        for (int i = 0; i < n; i++) {
            double w0 = w[i * 4];
            if (w0 == 0.0) {
                continue;
            }
            double a0 = w[i * 4 + 1];
            double a1 = w[i * 4 + 2];
            double a2 = w[i * 4 + 3];
            for (int j = 0; j < len; j++) {
                acc[j] += w0 * Math.max(a0 * x0[j] + a1 * x1[j] + a2 * x2[j], 0.0);
            }
        }
    }

    /**
     * {@code z[j] = preActivation} of the particle at {@code wOff} on the pairs {@code j0 ..
     * j0+len-1}, from the coordinate-major inputs {@code xt[k*nSA + j]} (same summation order as
     * {@link #preActivation}).
     */
    private static void preActivations(
            Activation act,
            double[] w,
            int wOff,
            int d,
            double[] xt,
            int nSA,
            int j0,
            int len,
            double[] z) {
        java.util.Arrays.fill(z, 0, len, 0.0);
        for (int k = 0; k < d; k++) {
            double ak = w[wOff + 1 + k];
            int o = k * nSA + j0;
            if (act.radial()) {
                for (int j = 0; j < len; j++) {
                    double diff = xt[o + j] - ak;
                    z[j] += diff * diff;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    z[j] += ak * xt[o + j];
                }
            }
        }
    }

    /** Particles per block of the dense particle-sum kernel. */
    static final int PARTICLE_BLOCK = 64;

    /**
     * {@code 2^537}: {@code min(1, (h * 2^537) * 2^537)} is exactly {@code 1{h > 0}} for every
     * finite {@code h >= 0}.
     */
    private static final double STEP_SCALE = 0x1p537;

    static double[] sumsDense(
            Activation activation,
            double[] w,
            int n,
            int d,
            InputMap inputs,
            double[] c,
            boolean parallel) {
        int nSA = c.length;
        double[] x = inputs.tableArray();
        double[] out = new double[w.length];
        int blocks = (n + PARTICLE_BLOCK - 1) / PARTICLE_BLOCK;
        KernelThreads.forEach(
                blocks,
                parallel,
                b -> {
                    int i0 = b * PARTICLE_BLOCK;
                    sumsDenseBlock(
                            activation, d, w, i0, Math.min(PARTICLE_BLOCK, n - i0), x, c, nSA, out);
                });
        return out;
    }

    /**
     * {@code out_i = sum_j c[j] ∇_w psi(x_j; w_i)} for the {@code m} particles starting at {@code
     * i0} (flat layout, same offsets in {@code w} and {@code out}) over all {@code nSA} inputs
     * {@code x[j*d + k]}. The pairs run in the outer loop and the particles of the block, copied to
     * coordinate-major scratch, in the inner loop: every update is element-wise over particles, so
     * it vectorises, and each particle's sums run over {@code j} in increasing order whatever the
     * threads.
     */
    static void sumsDenseBlock(
            Activation act,
            int d,
            double[] w,
            int i0,
            int m,
            double[] x,
            double[] c,
            int nSA,
            double[] out) {
        int p = d + 1;
        double[] w0 = new double[m];
        double[] a = new double[d * m]; // a[k*m + ii] = wbar_k of particle i0+ii
        for (int ii = 0; ii < m; ii++) {
            w0[ii] = w[(i0 + ii) * p];
            for (int k = 0; k < d; k++) {
                a[k * m + ii] = w[(i0 + ii) * p + 1 + k];
            }
        }
        double[] g0 = new double[m];
        double[] g = new double[d * m]; // g[k*m + ii]
        double[] z = new double[m];
        double[] t = new double[m];
        if (act == Activation.RELU && d == 3) {
            sumsReluBlock3(w0, a, g0, g, m, x, c, nSA);
        } else {
            sumsGenericBlock(act, d, a, g0, g, z, t, m, x, c, nSA);
        }
        for (int ii = 0; ii < m; ii++) {
            int o = (i0 + ii) * p;
            out[o] = g0[ii];
            for (int k = 0; k < d; k++) {
                out[o + 1 + k] = w0[ii] * g[k * m + ii];
            }
        }
    }

    /**
     * The ReLU, {@code d = 3} case of {@link #sumsDenseBlock}, with one array per coordinate so
     * that the particle loop vectorises; {@code c * 1{z > 0}} is {@code c * min(1, h 2^537 2^537)}
     * with {@code h = max(z, 0)}, which is exact (the smallest positive double times {@code 2^1074}
     * is 1).
     */
    private static void sumsReluBlock3(
            double[] w0,
            double[] a,
            double[] g0,
            double[] g,
            int m,
            double[] x,
            double[] c,
            int nSA) {
        double[] a0 = java.util.Arrays.copyOfRange(a, 0, m);
        double[] a1 = java.util.Arrays.copyOfRange(a, m, 2 * m);
        double[] a2 = java.util.Arrays.copyOfRange(a, 2 * m, 3 * m);
        double[] g1 = new double[m];
        double[] g2 = new double[m];
        double[] g3 = new double[m];
        for (int j = 0; j < nSA; j++) {
            double cj = c[j];
            if (cj == 0.0) {
                continue;
            }
            int xb = j * 3;
            double x0 = x[xb];
            double x1 = x[xb + 1];
            double x2 = x[xb + 2];
            for (int ii = 0; ii < m; ii++) {
                double h = Math.max(a0[ii] * x0 + a1[ii] * x1 + a2[ii] * x2, 0.0);
                double st = cj * Math.min(h * STEP_SCALE * STEP_SCALE, 1.0);
                g0[ii] += cj * h;
                g1[ii] += st * x0;
                g2[ii] += st * x1;
                g3[ii] += st * x2;
            }
        }
        System.arraycopy(g1, 0, g, 0, m);
        System.arraycopy(g2, 0, g, m, m);
        System.arraycopy(g3, 0, g, 2 * m, m);
    }

    /**
     * {@link #sumsDenseBlock} for any activation and dimension; {@code z}, {@code t} are scratch of
     * length {@code m}.
     */
    private static void sumsGenericBlock(
            Activation act,
            int d,
            double[] a,
            double[] g0,
            double[] g,
            double[] z,
            double[] t,
            int m,
            double[] x,
            double[] c,
            int nSA) {
        for (int j = 0; j < nSA; j++) {
            double cj = c[j];
            if (cj == 0.0) {
                continue;
            }
            int xb = j * d;
            java.util.Arrays.fill(z, 0.0);
            for (int k = 0; k < d; k++) {
                double xk = x[xb + k];
                int o = k * m;
                if (act.radial()) {
                    for (int ii = 0; ii < m; ii++) {
                        double diff = xk - a[o + ii];
                        z[ii] += diff * diff;
                    }
                } else {
                    for (int ii = 0; ii < m; ii++) {
                        z[ii] += a[o + ii] * xk;
                    }
                }
            }
            // g0 += c * phi(z); t = c * (factor of the hidden gradient)
            switch (act) {
                case RELU:
                    for (int ii = 0; ii < m; ii++) {
                        double h = Math.max(z[ii], 0.0);
                        g0[ii] += cj * h;
                        t[ii] = cj * Math.min(h * STEP_SCALE * STEP_SCALE, 1.0);
                    }
                    break;
                case TANH:
                    for (int ii = 0; ii < m; ii++) {
                        double th = Activation.tanh(z[ii]);
                        g0[ii] += cj * th;
                        t[ii] = cj * (1.0 - th * th);
                    }
                    break;
                case SIGMOID:
                    for (int ii = 0; ii < m; ii++) {
                        double sg = Activation.sigmoid(z[ii]);
                        g0[ii] += cj * sg;
                        t[ii] = cj * sg * (1.0 - sg);
                    }
                    break;
                default:
                    for (int ii = 0; ii < m; ii++) {
                        double ph = Math.exp(-0.5 * z[ii]);
                        g0[ii] += cj * ph;
                        t[ii] = cj * ph;
                    }
                    break;
            }
            for (int k = 0; k < d; k++) {
                double xk = x[xb + k];
                int o = k * m;
                if (act.radial()) {
                    // ∇_c exp(-||x-c||^2/2) = phi (x - c)
                    for (int ii = 0; ii < m; ii++) {
                        g[o + ii] += t[ii] * (xk - a[o + ii]);
                    }
                } else {
                    for (int ii = 0; ii < m; ii++) {
                        g[o + ii] += t[ii] * xk;
                    }
                }
            }
        }
    }
}
