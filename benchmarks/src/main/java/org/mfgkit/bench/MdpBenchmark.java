package org.mfgkit.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.SoftPolicyIteration;
import org.mfgkit.mdp.SoftSolution;
import org.mfgkit.mdp.SoftValueIteration;
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
 * Exact regularised evaluation and soft-optimal solves on random MDPs (issue 2): {@code nS = 25, nA
 * = 7} and {@code nS = 500, nA = 10}, {@code gamma = 0.9}, {@code lambda = 0.1}. Run: {@code java
 * -jar benchmarks/target/benchmarks.jar MdpBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MdpBenchmark {
    /** "nS x nA". */
    @Param({"25x7", "500x10"})
    public String size;

    private FiniteMdp mdp;
    private TabularPolicy pi;

    @Setup
    public void setUp() {
        String[] parts = size.split("x");
        int nS = Integer.parseInt(parts[0]);
        int nA = Integer.parseInt(parts[1]);
        RandomGenerator rng = RandomStreams.create(2026);
        mdp = FiniteMdp.random(nS, nA, 0.9, rng);
        double[] logits = new double[nS * nA];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = rng.nextGaussian();
        }
        pi = TabularPolicy.softmax(nS, nA, logits, 1.0);
    }

    @Benchmark
    public double[] exactEvaluation() {
        return PolicyEvaluation.evaluate(mdp, pi, 0.1);
    }

    @Benchmark
    public SoftSolution softValueIteration() {
        return SoftValueIteration.solve(mdp, 0.1);
    }

    @Benchmark
    public SoftSolution softPolicyIteration() {
        return SoftPolicyIteration.solve(mdp, 0.1);
    }
}
