package org.mfgkit.core;

import java.util.random.RandomGenerator;

/**
 * A softmax policy {@code pi(a|s) ∝ exp(z(s,a))} held as its probability and log-probability
 * tables, computed once from the logits {@code z} (stably: {@code log pi = z - logSumExp_a z}). The
 * common part of {@link LogLinearPolicy} ({@code z = theta^T phi}) and {@link
 * MeanFieldSoftmaxPolicy} ({@code z = f_nu}); immutable.
 */
abstract class SoftmaxTablePolicy implements Policy {
    /** Number of states. */
    final int nS;

    /** Number of actions. */
    final int nA;

    /** {@code pi[s*nA + a]}. */
    final double[] pi;

    /** {@code logPi[s*nA + a]}. */
    final double[] logPi;

    /** From the logits {@code z[s*nA + a]} (read, not kept). */
    SoftmaxTablePolicy(int nS, int nA, double[] z) {
        this.nS = nS;
        this.nA = nA;
        this.pi = new double[nS * nA];
        this.logPi = new double[nS * nA];
        for (int s = 0; s < nS; s++) {
            int row = s * nA;
            double lse = Numerics.logSumExp(z, row, nA);
            for (int a = 0; a < nA; a++) {
                double lp = z[row + a] - lse;
                logPi[row + a] = lp;
                pi[row + a] = Math.exp(lp);
            }
        }
    }

    @Override
    public final int nS() {
        return nS;
    }

    @Override
    public final int nA() {
        return nA;
    }

    @Override
    public final double prob(int s, int a) {
        return pi[s * nA + a];
    }

    @Override
    public final double logProb(int s, int a) {
        return logPi[s * nA + a];
    }

    @Override
    public final void probabilities(int s, double[] out) {
        System.arraycopy(pi, s * nA, out, 0, nA);
    }

    @Override
    public final int sample(int s, RandomGenerator rng) {
        return RandomStreams.sampleCategorical(pi, s * nA, nA, rng);
    }

    /** {@code -sum_a pi(a|s) log pi(a|s)} from the stored log-probabilities. */
    @Override
    public final double entropy(int s) {
        double h = 0.0;
        for (int a = 0; a < nA; a++) {
            h -= pi[s * nA + a] * logPi[s * nA + a];
        }
        return h;
    }

    @Override
    public final double[] table() {
        return pi.clone();
    }

    @Override
    public final TabularPolicy toTabular() {
        return TabularPolicy.wrapUnchecked(nS, nA, pi.clone());
    }
}
