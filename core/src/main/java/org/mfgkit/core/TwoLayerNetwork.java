package org.mfgkit.core;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Single-hidden-layer network in the mean-field parameterisation (000 §2 eq. (7); SPEC §4): {@code
 * f(x) = (1/N) sum_i psi(x; w_i)}, {@code psi(x; w) = w0 * phi(x; wbar)}, with {@code phi} one of
 * the {@link Activation}s. Immutable.
 *
 * <p>Parameters are stored flat, one particle {@code w_i = (w0_i, wbar_i) ∈ R^{1+d}} after another:
 * {@code w[i*(d+1)]} is the output weight {@code w0_i} and {@code w[i*(d+1) + 1 + k]} the hidden
 * weight {@code wbar_{i,k}} ({@code k = 0..d-1}). The same layout is used for every per-particle
 * array (gradients, velocities).
 *
 * <p>Two batch kernels serve the policy-gradient flow over a tabulated {@link InputMap}: {@link
 * #energies} ({@code f(s,a)} for all pairs) and {@link #unitGradientSums} ({@code sum_{s,a} c(s,a)
 * ∇_w psi(x(s,a); w_i)} for all particles). Both are exact. For ReLU units on a product grid {@code
 * x = (u_s, v_a, 1)} they use that the active set of a unit along the action axis is an interval,
 * so each (particle, state) costs one bisection instead of a pass over the actions; otherwise a
 * blocked dense loop. Work is split into fixed blocks whose results do not depend on the number of
 * threads: serial and parallel runs are bit-identical.
 */
public final class TwoLayerNetwork {
    /** Block of (s,a) pairs processed together by the dense kernels. */
    static final int BLOCK = 512;

    /** Below this many unit evaluations a kernel runs on the calling thread only. */
    static final long PARALLEL_WORK = 1L << 16;

    private final Activation activation;

    /** Width {@code N}. */
    private final int n;

    /** Input dimension {@code d}. */
    private final int d;

    /** {@code w[i*(d+1) + k]}, see the class comment. */
    private final double[] w;

    private TwoLayerNetwork(Activation activation, int d, double[] w) {
        this.activation = activation;
        this.d = d;
        this.n = w.length / (d + 1);
        this.w = w;
    }

    /** A network with the given flat parameters (copied; layout in the class comment). */
    public static TwoLayerNetwork of(Activation activation, int inputDim, double[] params) {
        if (activation == null) {
            throw new IllegalArgumentException("activation is required");
        }
        if (inputDim <= 0) {
            throw new IllegalArgumentException("input dimension must be > 0, got " + inputDim);
        }
        if (params == null || params.length == 0 || params.length % (inputDim + 1) != 0) {
            throw new IllegalArgumentException(
                    "parameter vector has length "
                            + (params == null ? "null" : params.length)
                            + ", expected a positive multiple of inputDim+1 = "
                            + (inputDim + 1));
        }
        for (int j = 0; j < params.length; j++) {
            if (!Double.isFinite(params[j])) {
                throw new IllegalArgumentException(
                        "parameter "
                                + j
                                + " (particle "
                                + j / (inputDim + 1)
                                + ") is not finite ("
                                + params[j]
                                + ")");
            }
        }
        return new TwoLayerNetwork(activation, inputDim, params.clone());
    }

