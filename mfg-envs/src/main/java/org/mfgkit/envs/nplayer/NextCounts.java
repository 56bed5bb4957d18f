package org.mfgkit.envs.nplayer;

import java.util.HashMap;
import java.util.Map;

/**
 * The distribution of the other players' next counts: given the counts {@code c} of the {@code N-1}
 * others and, for each state {@code s}, the distribution {@code q_s(s')} of where one of them moves
 * (its action drawn from the policy, then the transition at the current empirical distribution),
 * the next counts are the sum over {@code s} of independent {@code Multinomial(c_s, q_s)}: a
 * convolution of multinomials. Every binomial factor is truncated to the window holding all but its
 * share of {@link #eps} (see {@link BinomialWindow}), so each row has lost at most {@code eps} of
 * its mass and is renormalised to sum 1.
 *
 * <p>Two implementations: {@link TwoState} (two states: a convolution of two binomials on arrays,
 * the fast path) and {@link General} (any number of states, sparse maps).
 */
abstract class NextCounts {
    /** The largest total probability a row may lose to truncation. */
    final double eps;

    final Configurations configs;

    NextCounts(Configurations configs, double eps) {
        this.configs = configs;
        this.eps = eps;
    }

    /** The fast path for two states, the general one otherwise. */
    static NextCounts of(Configurations configs, double eps) {
        return configs.states() == 2 ? new TwoState(configs, eps) : new General(configs, eps);
    }

    /**
     * Fills {@code out} with the distribution of the next configuration.
     *
     * @param counts the current counts {@code c[s]} of the others (not modified)
     * @param move {@code move[s*nS + s2] = q_s(s2)} (not modified)
     */
    abstract void distribution(int[] counts, double[] move, CountRow out);

    /**
     * Writes into {@code range} an interval of ranks {@code [range[0], range[1]]} that holds every
     * rank {@link #distribution} can return for these arguments, cheaply (without computing the
     * probabilities); returns false when this implementation cannot bound it so (then every
     * configuration counts as reachable).
     */
    boolean support(int[] counts, double[] move, int[] range) {
        return false;
    }

    /**
     * Fills {@code out} with the distribution of the counts of {@code n} players drawn iid from
     * {@code start}: all of them "move" from state 0 by {@code start}.
     */
    void initial(double[] start, CountRow out) {
        int m = configs.states();
        int[] counts = new int[m];
        counts[0] = configs.players();
        double[] move = new double[m * m];
        System.arraycopy(start, 0, move, 0, m);
        distribution(counts, move, out);
    }

    /** A sparse distribution over configuration ranks (a reusable buffer). */
    static final class CountRow {
        /** Number of entries. */
        int len;

        /** Configuration ranks. */
        int[] rank = new int[16];

        /** Their probabilities (summing to 1). */
        double[] prob = new double[16];

        /** True when {@code rank[i] = rank[0] + i} for every entry. */
        boolean contiguous;

        void ensure(int n) {
            if (rank.length < n) {
                int size = Math.max(n, 2 * rank.length);
                rank = java.util.Arrays.copyOf(rank, size);
                prob = java.util.Arrays.copyOf(prob, size);
            }
        }

        /** A copy trimmed to its length. */
        CountRow copy() {
            CountRow r = new CountRow();
            r.len = len;
            r.rank = java.util.Arrays.copyOf(rank, len);
            r.prob = java.util.Arrays.copyOf(prob, len);
            r.contiguous = contiguous;
            return r;
        }
    }

