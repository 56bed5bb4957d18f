package org.mfgkit.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;

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
 * threads: serial and parallel runs are bit-identical. The kernels live in {@link DenseKernels},
 * {@link ReluGridKernels} and {@link KernelThreads}; this class is the model.
 */
public final class TwoLayerNetwork {
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
        return energies(inputs, KernelThreads.isLarge(n, inputs));
    }

    /**
     * {@code f(x(s,a))} for all pairs; {@code parallel} chooses whether to use the common fork-join
     * pool.
     */
    public double[] energies(InputMap inputs, boolean parallel) {
        requireInputs(inputs);
        return ReluGridKernels.useGridPath(activation, d, inputs)
                ? ReluGridKernels.energiesReluGrid(activation, w, n, d, inputs, parallel)
                : DenseKernels.energiesDense(activation, w, n, d, inputs, parallel);
    }

    /**
     * For all particles {@code i}, {@code out_i = sum_{s,a} c[s*nA+a] ∇_w psi(x(s,a); w_i)} (flat
     * layout, a fresh array). With {@code c = varrho(s) pi(a|s) (G(s,a) - E_pi G(s,.))} this is the
     * velocity field of eq. (9); with {@code c(s,a) = dL/df(s,a)} it is {@code N ∇_w L(f)} (chain
     * rule through the energies). Parallel when large.
     */
    public double[] unitGradientSums(InputMap inputs, double[] c) {
        return unitGradientSums(inputs, c, KernelThreads.isLarge(n, inputs));
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
        return ReluGridKernels.useGridPath(activation, d, inputs)
                ? ReluGridKernels.sumsReluGrid(activation, w, n, d, inputs, c, parallel)
                : DenseKernels.sumsDense(activation, w, n, d, inputs, c, parallel);
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
        DenseKernels.sumsDenseBlock(
                activation, d, omega, 0, 1, inputs.tableArray(), c, c.length, out);
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

    // ---------------------------------------------------------------- checks

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
