package org.mfgkit.core;

import java.util.random.RandomGenerator;

/**
 * A stationary stochastic policy {@code pi(a|s)} over finite states and actions. Implementations
 * are immutable.
 */
public interface Policy {
    /** Number of states. */
    int nS();

    /** Number of actions. */
    int nA();

    /** {@code pi(a|s)}. */
    double prob(int s, int a);

    /** {@code log pi(a|s)} ({@code -inf} where the probability is 0). */
    default double logProb(int s, int a) {
        return Math.log(prob(s, a));
    }

    /** Writes {@code pi(.|s)} into {@code out[0..nA-1]}. */
    default void probabilities(int s, double[] out) {
        for (int a = 0; a < nA(); a++) {
            out[a] = prob(s, a);
        }
    }

    /** Samples an action in state {@code s}. */
    default int sample(int s, RandomGenerator rng) {
        double[] p = new double[nA()];
        probabilities(s, p);
        return RandomStreams.sampleCategorical(p, rng);
    }

    /** Entropy {@code H(pi(.|s))} in nats. */
    default double entropy(int s) {
        double[] p = new double[nA()];
        probabilities(s, p);
        return Numerics.entropy(p);
    }

    /** The probabilities as a flat table {@code [s*nA + a]} (a fresh array). */
    default double[] table() {
        int nA = nA();
        double[] t = new double[nS() * nA];
        double[] row = new double[nA];
        for (int s = 0; s < nS(); s++) {
            probabilities(s, row);
            System.arraycopy(row, 0, t, s * nA, nA);
        }
        return t;
    }

    /** This policy as an explicit table. */
    default TabularPolicy toTabular() {
        return TabularPolicy.ofTable(nS(), nA(), table());
    }
}