    /**
     * Two states: {@code c'_0 = B_0 + B_1} with {@code B_0 ~ Bin(c_0, q_0(0))} (those staying in 0)
     * and {@code B_1 ~ Bin(c_1, q_1(0))} (those moving from 1 to 0); the rank is {@code c'_0}. The
     * probabilities {@code f(m)} of the sum are computed in {@code O(window)} by the three-term
     * recurrence that the generating function {@code G = (q0 + p0 z)^n0 (q1 + p1 z)^n1} satisfies
     * through {@code (q0 + p0 z)(q1 + p1 z) G' = (beta0 + beta1 z) G}:
     *
     * <pre>
     * q0 q1 (m+1) f(m+1) = (beta0 - alpha m) f(m) + p0 p1 (n - m + 1) f(m-1),
     * alpha = q0 p1 + p0 q1,  beta0 = n0 p0 q1 + n1 p1 q0,  n = n0 + n1
     * </pre>
     *
     * run upward from the lower end of a Bernstein window (outside of which the true mass is below
     * {@code 1e-30}) while {@code beta0 - alpha m > 0}, and downward from its upper end where it is
     * negative, so every step adds positive terms (no cancellation); the two halves are matched at
     * the turning point and normalised. The unknown start values ({@code 0, 1}) only perturb the
     * far tails: the spurious solution decays towards the bulk. Then both tails are trimmed at
     * {@code eps/2} of the mass each. Degenerate binomials ({@code n = 0}, {@code p} 0 or 1) shift
     * the other one's window.
     */
    static final class TwoState extends NextCounts {
        /** {@code -log} of the mass a Bernstein window may leave out ({@code e^-69 < 1e-30}). */
        private static final double WINDOW_LOG = 69.0;

        private final BinomialWindow single = new BinomialWindow();
        private final int[] bounds = new int[2];
        private double[] f = new double[64];

        /** {@code inv[k] = 1/k} for {@code k = 1..n+1}. */
        private final double[] inv;

        TwoState(Configurations configs, double eps) {
            super(configs, eps);
            this.inv = new double[configs.players() + 2];
            for (int k = 1; k < inv.length; k++) {
                inv[k] = 1.0 / k;
            }
        }

        @Override
        void distribution(int[] counts, double[] move, CountRow out) {
            int n0 = counts[0];
            int n1 = counts[1];
            double p0 = clamp(move[0]);
            double p1 = clamp(move[2]);
            boolean point0 = n0 == 0 || p0 == 0.0 || p0 == 1.0;
            boolean point1 = n1 == 0 || p1 == 0.0 || p1 == 1.0;
            if (point0 || point1) {
                // a point mass shifts the other binomial (or both are points)
                int shift = (point0 && p0 == 1.0 ? n0 : 0) + (point1 && p1 == 1.0 ? n1 : 0);
                if (point0 && point1) {
                    single.fill(0, 0.0, eps);
                } else if (point0) {
                    single.fill(n1, p1, eps);
                } else {
                    single.fill(n0, p0, eps);
                }
                emit(single.p, 0, single.len, single.lo + shift, out);
                return;
            }
            double q0 = 1.0 - p0;
            double q1 = 1.0 - p1;
            int n = n0 + n1;
            window(n0, p0, n1, p1, bounds);
            int lo = bounds[0];
            int hi = bounds[1];
            if (f.length < hi - lo + 3) {
                f = new double[Math.max(hi - lo + 3, 2 * f.length)];
            }
            double alpha = q0 * p1 + p0 * q1;
            double beta0 = n0 * p0 * q1 + n1 * p1 * q0;
            double pp = p0 * p1;
            double qq = q0 * q1;
            int turn = (int) Math.max(lo, Math.min(hi, Math.floor(beta0 / alpha)));
            // f[m - lo + 1] holds f(m); f[0] = f(lo - 1) and f[hi - lo + 2] = f(hi + 1)
            int off = 1 - lo;
            java.util.Arrays.fill(f, 0, hi - lo + 3, 0.0);
            f[lo + off] = 1.0;
            double q0p1 = q0 * p1;
            double p0q1 = p0 * q1;
            double invQq = 1.0 / qq;
            double invPp = 1.0 / pp;
            // the coefficients are off the dependency chain f(m-1), f(m) -> f(m+1): reciprocals
            // from a table instead of a division per step
            for (int m = lo; m < turn; m++) {
                double w = invQq * inv[m + 1];
                f[m + 1 + off] =
                        slope(m, n0, n1, q0p1, p0q1) * w * f[m + off]
                                + pp * (n - m + 1) * w * f[m - 1 + off];
            }
            if (turn < hi) {
                double atTurn = f[turn + off];
                double[] g = f; // the downward half is written above the turn
                g[hi + off] = 1.0;
                g[hi + 1 + off] = 0.0;
                for (int m = hi; m > turn + 1; m--) {
                    double w = invPp * inv[n - m + 1];
                    g[m - 1 + off] =
                            qq * (m + 1) * w * g[m + 1 + off]
                                    - slope(m, n0, n1, q0p1, p0q1) * w * g[m + off];
                }
                // the turn value from above, then rescale the upper half to match
                double fromAbove =
                        (qq * (turn + 2) * g[turn + 2 + off]
                                        - slope(turn + 1, n0, n1, q0 * p1, p0 * q1)
                                                * g[turn + 1 + off])
                                / (pp * (n - turn));
                if (turn == lo) {
                    f[turn + off] = fromAbove;
                } else {
                    double scale = atTurn / fromAbove;
                    for (int m = turn + 1; m <= hi; m++) {
                        f[m + off] *= scale;
                    }
                }
            }
            emit(f, lo + off, hi - lo + 1, lo, out);
        }

