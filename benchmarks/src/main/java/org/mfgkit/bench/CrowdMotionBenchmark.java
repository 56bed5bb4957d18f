package org.mfgkit.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mfgkit.envs.ExactModel;
import org.mfgkit.envs.Games;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact exploitability of the uniform policy in MFGLib's crowd motion on an {@code n x n} grid with
 * {@code T = 10}, end to end as {@code mfgkit exploitability} does it: the game, its sparse kernel
 * (built on first use) and the uniform policy are made fresh in every call. {@code n = 1000} is
 * {@code 10^6} states, which MFGLib's dense {@code S x S x A} kernel (40 TB) cannot hold.
 * Single-shot: one call at {@code 10^6} takes seconds. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar CrowdMotionBenchmark -f 1 -wi 1 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class CrowdMotionBenchmark {
    /** Grid side {@code torus_l = torus_w}. */
    @Param({"100", "300", "1000"})
    public int n;

    @Benchmark
    public double uniformExploitability() {
        String side = Integer.toString(n);
        ExactModel model =
                Games.create("crowd-motion", Map.of("torus_l", side, "torus_w", side, "T", "10"))
                        .exact();
        return model.exploitability(model.uniformPolicy()).exploitability();
    }
}
