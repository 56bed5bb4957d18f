package org.mfgkit.cli.bench;

import org.mfgkit.cli.nplayer.NPlayerGames;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.Games;
import org.mfgkit.envs.nplayer.CountSpaceEvaluation;
import org.mfgkit.envs.nplayer.NPlayerGame;
import org.mfgkit.envs.nplayer.NPlayerSimulation;

/**
 * Bench tasks of the N-player evaluation (issue 14), as the JMH {@code NPlayerBenchmark}: {@code
 * n-player/sis-fh-n1000} (one exact count-space evaluation of the uniform policy) and {@code
 * n-player-monte-carlo/sis-fh-n10000} (the smallest Monte Carlo estimate: two paired samples, four
 * runs of all players, {@code 4 x 10^4 x 51 = 2.04e6} simulated player-steps: player-steps per
 * second = 2.04e6 / median).
 */
final class NPlayerBench {

    private NPlayerBench() {}

    /** The game and the policies an operation needs. */
    record NPlayerFixture(
            NPlayerGame game, TabularPolicy[] uniform, TabularPolicy[] bestResponse) {}

    private static NPlayerFixture state(String env) {
        NPlayerGame game = NPlayerGames.of(Games.create(env));
        TabularPolicy[] uniform = {TabularPolicy.uniform(game.nS(), game.nA())};
        return new NPlayerFixture(game, uniform, game.meanFieldBestResponse(uniform));
    }

    /** Exact {@code E_N} of the uniform policy on {@code env} with {@code n} players. */
    static BenchTask<NPlayerFixture> exact(String env, int n) {
        return BenchTask.of(
                "n-player/" + env + "-n" + n,
                "exact N-player exploitability of the uniform policy on " + env + ", N = " + n,
                () -> state(env),
                s ->
                        CountSpaceEvaluation.evaluate(s.game(), s.uniform(), n, null)
                                .exploitability());
    }

    /**
     * The smallest Monte Carlo estimate (two paired samples) on {@code env} with {@code n} players.
     */
    static BenchTask<NPlayerFixture> monteCarlo(String env, int n) {
        return BenchTask.of(
                "n-player-monte-carlo/" + env + "-n" + n,
                "Monte Carlo, two paired samples (4 runs of all players) on " + env + ", N = " + n,
                () -> state(env),
                s ->
                        NPlayerSimulation.estimate(s.game(), s.uniform(), s.bestResponse(), n, 2, 1)
                                .estimate());
    }
}
