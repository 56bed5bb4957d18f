package org.mfgkit.envs.nplayer;

import java.util.Arrays;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * Exact N-player exploitability on the count space. One player (the deviator) faces {@code N-1}
 * players who all use {@code pi}; by exchangeability its problem is an MDP on {@code (own state x,
 * counts c of the others)}, {@code C(N-2+nS, nS-1)} configurations times {@code nS}. At {@code (t,
 * x, c)} the empirical distribution is {@code mu_N = (c + e_x)/N}; the deviator collects {@code
 * r_t(x, a, mu_N)} (minus {@code lambda log pi'(a)}) and moves by {@code P_t(.|x, a, mu_N)}, and,
 * independently, the others' next counts are the convolution of multinomials of {@link NextCounts}.
 * So
 *
 * <pre>
 * Q_t(x, c, a) = r_t(x, a, mu_N) + gamma sum_x' P_t(x'|x, a, mu_N) sum_c' M_t(c'|x, c) V_{t+1}(x', c')
 * V*_t = lambda log sum_a exp(Q*_t / lambda)   (max when lambda = 0)
 * V^pi_t = sum_a pi_t(a|x) (Q^pi_t - lambda log pi_t(a|x))
 * </pre>
 *
 * by backward induction over {@code t = T..0} on the configurations that can carry mass at each
 * step (found forward through the kernel's cheap window bounds; all of them for more than two
 * states), or by value iteration on the configurations reachable from the initial ones until the
 * sup-norm change is at most {@link Tolerances#SOLVER}{@code (1 - gamma)} (stationary; the
 * transition rows are computed once and kept). {@code E_N = sum_x mu0(x) sum_c P_0(c) [V*_0(x, c) -
 * V^pi_0(x, c)]}, with {@code P_0} the multinomial of {@code N-1} iid draws from the others' start
 * ({@link NPlayerGame#othersStart}).
 *
 * <p>Truncation: every row of {@code M} loses at most {@link #TRUNCATION} of its mass (and is
 * renormalised), so each backward step moves a value by at most {@code 1e-17} times the spread of
 * the values; over 51 steps of SIS that is below {@code 1e-14}, far inside {@code 1e-12}.
 */
public final class CountSpaceEvaluation {
    /** The mass every row of the others' next-count distribution may lose to truncation. */
    public static final double TRUNCATION = 1e-17;

    /** Stationary value iteration gives up after this many sweeps (never reached for gamma < 1). */
    private static final int MAX_SWEEPS = 10_000_000;

    private CountSpaceEvaluation() {}

    /** The number of count configurations of {@code n} players' others over {@code nS} states. */
    public static double configurations(int n, int nS) {
        requirePlayers(n);
        return Configurations.count(n - 1, nS);
    }

    /**
     * Exact {@code E_N(pi)}; when {@code deviation} is not null, also the value of that own-state
     * policy played by the deviator ({@link CountSpaceResult#deviationValue()}).
     *
     * @param pi one table (stationary, or used at every step) or {@code T+1}
     * @param n number of players, at least 1
     * @param deviation an own-state deviation to value as well, or null
     */
    public static CountSpaceResult evaluate(
            NPlayerGame game, TabularPolicy[] pi, int n, TabularPolicy[] deviation) {
        return evaluate(game, pi, n, deviation, false);
    }

    /**
     * As {@link #evaluate(NPlayerGame, TabularPolicy[], int, TabularPolicy[])}; with {@code
     * general} the sparse multinomial kernel is used whatever the number of states (no recurrence,
     * no reachability pruning: the tests' reference path).
     */
    static CountSpaceResult evaluate(
            NPlayerGame game,
            TabularPolicy[] pi,
            int n,
            TabularPolicy[] deviation,
            boolean general) {
        requirePlayers(n);
        long t0 = System.nanoTime();
        CountSpaceSolver s =
                new CountSpaceSolver(
                        game,
                        game.perStep(pi),
                        n,
                        deviation == null ? null : game.perStep(deviation),
                        general);
        return game.stationary() ? s.stationary(t0) : s.finiteHorizon(t0);
    }

    /** Refuses {@code n < 1}. */
    static void requirePlayers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of players N must be at least 1, got " + n);
        }
    }

    /** The state of one evaluation: buffers and the three value functions. */
    private static final class CountSpaceSolver {
        private final NPlayerGame game;
        private final TabularPolicy[] pi;
        private final TabularPolicy[] dev;
        private final int n;
        private final int nS;
        private final int nA;
        private final double gamma;
        private final double lambda;
        private final Configurations configs;
        private final NextCounts kernel;
        private final int[] counts;
        private final double[] mu;
        private final double[] p;
        private final double[] r;
        private final double[] move;
        private final double[] q;
        private final double[] probs;
        private final NextCounts.CountRow row = new NextCounts.CountRow();

        CountSpaceSolver(
                NPlayerGame game, TabularPolicy[] pi, int n, TabularPolicy[] dev, boolean general) {
            this.game = game;
            this.pi = pi;
            this.dev = dev;
            this.n = n;
            this.nS = game.nS();
            this.nA = game.nA();
            this.gamma = game.gamma();
            this.lambda = game.lambda();
            this.configs = new Configurations(n - 1, nS);
            this.kernel =
                    general
                            ? new NextCounts.General(configs, TRUNCATION)
                            : NextCounts.of(configs, TRUNCATION);
            this.counts = new int[nS];
            this.mu = new double[nS];
            this.p = new double[nS * nA * nS];
            this.r = new double[nS * nA];
            this.move = new double[nS * nS];
            this.q = new double[nA];
            this.probs = new double[nA];
        }

        /** Sets {@code counts}, {@code mu}, {@code p}, {@code r} and {@code move} for (t, x, c). */
        private void prepare(int t, int x, int rank, boolean needMove) {
            configs.counts(rank, counts);
            for (int s = 0; s < nS; s++) {
                mu[s] = (counts[s] + (s == x ? 1 : 0)) / (double) n;
            }
            game.rewards(t, mu, r);
            if (!needMove) {
                return;
            }
            game.transitions(t, mu, p);
            TabularPolicy policy = pi[t];
            Arrays.fill(move, 0.0);
            for (int s = 0; s < nS; s++) {
                if (counts[s] == 0) {
                    continue;
                }
                for (int a = 0; a < nA; a++) {
                    double w = policy.prob(s, a);
                    if (w == 0.0) {
                        continue;
                    }
                    int base = (s * nA + a) * nS;
                    for (int s2 = 0; s2 < nS; s2++) {
                        move[s * nS + s2] += w * p[base + s2];
                    }
                }
            }
        }

        /**
         * Writes {@code V*, V^pi, V^dev} at {@code (x, c)} into {@code out[0..3)} from the expected
         * next values {@code w[k*nS + x']} ({@code k} = 0, 1, 2 for the three functions) or, when
         * {@code w} is null, from the rewards alone.
         */
        private void backup(int t, int x, double[] w, double[] out) {
            for (int k = 0; k < 3; k++) {
                if (k == 2 && dev == null) {
                    out[2] = Double.NaN;
                    continue;
                }
                for (int a = 0; a < nA; a++) {
                    double v = r[x * nA + a];
                    if (w != null) {
                        int base = (x * nA + a) * nS;
                        double cont = 0.0;
                        for (int x2 = 0; x2 < nS; x2++) {
                            cont += p[base + x2] * w[k * nS + x2];
                        }
                        v += gamma * cont;
                    }
                    q[a] = v;
                }
                if (k == 0) {
                    out[0] = Numerics.softMax(q, 0, nA, lambda);
                } else {
                    TabularPolicy policy = (k == 1 ? pi : dev)[t];
                    policy.probabilities(x, probs);
                    double v = 0.0;
                    for (int a = 0; a < nA; a++) {
                        v += probs[a] * q[a];
                    }
                    out[k] = lambda == 0.0 ? v : v + lambda * policy.entropy(x);
                }
            }
        }

        /** {@code w[k*nS + x'] = sum_i row.prob[i] V_k(x', row.rank[i])} for the three values. */
        private void expect(NextCounts.CountRow rw, double[][] next, double[] w) {
            Arrays.fill(w, 0.0);
            for (int k = 0; k < 3; k++) {
                double[] v = next[k];
                if (v == null) {
                    continue;
                }
                if (rw.contiguous && nS == 2) {
                    // the two-state fast path: ranks lo, lo+1, ... and V at [rank*2 + x']
                    double w0 = 0.0;
                    double w1 = 0.0;
                    int base = rw.rank[0] * 2;
                    double[] pr = rw.prob;
                    for (int i = 0; i < rw.len; i++) {
                        w0 += pr[i] * v[base + 2 * i];
                        w1 += pr[i] * v[base + 2 * i + 1];
                    }
                    w[k * 2] = w0;
                    w[k * 2 + 1] = w1;
                    continue;
                }
                for (int i = 0; i < rw.len; i++) {
                    double pr = rw.prob[i];
                    int base = rw.rank[i] * nS;
                    for (int x2 = 0; x2 < nS; x2++) {
                        w[k * nS + x2] += pr * v[base + x2];
                    }
                }
            }
        }

        /**
         * {@code reach[t][c]}: whether configuration {@code c} can carry mass at step {@code t}
         * (forward from the initial distribution through the kernel's cheap support bounds); all
         * true when the kernel has none.
         */
        private boolean[][] reachable(int horizon) {
            int size = configs.size();
            boolean[][] reach = new boolean[horizon + 1][size];
            kernel.initial(game.othersStart(pi), row);
            for (int i = 0; i < row.len; i++) {
                reach[0][row.rank[i]] = true;
            }
            int[] range = new int[2];
            for (int t = 0; t < horizon; t++) {
                for (int c = 0; c < size; c++) {
                    if (!reach[t][c]) {
                        continue;
                    }
                    for (int x = 0; x < nS; x++) {
                        prepare(t, x, c, true);
                        if (!kernel.support(counts, move, range)) {
                            for (boolean[] r : reach) {
                                Arrays.fill(r, true);
                            }
                            return reach;
                        }
                        Arrays.fill(reach[t + 1], range[0], range[1] + 1, true);
                    }
                }
            }
            return reach;
        }

        CountSpaceResult finiteHorizon(long t0) {
            int size = configs.size();
            int horizon = game.horizon();
            double[][] next = null;
            double[][] cur = null;
            double[] w = new double[3 * nS];
            double[] out = new double[3];
            boolean[][] reach = reachable(horizon);
            long evaluated = 0;
            for (int t = horizon; t >= 0; t--) {
                cur =
                        new double[][] {
                            new double[size * nS],
                            new double[size * nS],
                            dev == null ? null : new double[size * nS]
                        };
                for (int c = 0; c < size; c++) {
                    if (!reach[t][c]) {
                        continue; // never read: no reachable row of step t-1 points here
                    }
                    evaluated++;
                    for (int x = 0; x < nS; x++) {
                        boolean last = t == horizon;
                        prepare(t, x, c, !last);
                        if (!last) {
                            kernel.distribution(counts, move, row);
                            expect(row, next, w);
                        }
                        backup(t, x, last ? null : w, out);
                        for (int k = 0; k < 3; k++) {
                            if (cur[k] != null) {
                                cur[k][c * nS + x] = out[k];
                            }
                        }
                    }
                }
                next = cur;
            }
            return result(cur, evaluated, horizon + 1, t0);
        }

        CountSpaceResult stationary(long t0) {
            int size = configs.size();
            // breadth-first closure of the configurations reachable from the initial ones
            int[] index = new int[size];
            Arrays.fill(index, -1);
            int[] order = new int[Math.min(size, 1024)];
            int reached = 0;
            kernel.initial(game.othersStart(pi), row);
            for (int i = 0; i < row.len; i++) {
                if (index[row.rank[i]] < 0) {
                    order = grow(order, reached);
                    index[row.rank[i]] = reached;
                    order[reached++] = row.rank[i];
                }
            }
            NextCounts.CountRow[] rows = new NextCounts.CountRow[size * nS];
            double[][] rewards = new double[size * nS][];
            double[][] kernels = new double[size * nS][];
            for (int head = 0; head < reached; head++) {
                int c = order[head];
                for (int x = 0; x < nS; x++) {
                    prepare(0, x, c, true);
                    kernel.distribution(counts, move, row);
                    int slot = head * nS + x;
                    NextCounts.CountRow kept = row.copy();
                    for (int i = 0; i < kept.len; i++) {
                        int target = kept.rank[i];
                        if (index[target] < 0) {
                            order = grow(order, reached);
                            index[target] = reached;
                            order[reached++] = target;
                        }
                        kept.rank[i] = index[target]; // compact index from here on
                    }
                    boolean contiguous = true;
                    for (int i = 1; i < kept.len && contiguous; i++) {
                        contiguous = kept.rank[i] == kept.rank[0] + i;
                    }
                    kept.contiguous = contiguous;
                    rows[slot] = kept;
                    rewards[slot] = Arrays.copyOfRange(r, x * nA, (x + 1) * nA);
                    kernels[slot] = Arrays.copyOfRange(p, x * nA * nS, (x + 1) * nA * nS);
                }
            }
            double[][] v = {
                new double[reached * nS],
                new double[reached * nS],
                dev == null ? null : new double[reached * nS]
            };
            double[] w = new double[3 * nS];
            double[] out = new double[3];
            int sweeps = 0;
            while (true) {
                sweeps++;
                double[][] nv = {
                    new double[reached * nS],
                    new double[reached * nS],
                    dev == null ? null : new double[reached * nS]
                };
                double change = 0.0;
                for (int head = 0; head < reached; head++) {
                    for (int x = 0; x < nS; x++) {
                        int slot = head * nS + x;
                        System.arraycopy(rewards[slot], 0, r, x * nA, nA);
                        System.arraycopy(kernels[slot], 0, p, x * nA * nS, nA * nS);
                        expect(rows[slot], v, w);
                        backup(0, x, w, out);
                        for (int k = 0; k < 3; k++) {
                            if (nv[k] != null) {
                                nv[k][slot] = out[k];
                                change = Math.max(change, Math.abs(out[k] - v[k][slot]));
                            }
                        }
                    }
                }
                v = nv;
                if (change <= Tolerances.SOLVER * (1.0 - gamma)
                        || change == 0.0
                        || sweeps >= MAX_SWEEPS) {
                    break;
                }
            }
            // back to full-rank arrays for the initial weighting
            double[][] full = new double[3][];
            for (int k = 0; k < 3; k++) {
                if (v[k] == null) {
                    continue;
                }
                full[k] = new double[size * nS];
                for (int head = 0; head < reached; head++) {
                    System.arraycopy(v[k], head * nS, full[k], order[head] * nS, nS);
                }
            }
            return result(full, reached, sweeps, t0);
        }

        private static int[] grow(int[] order, int used) {
            return used < order.length ? order : Arrays.copyOf(order, 2 * order.length);
        }

        private CountSpaceResult result(double[][] v0, long evaluated, int sweeps, long t0) {
            kernel.initial(game.othersStart(pi), row);
            double[] mu0 = game.mu0();
            double[] value = new double[3];
            for (int k = 0; k < 3; k++) {
                if (v0[k] == null) {
                    value[k] = Double.NaN;
                    continue;
                }
                double sum = 0.0;
                for (int x = 0; x < nS; x++) {
                    if (mu0[x] == 0.0) {
                        continue;
                    }
                    double e = 0.0;
                    for (int i = 0; i < row.len; i++) {
                        e += row.prob[i] * v0[k][row.rank[i] * nS + x];
                    }
                    sum += mu0[x] * e;
                }
                value[k] = sum;
            }
            return new CountSpaceResult(
                    n,
                    value[0] - value[1],
                    value[0],
                    value[1],
                    value[2],
                    configs.size(),
                    evaluated,
                    sweeps,
                    (System.nanoTime() - t0) * 1e-9);
        }
    }
}
