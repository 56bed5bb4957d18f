package org.mfgkit.core;

/**
 * The softmax policy of a mean-field energy (000 eq. (8); SPEC §4): {@code pi_nu(a|s) ∝
 * exp(f_nu(s,a))} over a finite (gridded) action set, with {@code f_nu(s,a) = f(x(s,a))} a {@link
 * TwoLayerNetwork}. Immutable: the energies, probabilities and log-probabilities (stably, {@code f
 * - logSumExp f}) are computed once at construction. Usable wherever a {@link Policy} is expected.
 */
public final class MeanFieldSoftmaxPolicy extends SoftmaxTablePolicy {
    private final TwoLayerNetwork network;
    private final InputMap inputs;

    /** {@code f[s*nA + a] = f_nu(s,a)}. */
    private final double[] f;

    private MeanFieldSoftmaxPolicy(TwoLayerNetwork network, InputMap inputs, double[] f) {
        super(inputs.nS(), inputs.nA(), f);
        this.network = network;
        this.inputs = inputs;
        this.f = f;
    }

    /** The policy of {@code network} on the inputs {@code x(s,a)}. */
    public static MeanFieldSoftmaxPolicy of(TwoLayerNetwork network, InputMap inputs) {
        return new MeanFieldSoftmaxPolicy(network, inputs, network.energies(inputs));
    }

    /** The network. */
    public TwoLayerNetwork network() {
        return network;
    }

    /** The input map {@code x(s,a)}. */
    public InputMap inputs() {
        return inputs;
    }

    /** {@code f_nu(s,a)}. */
    public double energy(int s, int a) {
        return f[s * nA + a];
    }

    /** The energies {@code [s*nA + a]} (a copy). */
    public double[] energies() {
        return f.clone();
    }

    /** The log-probabilities {@code [s*nA + a]} (a copy). */
    public double[] logTable() {
        return logPi.clone();
    }

    /** Internal probability table (no copy; read only) for hot loops in this package. */
    double[] tableArray() {
        return pi;
    }

    /** Internal log-probability table (no copy; read only) for hot loops in this package. */
    double[] logTableArray() {
        return logPi;
    }

    /**
     * Score {@code ∇_w log pi(a|s)} with respect to all network parameters (flat layout of {@link
     * TwoLayerNetwork}): {@code (1/N) (∇_{w_i} psi(x(s,a); w_i) - sum_a' pi(a'|s) ∇_{w_i}
     * psi(x(s,a'); w_i))} (000 §2, the display before eq. (9)).
     */
    public void score(int s, int a, double[] out) {
        requireScoreBuffer(network, out);
        accumulateScore(
                network, inputs.tableArray(), s * nA * inputs.dim(), pi, s * nA, nA, a, out);
    }

    /**
     * The policy at one state given by its per-action inputs, without tabulating states (for agents
     * with continuous observations): {@code out[a] = exp(f(x_a)) / sum_b exp(f(x_b))}, with {@code
     * inputs[a*d + k] = x_k(s, a)}, {@code a = 0..nA-1}, {@code nA = out.length}.
     */
    public static void probabilities(TwoLayerNetwork network, double[] inputs, double[] out) {
        int d = network.inputDim();
        int nA = out.length;
        if (nA == 0 || inputs.length != nA * d) {
            throw new IllegalArgumentException(
                    "inputs have length " + inputs.length + ", expected nA*d = " + nA * d);
        }
        double[] x = new double[d];
        for (int a = 0; a < nA; a++) {
            System.arraycopy(inputs, a * d, x, 0, d);
            out[a] = network.value(x);
        }
        Numerics.softmax(out, out);
    }

    /**
     * Score {@code ∇_w log pi(a|s)} at one state given by its per-action inputs (layout of {@link
     * #probabilities(TwoLayerNetwork, double[], double[])}; {@code nA = inputs.length / d}),
     * written into {@code out} (length {@link TwoLayerNetwork#parameterCount()}).
     */
    public static void score(TwoLayerNetwork network, double[] inputs, int a, double[] out) {
        int d = network.inputDim();
        if (inputs.length == 0 || inputs.length % d != 0) {
            throw new IllegalArgumentException(
                    "inputs have length "
                            + inputs.length
                            + ", not a positive multiple of d = "
                            + d);
        }
        int nA = inputs.length / d;
        if (a < 0 || a >= nA) {
            throw new IllegalArgumentException("action " + a + " is outside 0.." + (nA - 1));
        }
        requireScoreBuffer(network, out);
        double[] pi = new double[nA];
        probabilities(network, inputs, pi);
        accumulateScore(network, inputs, 0, pi, 0, nA, a, out);
    }

    private static void requireScoreBuffer(TwoLayerNetwork network, double[] out) {
        int size = network.parameterCount();
        if (out.length != size) {
            throw new IllegalArgumentException(
                    "score buffer has length " + out.length + ", expected " + size);
        }
    }

    /**
     * {@code out = sum_b (1{b = a} - pi_b) ∇_w psi(x_b)} (overwritten), the score at one state,
     * with {@code x_b = x[xFrom + b*d .. +d]} and {@code pi_b = pi[piFrom + b]}, {@code b =
     * 0..nA-1}.
     */
    private static void accumulateScore(
            TwoLayerNetwork network,
            double[] x,
            int xFrom,
            double[] pi,
            int piFrom,
            int nA,
            int a,
            double[] out) {
        int d = network.inputDim();
        int size = network.parameterCount();
        double[] xb = new double[d];
        double[] g = new double[size];
        java.util.Arrays.fill(out, 0.0);
        for (int b = 0; b < nA; b++) {
            System.arraycopy(x, xFrom + b * d, xb, 0, d);
            network.gradient(xb, g);
            double weight = (b == a ? 1.0 : 0.0) - pi[piFrom + b];
            for (int j = 0; j < size; j++) {
                out[j] += weight * g[j];
            }
        }
    }
}