    /**
     * i.i.d. Gaussian initialisation (000 §5): {@code w0_i ~ N(0, outputStd^2)} and {@code
     * wbar_{i,k} ~ N(0, hiddenStd^2)}, drawn particle by particle ({@code w0} first). A standard
     * deviation of 0 gives zeros without consuming draws.
     */
    public static TwoLayerNetwork gaussian(
            Activation activation,
            int width,
            int inputDim,
            double outputStd,
            double hiddenStd,
            RandomGenerator rng) {
        if (width <= 0) {
            throw new IllegalArgumentException("network width must be > 0, got " + width);
        }
        if (inputDim <= 0) {
            throw new IllegalArgumentException("input dimension must be > 0, got " + inputDim);
        }
        if (!(outputStd >= 0.0)
                || !(hiddenStd >= 0.0)
                || Double.isInfinite(outputStd)
                || Double.isInfinite(hiddenStd)) {
            throw new IllegalArgumentException(
                    "initial standard deviations must be finite and >= 0, got "
                            + outputStd
                            + ", "
                            + hiddenStd);
        }
        int p = inputDim + 1;
        double[] w = new double[width * p];
        for (int i = 0; i < width; i++) {
            if (outputStd > 0.0) {
                w[i * p] = outputStd * rng.nextGaussian();
            }
            if (hiddenStd > 0.0) {
                for (int k = 0; k < inputDim; k++) {
                    w[i * p + 1 + k] = hiddenStd * rng.nextGaussian();
                }
            }
        }
        return of(activation, inputDim, w);
    }

    /** The same architecture with other parameters (copied, validated). */
    public TwoLayerNetwork withParameters(double[] params) {
        if (params == null || params.length != w.length) {
            throw new IllegalArgumentException(
                    "parameter vector has length "
                            + (params == null ? "null" : params.length)
                            + ", expected "
                            + w.length);
        }
        return of(activation, d, params);
    }

