package org.mfgkit.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.mfgkit.core.param.Checks;

/** A policy given by an explicit probability table {@code pi[s*nA + a]} (rows validated). */
public final class TabularPolicy implements Policy {
    private final int nS;
    private final int nA;

    /** {@code pi[s*nA + a] = pi(a|s)}. */
    private final double[] pi;

    private TabularPolicy(int nS, int nA, double[] pi) {
        this.nS = nS;
        this.nA = nA;
        this.pi = pi;
    }

    /** From a flat table {@code [s*nA + a]} (copied, validated row by row). */
    public static TabularPolicy ofTable(int nS, int nA, double[] table) {
        requireShape(nS, nA);
        if (table.length != nS * nA) {
            throw new IllegalArgumentException(
                    "policy table has length " + table.length + ", expected nS*nA = " + nS * nA);
        }
        Simplex.requireStochasticRows("policy", table, nA);
        return new TabularPolicy(nS, nA, table.clone());
    }

    /** From {@code probabilities[s][a]} (validated: rectangular, rows are distributions). */
    public static TabularPolicy of(double[][] probabilities) {
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException(
                    "policy: probabilities must have at least one state row");
        }
        int nA = probabilities[0] == null ? 0 : probabilities[0].length;
        double[] flat = new double[probabilities.length * nA];
        for (int s = 0; s < probabilities.length; s++) {
            if (probabilities[s] == null || probabilities[s].length != nA) {
                throw new IllegalArgumentException(
                        "policy: state row "
                                + s
                                + " has "
                                + (probabilities[s] == null ? 0 : probabilities[s].length)
                                + " actions, expected "
                                + nA);
            }
            System.arraycopy(probabilities[s], 0, flat, s * nA, nA);
        }
        return ofTable(probabilities.length, nA, flat);
    }

    /** The uniform policy. */
    public static TabularPolicy uniform(int nS, int nA) {
        requireShape(nS, nA);
        double[] t = new double[nS * nA];
        Arrays.fill(t, 1.0 / nA);
        return new TabularPolicy(nS, nA, t);
    }

    /** The deterministic policy choosing {@code actions[s]}. */
    public static TabularPolicy deterministic(int nA, int[] actions) {
        requireShape(actions.length, nA);
        double[] t = new double[actions.length * nA];
        for (int s = 0; s < actions.length; s++) {
            if (actions[s] < 0 || actions[s] >= nA) {
                throw new IllegalArgumentException(
                        "deterministic policy: action "
                                + actions[s]
                                + " of state "
                                + s
                                + " is outside 0.."
                                + (nA - 1));
            }
            t[s * nA + actions[s]] = 1.0;
        }
        return new TabularPolicy(actions.length, nA, t);
    }

    /**
     * The softmax policy {@code pi(a|s) ∝ exp(q[s*nA+a]/temperature)}; temperature 0 gives the
     * greedy policy, uniform over exact ties (see {@link Numerics#softmax(double[], int, double[],
     * int, int, double)}).
     */
    public static TabularPolicy softmax(int nS, int nA, double[] q, double temperature) {
        requireShape(nS, nA);
        if (q.length != nS * nA) {
            throw new IllegalArgumentException(
                    "softmax policy: logits have length " + q.length + ", expected " + nS * nA);
        }
        double[] t = new double[nS * nA];
        for (int s = 0; s < nS; s++) {
            Numerics.softmax(q, s * nA, t, s * nA, nA, temperature);
        }
        return new TabularPolicy(nS, nA, t);
    }

    /** Wraps an already validated table without copying (package-private fast path). */
    static TabularPolicy wrapUnchecked(int nS, int nA, double[] table) {
        return new TabularPolicy(nS, nA, table);
    }

    @Override
    public int nS() {
        return nS;
    }

    @Override
    public int nA() {
        return nA;
    }

    @Override
    public double prob(int s, int a) {
        return pi[s * nA + a];
    }

    @Override
    public void probabilities(int s, double[] out) {
        System.arraycopy(pi, s * nA, out, 0, nA);
    }

    @Override
    public int sample(int s, RandomGenerator rng) {
        return RandomStreams.sampleCategorical(pi, s * nA, nA, rng);
    }

    @Override
    public double entropy(int s) {
        return Numerics.entropy(pi, s * nA, nA);
    }

    @Override
    public double[] table() {
        return pi.clone();
    }

    @Override
    public TabularPolicy toTabular() {
        return this;
    }

    /** {@code probabilities[s][a]}, e.g. for the policy-file format of SPEC §6. */
    public double[][] toArray() {
        double[][] out = new double[nS][nA];
        for (int s = 0; s < nS; s++) {
            System.arraycopy(pi, s * nA, out[s], 0, nA);
        }
        return out;
    }

    /** The mixture {@code (1-w) * this + w * other} (fictitious play, damping). */
    public TabularPolicy mix(Policy other, double w) {
        if (other.nS() != nS || other.nA() != nA) {
            throw new IllegalArgumentException("mix: shapes differ");
        }
        Checks.requireReal("mix weight", w, Checks.unitInterval());
        double[] o = other.table();
        double[] t = new double[pi.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (1.0 - w) * pi[i] + w * o[i];
        }
        return new TabularPolicy(nS, nA, t);
    }

    private static void requireShape(int nS, int nA) {
        if (nS <= 0 || nA <= 0) {
            throw new IllegalArgumentException(
                    "policy needs nS > 0 and nA > 0, got nS=" + nS + ", nA=" + nA);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularPolicy t && t.nS == nS && t.nA == nA && Arrays.equals(t.pi, pi);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * nS + nA) + Arrays.hashCode(pi);
    }

    @Override
    public String toString() {
        return "TabularPolicy" + Arrays.deepToString(toArray());
    }
}
