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
    abstract void distribution(int[] counts, double[] move, Row out);

    /**
     * Fills {@code out} with the distribution of the counts of {@code n} players drawn iid from
     * {@code start}: all of them "move" from state 0 by {@code start}.
     */
    void initial(double[] start, Row out) {
        int m = configs.states();
        int[] counts = new int[m];
        counts[0] = configs.players();
        double[] move = new double[m * m];
        System.arraycopy(start, 0, move, 0, m);
        distribution(counts, move, out);
    }

    /** A sparse distribution over configuration ranks (a reusable buffer). */
    static final class Row {
        /** Number of entries. */
        int len;

        /** Configuration ranks. */
        int[] rank = new int[16];

        /** Their probabilities (summing to 1). */
        double[] prob = new double[16];

        void ensure(int n) {
            if (rank.length < n) {
                int size = Math.max(n, 2 * rank.length);
                rank = java.util.Arrays.copyOf(rank, size);
                prob = java.util.Arrays.copyOf(prob, size);
            }
        }

        /** A copy trimmed to its length. */
        Row copy() {
            Row r = new Row();
            r.len = len;
            r.rank = java.util.Arrays.copyOf(rank, len);
            r.prob = java.util.Arrays.copyOf(prob, len);
            return r;
        }
    }

    /**
     * Two states: {@code c'_0 = B_0 + B_1} with {@code B_0 ~ Bin(c_0, q_0(0))} (those staying in 0)
     * and {@code B_1 ~ Bin(c_1, q_1(0))} (those moving 1 to 0); the rank is {@code c'_0}. Cost: the
     * product of the two window widths, {@code O(N)}.
     */
    static final class TwoState extends NextCounts {
        private final BinomialWindow stay = new BinomialWindow();
        private final BinomialWindow back = new BinomialWindow();

        TwoState(Configurations configs, double eps) {
            super(configs, eps);
        }

        @Override
        void distribution(int[] counts, double[] move, Row out) {
            stay.fill(counts[0], move[0], 0.5 * eps);
            back.fill(counts[1], move[2], 0.5 * eps);
            BinomialWindow a = stay.len <= back.len ? stay : back;
            BinomialWindow b = a == stay ? back : stay;
            int len = a.len + b.len - 1;
            out.ensure(len);
            out.len = len;
            double[] prob = out.prob;
            java.util.Arrays.fill(prob, 0, len, 0.0);
            double[] pb = b.p;
            int lb = b.len;
            for (int i = 0; i < a.len; i++) {
                double w = a.p[i];
                for (int j = 0; j < lb; j++) {
                    prob[i + j] += w * pb[j];
                }
            }
            int lo = a.lo + b.lo;
            for (int i = 0; i < len; i++) {
                out.rank[i] = lo + i; // rank = count in state 0
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
        void distribution(int[] counts, double[] move, Row out) {
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