        @Override
        boolean support(int[] counts, double[] move, int[] range) {
            int n0 = counts[0];
            int n1 = counts[1];
            double p0 = clamp(move[0]);
            double p1 = clamp(move[2]);
            // a point mass (n = 0, p = 0 or 1) has variance 0: the window below covers it
            window(n0, p0, n1, p1, range);
            return true;
        }

        /**
         * The Bernstein window {@code [mean - t, mean + t]} of {@code B_0 + B_1} (clipped to {@code
         * [0, n]}), outside of which the mass is below {@code e^-69 < 1e-30}: {@code P(|S - mean|
         * >= t) <= 2 exp(-t^2 / (2 (var + t/3)))}.
         */
        private static void window(int n0, double p0, int n1, double p1, int[] out) {
            double mean = n0 * p0 + n1 * p1;
            double var = n0 * p0 * (1.0 - p0) + n1 * p1 * (1.0 - p1);
            double t =
                    WINDOW_LOG / 3.0
                            + Math.sqrt(WINDOW_LOG * WINDOW_LOG / 9.0 + 2 * WINDOW_LOG * var);
            out[0] = (int) Math.max(0, Math.floor(mean - t));
            out[1] = (int) Math.min(n0 + n1, Math.ceil(mean + t));
        }

        /**
         * {@code beta0 - alpha m = q0 p1 (n1 - m) + p0 q1 (n0 - m)}, in this split form: near the
         * turning point it is a small difference, and the split keeps its absolute error at the
         * round-off of the two terms instead of that of {@code alpha m} and {@code beta0}.
         */
        private static double slope(int m, int n0, int n1, double q0p1, double p0q1) {
            return q0p1 * (n1 - m) + p0q1 * (n0 - m);
        }

        private static double clamp(double p) {
            return p <= 0.0 ? 0.0 : (p >= 1.0 ? 1.0 : p);
        }

        /**
         * Normalises {@code v[from .. from+len)} (values of {@code lo, lo+1, ..}), trims each tail
         * at {@code eps/2} of the mass and writes the row.
         */
        private void emit(double[] v, int from, int len, int lo, CountRow out) {
            double total = 0.0;
            for (int i = 0; i < len; i++) {
                total += v[from + i];
            }
            double allowed = 0.5 * eps * total;
            int first = 0;
            int last = len - 1;
            double cut = 0.0;
            while (first < last && cut + v[from + first] <= allowed) {
                cut += v[from + first++];
            }
            cut = 0.0;
            while (last > first && cut + v[from + last] <= allowed) {
                cut += v[from + last--];
            }
            double kept = 0.0;
            for (int i = first; i <= last; i++) {
                kept += v[from + i];
            }
            int size = last - first + 1;
            out.ensure(size);
            out.len = size;
            out.contiguous = true;
            double scale = 1.0 / kept;
            for (int i = 0; i < size; i++) {
                out.prob[i] = v[from + first + i] * scale;
                out.rank[i] = lo + first + i; // rank = count in state 0
            }
        }
    }

