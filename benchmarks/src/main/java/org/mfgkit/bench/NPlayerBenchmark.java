package org.mfgkit.bench;

import java.util.concurrent.TimeUnit;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;
import org.mfgkit.envs.nplayer.CountSpaceEvaluation;
import org.mfgkit.envs.nplayer.CountSpaceResult;
import org.mfgkit.envs.nplayer.MonteCarloResult;
import org.mfgkit.envs.nplayer.NPlayerGame;
import org.mfgkit.envs.nplayer.NPlayerSimulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * N-player exploitability (issue 14): one exact count-space evaluation of the uniform policy
 * ({@code exact}, targets: sis-fh N = 1000 under a second, N = 10^4 under a minute), and one Monte
 * Carlo sample (two paired runs of all N players) at N = 10^4 ({@code monteCarloSample}; its
 * player-steps per second are {@code 2 N (T+1)} divided by the time). Run: {@code java -jar
 * benchmarks/target/benchmarks.jar NPlayerBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class NPlayerBenchmark {
    /** {@code env:N}. */
    @Param({"sis-fh:1000", "sis-fh:10000", "sis:1000", "sis:10000"})
    public String exactCase;

    private NPlayerGame game;
    private int n;
    private TabularPolicy[] uniform;
    private NPlayerGame sisFh;
    private TabularPolicy[] bestResponse;

    @Setup
    public void setUp() {
        String[] parts = exactCase.split(":");
        game = game(parts[0]);
        n = Integer.parseInt(parts[1]);
        uniform = new TabularPolicy[] {TabularPolicy.uniform(game.nS(), game.nA())};
        sisFh = game("sis-fh");
        bestResponse = sisFh.meanFieldBestResponse(uniform);
    }

    private static NPlayerGame game(String name) {
        GameModel model = Games.create(name);
        return model.isStationary()
                ? NPlayerGame.of(name, model.stationary())
                : NPlayerGame.of(name, model.finiteHorizon());
    }

    @Benchmark
    public CountSpaceResult exact() {
        return CountSpaceEvaluation.evaluate(game, uniform, n, null);
    }

    /** Two paired samples of 10^4 players for 51 steps: 2.04e6 player-steps. */
    @Benchmark
    public MonteCarloResult monteCarloSample() {
        return NPlayerSimulation.estimate(sisFh, uniform, bestResponse, 10_000, 2, 1);
    }
}