    /**
     * {@code w + scale * direction} (an explicit Euler or gradient step); {@code direction} has the
     * flat layout.
     */
    public TwoLayerNetwork plus(double scale, double[] direction) {
        if (direction.length != w.length) {
            throw new IllegalArgumentException(
                    "direction has length " + direction.length + ", expected " + w.length);
        }
        double[] next = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            next[j] = w[j] + scale * direction[j];
        }
        return of(activation, d, next);
    }

    /** The unit nonlinearity. */
    public Activation activation() {
        return activation;
    }

    /** Width {@code N} (number of particles). */
    public int width() {
        return n;
    }

    /** Input dimension {@code d}. */
    public int inputDim() {
        return d;
    }

    /** Number of parameters {@code N*(d+1)}. */
    public int parameterCount() {
        return w.length;
    }

    /** The parameters, flat (a copy). */
    public double[] parameters() {
        return w.clone();
    }

    /**
     * Parameter {@code k} of particle {@code i} ({@code k = 0}: {@code w0}; {@code k >= 1}: {@code
     * wbar_{k-1}}).
     */
    public double parameter(int i, int k) {
        return w[i * (d + 1) + k];
    }

    /** Particle {@code i} as a fresh array {@code (w0, wbar)}. */
    public double[] particle(int i) {
        return Arrays.copyOfRange(w, i * (d + 1), (i + 1) * (d + 1));
    }

    /** {@code f(x)}. */
    public double value(double[] x) {
        requireInput(x);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += unit(activation, w, i * (d + 1), x, 0, d);
        }
        return sum / n;
    }

    /** {@code psi(x; w_i) = w0_i phi(x; wbar_i)}. */
    public double unitValue(int i, double[] x) {
        requireInput(x);
        return unit(activation, w, i * (d + 1), x, 0, d);
    }

    /**
     * Writes {@code ∇_w f(x)} with respect to all parameters into {@code out} (flat layout; it
     * equals {@code (1/N) ∇_{w_i} psi(x; w_i)} in the block of particle {@code i}) and returns
     * {@code f(x)}.
     */
    public double gradient(double[] x, double[] out) {
        requireInput(x);
        if (out.length != w.length) {
            throw new IllegalArgumentException(
                    "gradient buffer has length " + out.length + ", expected " + w.length);
        }
        int p = d + 1;
        double sum = 0.0;
        double invN = 1.0 / n;
        for (int i = 0; i < n; i++) {
            sum += unitGradient(activation, w, i * p, x, 0, d, out, i * p);
            for (int k = 0; k < p; k++) {
                out[i * p + k] *= invN;
            }
        }
        return sum / n;
    }

    /** {@code f(x(s,a))} for all pairs, flat {@code [s*nA + a]} (parallel when large). */
    public double[] energies(InputMap inputs) {
        return energies(inputs, isLarge(inputs));
    }

    /**
     * {@code f(x(s,a))} for all pairs; {@code parallel} chooses whether to use the common fork-join
     * pool.
     */
    public double[] energies(InputMap inputs, boolean parallel) {
        requireInputs(inputs);
        return useGridPath(inputs)
                ? energiesReluGrid(inputs, parallel)
                : energiesDense(inputs, parallel);
    }

    /**
     * For all particles {@code i}, {@code out_i = sum_{s,a} c[s*nA+a] ∇_w psi(x(s,a); w_i)} (flat
     * layout, a fresh array). With {@code c = varrho(s) pi(a|s) (G(s,a) - E_pi G(s,.))} this is the
     * velocity field of eq. (9); with {@code c(s,a) = dL/df(s,a)} it is {@code N ∇_w L(f)} (chain
     * rule through the energies). Parallel when large.
     */
    public double[] unitGradientSums(InputMap inputs, double[] c) {
        return unitGradientSums(inputs, c, isLarge(inputs));
    }

    /** As {@link #unitGradientSums(InputMap, double[])} with an explicit choice of parallelism. */
    public double[] unitGradientSums(InputMap inputs, double[] c, boolean parallel) {
        requireInputs(inputs);
        if (c == null || c.length != inputs.nS() * inputs.nA()) {
            throw new IllegalArgumentException(
                    "weight table has length "
                            + (c == null ? "null" : c.length)
                            + ", expected nS*nA = "
                            + inputs.nS() * inputs.nA());
        }
        return useGridPath(inputs)
                ? sumsReluGrid(inputs, c, parallel)
                : sumsDense(inputs, c, parallel);
    }

    /**
     * {@code sum_{s,a} c[s*nA+a] ∇_w psi(x(s,a); omega)} for one arbitrary particle {@code omega =
     * (w0, wbar)} (dense path), written into {@code out[0..d]}. Probes the velocity field off the
     * particles.
     */
    public static void unitGradientSum(
            Activation activation, double[] omega, InputMap inputs, double[] c, double[] out) {
        int d = inputs.dim();
        if (omega.length != d + 1 || out.length != d + 1) {
            throw new IllegalArgumentException(
                    "particle and output must have length d+1 = " + (d + 1));
        }
        if (c.length != inputs.nS() * inputs.nA()) {
            throw new IllegalArgumentException(
                    "weight table has length "
                            + c.length
                            + ", expected "
                            + inputs.nS() * inputs.nA());
        }
        sumsDenseBlock(activation, d, omega, 0, 1, inputs.tableArray(), c, c.length, out);
    }

    // ---------------------------------------------------------------- single-unit helpers

    /** Pre-activation: {@code wbar . x} (ridge) or {@code ||x - wbar||^2} (radial). */
    static double preActivation(Activation act, double[] w, int wOff, double[] x, int xOff, int d) {
        double z = 0.0;
        if (act.radial()) {
            for (int k = 0; k < d; k++) {
                double diff = x[xOff + k] - w[wOff + 1 + k];
                z += diff * diff;
            }
        } else {
            for (int k = 0; k < d; k++) {
                z += w[wOff + 1 + k] * x[xOff + k];
            }
        }
        return z;
    }

    /** {@code psi(x; w)} for the particle at {@code w[wOff..wOff+d]}. */
    static double unit(Activation act, double[] w, int wOff, double[] x, int xOff, int d) {
        return w[wOff] * act.value(preActivation(act, w, wOff, x, xOff, d));
    }

    /**
     * Writes {@code ∇_w psi(x; w)} into {@code out[outOff..outOff+d]}; returns {@code psi(x; w)}.
     */
    static double unitGradient(
            Activation act,
            double[] w,
            int wOff,
            double[] x,
            int xOff,
            int d,
            double[] out,
            int outOff) {
        double w0 = w[wOff];
        double z = preActivation(act, w, wOff, x, xOff, d);
        double phi = act.value(z);
        out[outOff] = phi;
        if (act.radial()) {
            // ∇_c exp(-||x-c||^2/2) = phi * (x - c)
            for (int k = 0; k < d; k++) {
                out[outOff + 1 + k] = w0 * phi * (x[xOff + k] - w[wOff + 1 + k]);
            }
        } else {
            double g = w0 * act.derivative(z);
            for (int k = 0; k < d; k++) {
                out[outOff + 1 + k] = g * x[xOff + k];
            }
        }
        return w0 * phi;
    }

    // ---------------------------------------------------------------- dense kernels

    /**
     * Energies, blocked over (s,a) pairs: for each block, particles in the outer loop and the pairs
     * of the block in the inner loop over the coordinate-major inputs (contiguous, so the ReLU loop
     * vectorises).
     */
    private double[] energiesDense(InputMap inputs, boolean parallel) {
        int nSA = inputs.nS() * inputs.nA();
        double[] xt = inputs.columnArray();
        double[] f = new double[nSA];
        int blocks = (nSA + BLOCK - 1) / BLOCK;
        forEach(
                blocks,
                parallel,
                b -> {
                    int j0 = b * BLOCK;
                    int len = Math.min(BLOCK, nSA - j0);
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
    private static final int PARTICLE_BLOCK = 64;

    /**
     * {@code 2^537}: {@code min(1, (h * 2^537) * 2^537)} is exactly {@code 1{h > 0}} for every
     * finite {@code h >= 0}.
     */
    private static final double STEP_SCALE = 0x1p537;

    private double[] sumsDense(InputMap inputs, double[] c, boolean parallel) {
        int nSA = c.length;
        double[] x = inputs.tableArray();
        double[] out = new double[w.length];
        int blocks = (n + PARTICLE_BLOCK - 1) / PARTICLE_BLOCK;
        forEach(
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
    private static void sumsDenseBlock(
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

    // ---------------------------------------------------------------- ReLU on a product grid

    private boolean useGridPath(InputMap inputs) {
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
    private double[] energiesReluGrid(InputMap inputs, boolean parallel) {
        int nS = inputs.nS();
        int nA = inputs.nA();
        double[] u = inputs.gridStatesArray();
        double[] v = inputs.gridActionsArray();
        double invH = inverseSpacing(v);
        double[] f = new double[nS * nA];
        int perBlock = Math.max(1, 4096 / Math.max(1, n));
        int blocks = (nS + perBlock - 1) / perBlock;
        forEach(
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
    private double[] sumsReluGrid(InputMap inputs, double[] c, boolean parallel) {
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
        forEach(
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

    // ---------------------------------------------------------------- plumbing

    /** Package-private: forces the dense kernel (to test the grid path against it). */
    double[] energiesDenseForTest(InputMap inputs) {
        requireInputs(inputs);
        return energiesDense(inputs, false);
    }

    /** Package-private: forces the dense kernel (to test the grid path against it). */
    double[] unitGradientSumsDenseForTest(InputMap inputs, double[] c) {
        requireInputs(inputs);
        return sumsDense(inputs, c, false);
    }

    private boolean isLarge(InputMap inputs) {
        return (long) n * inputs.nS() * inputs.nA() >= PARALLEL_WORK;
    }

    private static void forEach(int blocks, boolean parallel, IntConsumer body) {
        if (parallel && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(body);
        } else {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
        }
    }

    private void requireInput(double[] x) {
        if (x == null || x.length != d) {
            throw new IllegalArgumentException(
                    "input has length " + (x == null ? "null" : x.length) + ", expected d = " + d);
        }
    }

    private void requireInputs(InputMap inputs) {
        if (inputs.dim() != d) {
            throw new IllegalArgumentException(
                    "input map has dimension " + inputs.dim() + ", the network expects " + d);
        }
    }

    @Override
    public String toString() {
        return "TwoLayerNetwork[" + activation.label() + ", N=" + n + ", d=" + d + "]";
    }
}
