package org.mfgkit.mdp;

import java.util.Arrays;
import org.mfgkit.core.Tolerances;

/**
 * A transition kernel {@code P(s'|s,a)} that stores only the reachable next states of each
 * state-action pair (compressed rows). Row {@code i = s*nA + a} owns the entries {@code k =
 * start[i] .. start[i+1]-1}: next state {@code next[k]} with probability {@code prob[k]}, the next
 * states of a row distinct and increasing (so pairs with the same successors sum them in the same
 * order, and exact ties between their Q-values stay exact, as with a dense table). Memory is {@code
 * 4*(S*A+1) + 12*nnz} bytes, independent of {@code S^2}: a 1000 x 1000 grid with 5 actions and 5
 * next states per pair is about 320 MB, where the dense table would be 40 TB. Immutable.
 */
public final class SparseKernel {
    private final int nS;
    private final int nA;

    /** {@code start[i]}: first entry of row {@code i = s*nA + a}; {@code start[S*A] = nnz}. */
    private final int[] start;

    /** {@code next[k]}: the next state of entry {@code k}. */
    private final int[] next;

    /** {@code prob[k]}: its probability. */
    private final double[] prob;

    private SparseKernel(int nS, int nA, int[] start, int[] next, double[] prob) {
        this.nS = nS;
        this.nA = nA;
        this.start = start;
        this.next = next;
        this.prob = prob;
    }

    /**
     * The kernel of a dense table {@code p[(s*nA + a)*nS + s2]} (not modified), keeping the
     * non-zero entries; rows must be distributions.
     */
    public static SparseKernel fromDense(double[] p, int nS, int nA) {
        if (p.length != nS * nA * nS) {
            throw new IllegalArgumentException(
                    "dense kernel must have length nS*nA*nS = "
                            + (long) nS * nA * nS
                            + ", got "
                            + p.length);
        }
        RowWriter b = new RowWriter(nS, nA, nS * nA);
        for (int i = 0; i < nS * nA; i++) {
            for (int s2 = 0; s2 < nS; s2++) {
                double w = p[i * nS + s2];
                if (w != 0.0) {
                    b.add(s2, w);
                }
            }
            b.endRow();
        }
        return b.build();
    }

    /** Number of states. */
    public int nS() {
        return nS;
    }

    /** Number of actions. */
    public int nA() {
        return nA;
    }

    /** Number of stored entries. */
    public int nnz() {
        return start[nS * nA];
    }

    /** Largest number of next states of one state-action pair (the {@code k} of the cost). */
    public int maxRowLength() {
        int k = 0;
        for (int i = 0; i < nS * nA; i++) {
            k = Math.max(k, start[i + 1] - start[i]);
        }
        return k;
    }

    /** First entry of row {@code i = s*nA + a}; the row ends at {@code start(i + 1)}. */
    public int start(int i) {
        return start[i];
    }

    /** Next state of entry {@code k}. */
    public int next(int k) {
        return next[k];
    }

    /** Probability of entry {@code k}. */
    public double prob(int k) {
        return prob[k];
    }

    /** {@code sum_s' P(s'|s,a) v[s']} for row {@code i = s*nA + a}. */
    public double expect(int i, double[] v) {
        double sum = 0.0;
        for (int k = start[i]; k < start[i + 1]; k++) {
            sum += prob[k] * v[next[k]];
        }
        return sum;
    }

    /** Adds {@code w * P(.|s,a)} into {@code out} for row {@code i = s*nA + a}. */
    public void push(int i, double w, double[] out) {
        for (int k = start[i]; k < start[i + 1]; k++) {
            out[next[k]] += w * prob[k];
        }
    }

    /** The dense table {@code [(s*nA + a)*nS + s2]} (a fresh array; for small kernels). */
    public double[] toDense() {
        double[] p = new double[Math.multiplyExact(Math.multiplyExact(nS, nA), nS)];
        for (int i = 0; i < nS * nA; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                p[i * nS + next[k]] += prob[k];
            }
        }
        return p;
    }

    /**
     * Builds a kernel row by row ({@code s = 0..nS-1}, within it {@code a = 0..nA-1}): {@link #add}
     * the next states of the row (a repeated next state accumulates), then {@link #endRow}. {@link
     * #build} checks that every row is a distribution.
     */
    public static final class RowWriter {
        private final int nS;
        private final int nA;
        private final int[] start;
        private int[] next;
        private double[] prob;
        private int row;
        private int size;

        /** For a kernel with about {@code capacity} entries (grown when needed). */
        public RowWriter(int nS, int nA, int capacity) {
            if (nS <= 0 || nA <= 0) {
                throw new IllegalArgumentException(
                        "kernel needs nS > 0 and nA > 0, got nS=" + nS + ", nA=" + nA);
            }
            this.nS = nS;
            this.nA = nA;
            this.start = new int[Math.multiplyExact(nS, nA) + 1];
            int c = Math.max(capacity, 1);
            this.next = new int[c];
            this.prob = new double[c];
        }

        /** Adds probability {@code p >= 0} of moving to {@code s2} to the current row. */
        public RowWriter add(int s2, double p) {
            if (row >= nS * nA) {
                throw new IllegalStateException("all " + nS * nA + " rows are already complete");
            }
            if (s2 < 0 || s2 >= nS) {
                throw new IllegalArgumentException(
                        "next state " + s2 + " outside 0.." + (nS - 1) + " in row " + row);
            }
            if (!(p >= 0.0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException(
                        "transition probability must be finite and >= 0, got "
                                + p
                                + " in row "
                                + row);
            }
            for (int k = start[row]; k < size; k++) {
                if (next[k] == s2) {
                    prob[k] += p;
                    return this;
                }
            }
            if (size == next.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
                next = Arrays.copyOf(next, grown);
                prob = Arrays.copyOf(prob, grown);
            }
            next[size] = s2;
            prob[size] = p;
            size++;
            return this;
        }

        /** Closes the current row {@code (s, a)} and moves to the next one. */
        public RowWriter endRow() {
            if (row >= nS * nA) {
                throw new IllegalStateException("all " + nS * nA + " rows are already complete");
            }
            double sum = 0.0;
            for (int k = start[row]; k < size; k++) {
                sum += prob[k];
            }
            if (Math.abs(sum - 1.0) > Tolerances.SIMPLEX) {
                throw new IllegalArgumentException(
                        "transition row (s,a) = ("
                                + row / nA
                                + ","
                                + row % nA
                                + ") sums to "
                                + sum
                                + ", not 1");
            }
            // next states in increasing order (insertion sort of the few entries): two pairs with
            // the same successors then sum them in the same order, so exact ties in Q stay exact
            for (int k = start[row] + 1; k < size; k++) {
                int n = next[k];
                double q = prob[k];
                int j = k - 1;
                while (j >= start[row] && next[j] > n) {
                    next[j + 1] = next[j];
                    prob[j + 1] = prob[j];
                    j--;
                }
                next[j + 1] = n;
                prob[j + 1] = q;
            }
            row++;
            start[row] = size;
            return this;
        }

        /** The kernel; every row must have been closed. */
        public SparseKernel build() {
            if (row != nS * nA) {
                throw new IllegalStateException(
                        "kernel has " + row + " complete rows, expected nS*nA = " + nS * nA);
            }
            return new SparseKernel(
                    nS,
                    nA,
                    start,
                    size == next.length ? next : Arrays.copyOf(next, size),
                    size == prob.length ? prob : Arrays.copyOf(prob, size));
        }
    }
}
