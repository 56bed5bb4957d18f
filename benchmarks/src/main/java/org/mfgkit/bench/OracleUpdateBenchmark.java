package org.mfgkit.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.nac.SgdActor;
import org.mfgkit.nac.StepSchedule;
import org.mfgkit.nac.TdZeroCritic;
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
 * One step of the vector-level oracles of natural-actor-critic on dense features of dimension
 * {@code d} (how the serverless agents use them): a projected TD(0) update and a projected SGD
 * actor update, each with its running average. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar OracleUpdateBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OracleUpdateBenchmark {
    /** Feature dimension. */
    @Param({"16", "64"})
    public int d;

    private TdZeroCritic critic;
    private SgdActor actor;
    private double[] phi;
    private double[] phiNext;

    @Setup
    public void setUp() {
        critic = new TdZeroCritic(d, 0.99, 0.01, 100.0, StepSchedule.constant(0.001));
        actor = new SgdActor(d, 100.0, StepSchedule.constant(0.01));
        phi = new double[d];
        phiNext = new double[d];
        RandomGenerator r = RandomStreams.create(2);
        for (int k = 0; k < d; k++) {
            phi[k] = (r.nextDouble() - 0.5) / Math.sqrt(d);
            phiNext[k] = (r.nextDouble() - 0.5) / Math.sqrt(d);
        }
    }

    /** One projected TD(0) step. */
    @Benchmark
    public double tdZeroUpdate() {
        return critic.update(phi, 0.5, -1.2, phiNext);
    }

    /** One projected SGD actor step. */
    @Benchmark
    public double sgdActorUpdate() {
        return actor.update(phi, 0.3);
    }
}
