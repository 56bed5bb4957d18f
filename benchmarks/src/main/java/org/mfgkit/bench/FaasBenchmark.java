package org.mfgkit.bench;

import java.util.concurrent.TimeUnit;
import org.mfgkit.faas.ThroughputWorkload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated FaaS invocations per wall-clock second (issue 6, SPEC §5 "Speed"): the default 21-node
 * cluster, the 12 profiles of 004, Poisson arrivals offering {@code load} of the cluster's cores
 * (0.6 = {@link ThroughputWorkload#HIGH_LOAD}), metrics harvested every simulated 30 s. One
 * operation = one completed invocation, so the score is invocations per second. Run: {@code java
 * -jar benchmarks/target/benchmarks.jar FaasBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FaasBenchmark {
    private static final int BATCH = 10_000;

    /** Offered load as a fraction of the cluster's cores. */
    @Param({"0.3", "0.6"})
    public double load;

    private ThroughputWorkload workload;

    @Setup
    public void setup() {
        workload = new ThroughputWorkload(load, 1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double invocations() {
        return workload.run(BATCH);
    }
}
