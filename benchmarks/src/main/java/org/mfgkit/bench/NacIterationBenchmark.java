package org.mfgkit.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.envs.Games;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.nac.NacPresets;
import org.mfgkit.nac.NacSettings;
import org.mfgkit.nac.NaturalActorCritic;
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
 * One iteration of single-loop NAC (issue 4): TD(0) critic on {@code K_c} transitions, SGD actor on
 * {@code K_a} samples, the policy step and one mean-field step, with the preset sample budgets of
 * {@code experiments/sis-nac.json} ({@code K_c = 10 000, K_a = 1 000}) and {@code lq-nac.json}
 * ({@code 20 000, 10 000}), one-hot features; and the exact-oracle iteration for comparison. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar NacIterationBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NacIterationBenchmark {
    /** Environment registry name. */
    @Param({"sis", "lq"})
    public String env;

    /** Oracles: {@code sampled} (TD(0) + SGD) or {@code exact}. */
    @Param({"sampled", "exact"})
    public String oracles;

    private NaturalActorCritic nac;
    private RandomGenerator rng;
    private double beta;

    @Setup
    public void setUp() {
        MeanFieldGame game = Games.create(env).stationary();
        NacSettings p = NacPresets.get(env);
        if (oracles.equals("exact")) {
            p = p.withExactOracles();
        }
        nac = NaturalActorCritic.create(game, p, 0);
        rng = RandomStreams.create(1);
        beta = p.loop().beta();
    }

    /** One NAC iteration (critic, actor, policy step, mean-field step). */
    @Benchmark
    public LogLinearPolicy iteration() {
        LogLinearPolicy played = nac.policy();
        LogLinearPolicy next = nac.improve(rng);
        nac.environment().advance(played, beta);
        return next;
    }
}