    /**
     * Any number of states: each {@code Multinomial(c_s, q_s)} is a chain of conditional binomials
     * ({@code x_j ~ Bin(c_s - x_0 - .. - x_{j-1}, q_s(j) / (q_s(j) + .. + q_s(m-1)))}), each
     * truncated at {@code eps / (m (m-1))}; the multinomials are convolved one source state at a
     * time on count vectors encoded in base {@code n+1}.
     */
    static final class General extends NextCounts {
        private final int m;
        private final long radix;
        private final double epsFactor;
        private final int[] vector;

        General(Configurations configs, double eps) {
            super(configs, eps);
            this.m = configs.states();
            this.radix = configs.players() + 1L;
            if (m * Math.log(radix) >= 62 * Math.log(2)) {
                throw new IllegalArgumentException(
                        "count vectors of "
                                + configs.players()
                                + " players over "
                                + m
                                + " states do not fit a 63-bit key");
            }
            this.epsFactor = eps / Math.max(1, m * (m - 1));
            this.vector = new int[m];
        }

        @Override
        void distribution(int[] counts, double[] move, CountRow out) {
            Map<Long, Double> acc = new HashMap<>();
            acc.put(0L, 1.0);
            for (int s = 0; s < m; s++) {
                if (counts[s] == 0) {
                    continue;
                }
                Map<Long, Double> one = new HashMap<>();
                multinomial(counts[s], move, s * m, 0, counts[s], 0L, 1L, 1.0, one);
                Map<Long, Double> next = new HashMap<>();
                for (Map.Entry<Long, Double> x : acc.entrySet()) {
                    long kx = x.getKey();
                    double px = x.getValue();
                    for (Map.Entry<Long, Double> y : one.entrySet()) {
                        next.merge(kx + y.getKey(), px * y.getValue(), Double::sum);
                    }
                }
                acc = next;
            }
            out.ensure(acc.size());
            out.len = 0;
            out.contiguous = false;
            double total = 0.0;
            for (double p : acc.values()) {
                total += p;
            }
            for (Map.Entry<Long, Double> e : acc.entrySet()) {
                long key = e.getKey();
                for (int j = 0; j < m; j++) {
                    vector[j] = (int) (key % radix);
                    key /= radix;
                }
                out.rank[out.len] = configs.rank(vector);
                out.prob[out.len++] = e.getValue() / total;
            }
        }

        /** Enumerates the truncated {@code Multinomial(n, q)} into {@code into} (key to prob). */
        private void multinomial(
                int n,
                double[] q,
                int offset,
                int j,
                int left,
                long key,
                long place,
                double prob,
                Map<Long, Double> into) {
            if (j == m - 1 || left == 0) {
                into.merge(key + place * left, prob, Double::sum);
                return;
            }
            double rest = 0.0;
            for (int i = j; i < m; i++) {
                rest += q[offset + i];
            }
            double cond = rest <= 0.0 ? 0.0 : Math.min(1.0, q[offset + j] / rest);
            // a fresh window per level: the recursion below reuses deeper levels
            BinomialWindow w = new BinomialWindow().fill(left, cond, epsFactor);
            for (int i = 0; i < w.len; i++) {
                int x = w.lo + i;
                multinomial(
                        n,
                        q,
                        offset,
                        j + 1,
                        left - x,
                        key + place * x,
                        place * radix,
                        prob * w.p[i],
                        into);
            }
        }
    }
}
