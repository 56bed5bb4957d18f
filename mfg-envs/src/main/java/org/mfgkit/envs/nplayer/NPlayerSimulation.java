package org.mfgkit.envs.nplayer;

import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;

/**
 * Monte Carlo in the N-player game: every player is simulated. Sample {@code k} runs the game twice
 * on the same random numbers ({@code RandomStreams.derive(seed, k)}, two uniforms per player and
 * step, consumed in the same order in both runs): once with player 0 (the deviator) playing {@code
 * sigma}, once with it playing {@code pi}; the others play {@code pi} in both. The difference of
 * the deviator's returns (rewards {@code r_t(x, a, mu_N)} minus {@code lambda log} of its own
 * policy, discounted by {@code gamma^t}) is one paired sample; common random numbers make the
 * difference far less noisy than two independent runs.
 *
 * <p>Start: the deviator from {@code mu0}, the others iid from {@link NPlayerGame#othersStart}. A
 * finite-horizon game is simulated for {@code t = 0..T}; a discounted one is cut after the first
 * {@code H} steps with {@code gamma^H <= 1e-12}; the weight of the cut tail, {@code gamma^H / (1 -
 * gamma)}, is reported (the bias is at most that times the largest {@code |r - lambda log sigma|}
 * met).
 */
public final class NPlayerSimulation {
    /** A discounted game is simulated until {@code gamma^H} falls below this. */
    static final double DISCOUNT_CUTOFF = 1e-12;

    private NPlayerSimulation() {}

    /**
     * The estimate of {@code J_N(sigma, pi) - J_N(pi, pi)} from {@code samples} paired runs.
     *
     * @param sigma the deviator's own-state policy (one table, or one per step)
     * @param samples at least 2
     */
    public static MonteCarloResult estimate(
            NPlayerGame game,
            TabularPolicy[] pi,
            TabularPolicy[] sigma,
            int n,
            int samples,
            long seed) {
        return estimate(game, pi, sigma, n, samples, seed, () -> {});
    }

    /**
     * {@link #estimate(NPlayerGame, TabularPolicy[], TabularPolicy[], int, int, long)}, telling
     * {@code onSample} after every paired sample (progress).
     */
    public static MonteCarloResult estimate(
            NPlayerGame game,
            TabularPolicy[] pi,
            TabularPolicy[] sigma,
            int n,
            int samples,
            long seed,
            Runnable onSample) {
        CountSpaceEvaluation.requirePlayers(n);
        if (samples < 2) {
            throw new IllegalArgumentException(
                    "Monte Carlo needs at least 2 samples for an interval, got " + samples);
        }
        TabularPolicy[] p = game.perStep(pi);
        TabularPolicy[] s = game.perStep(sigma);
        long t0 = System.nanoTime();
        int horizon = horizon(game);
        PlayerRun run = new PlayerRun(game, n, game.othersStart(p));
        double sum = 0.0;
        double sumSq = 0.0;
        for (int k = 0; k < samples; k++) {
            long sampleSeed = RandomStreams.deriveSeed(seed, k);
            double deviate = run.simulate(p, s, horizon, RandomStreams.create(sampleSeed));
            double follow = run.simulate(p, p, horizon, RandomStreams.create(sampleSeed));
            double d = deviate - follow;
            sum += d;
            sumSq += d * d;
            onSample.run();
        }
        double mean = sum / samples;
        double var = Math.max(0.0, (sumSq - samples * mean * mean) / (samples - 1));
        double tail =
                game.stationary() ? Math.pow(game.gamma(), horizon) / (1.0 - game.gamma()) : 0.0;
        long steps = 2L * samples * n * horizon;
        return new MonteCarloResult(
                n,
                mean,
                1.96 * Math.sqrt(var / samples),
                samples,
                seed,
                horizon,
                tail,
                steps,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** Simulated steps per run: {@code T+1}, or {@code H} with {@code gamma^H <= 1e-12}. */
    static int horizon(NPlayerGame game) {
        if (!game.stationary()) {
            return game.horizon() + 1;
        }
        double gamma = game.gamma();
        if (gamma == 0.0) {
            return 1;
        }
        return (int) Math.ceil(Math.log(DISCOUNT_CUTOFF) / Math.log(gamma));
    }

    /** Buffers of one simulation. */
    private static final class PlayerRun {
        private final NPlayerGame game;
        private final int n;
        private final int nS;
        private final int nA;
        private final double[] start;
        private final int[] state;
        private final int[] action;
        private final int[] counts;
        private final double[] mu;
        private final double[] p;
        private final double[] r;

        PlayerRun(NPlayerGame game, int n, double[] start) {
            this.game = game;
            this.n = n;
            this.nS = game.nS();
            this.nA = game.nA();
            this.start = start;
            this.state = new int[n];
            this.action = new int[n];
            this.counts = new int[nS];
            this.mu = new double[nS];
            this.p = new double[nS * nA * nS];
            this.r = new double[nS * nA];
        }

        /** The deviator's discounted, regularised return; player 0 plays {@code dev}. */
        double simulate(TabularPolicy[] pi, TabularPolicy[] dev, int horizon, RandomGenerator rng) {
            double gamma = game.gamma();
            double lambda = game.lambda();
            java.util.Arrays.fill(counts, 0);
            double[] mu0 = game.mu0();
            state[0] = RandomStreams.sampleCategorical(mu0, rng);
            counts[state[0]]++;
            for (int i = 1; i < n; i++) {
                state[i] = RandomStreams.sampleCategorical(start, rng);
                counts[state[i]]++;
            }
            double ret = 0.0;
            double discount = 1.0;
            for (int t = 0; t < horizon; t++) {
                int step = game.stationary() ? 0 : t;
                for (int s = 0; s < nS; s++) {
                    mu[s] = counts[s] / (double) n;
                }
                game.rewards(step, mu, r);
                double[] own = dev[step].table();
                double[] others = pi[step].table();
                int x = state[0];
                int a0 = RandomStreams.sampleCategorical(own, x * nA, nA, rng);
                action[0] = a0;
                double reward = r[x * nA + a0];
                if (lambda != 0.0) {
                    reward -= lambda * Math.log(own[x * nA + a0]);
                }
                ret += discount * reward;
                discount *= gamma;
                for (int i = 1; i < n; i++) {
                    action[i] = RandomStreams.sampleCategorical(others, state[i] * nA, nA, rng);
                }
                if (t == horizon - 1) {
                    break;
                }
                game.transitions(step, mu, p);
                for (int i = 0; i < n; i++) {
                    int s = state[i];
                    int s2 = RandomStreams.sampleCategorical(p, (s * nA + action[i]) * nS, nS, rng);
                    counts[s]--;
                    counts[s2]++;
                    state[i] = s2;
                }
            }
            return ret;
        }
    }
}
