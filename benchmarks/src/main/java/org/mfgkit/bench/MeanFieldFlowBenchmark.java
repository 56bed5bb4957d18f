package org.mfgkit.bench;

import java.util.concurrent.TimeUnit;
import org.mfgkit.core.Activation;
import org.mfgkit.core.InputMap;
import org.mfgkit.core.MeanFieldSoftmaxPolicy;
import org.mfgkit.core.PolicyEvaluator;
import org.mfgkit.core.PolicyGradientFlow;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.mdp.TeacherTask;
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
 * One exact policy-gradient flow step of 000 eq. (9) on the 100 x 100 grid task of 000 §5 (b)
 * ({@code gamma = 0.7}, {@code lambda = 0.2}) with a width-800 ReLU student taken after 20 steps of
 * training (so that every parameter is active), and its parts. {@code kernel = grid} is the exact
 * ReLU product-grid path the experiment uses; {@code dense} is the blocked dense path (any
 * activation, any input map) on the same inputs; {@code dense-tanh} the dense path with tanh units.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar MeanFieldFlowBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MeanFieldFlowBenchmark {
    /** Which kernel computes the energies and the particle sums. */
    @Param({"grid", "dense", "dense-tanh"})
    public String kernel;

    private PolicyGradientFlow flow;
    private TwoLayerNetwork student;
    private MeanFieldSoftmaxPolicy policy;
    private PolicyEvaluator evaluator;
    private InputMap inputs;
    private double[] weights;

    @Setup
    public void setUp() {
        TeacherTask task =
                TeacherTask.grid(
                        100, 0.7, 0.9, TeacherTask.teacher(5, 2.0, RandomStreams.create(1)), 0.2);
        evaluator = task.evaluator();
        inputs =
                kernel.equals("grid")
                        ? task.inputs()
                        : InputMap.ofTable(
                                100,
                                100,
                                3,
                                task.inputs().tableArray()); // same numbers, no grid structure
        Activation act = kernel.equals("dense-tanh") ? Activation.TANH : Activation.RELU;
        flow =
                new PolicyGradientFlow(
                        inputs, evaluator, PolicyGradientFlow.StepSettings.defaults());
        TwoLayerNetwork start =
                TwoLayerNetwork.gaussian(act, 800, 3, 0.0, 2.0, RandomStreams.create(2));
        student = flow.run(start, 20, null).last();
        policy = MeanFieldSoftmaxPolicy.of(student, inputs);
        weights = flow.field(student).coefficients();
    }

    /**
     * The whole step: energies, softmax, exact evaluation (P_pi, one LU factorisation for V and
     * varrho, Q), weights, particle sums, update.
     */
    @Benchmark
    public TwoLayerNetwork flowStep() {
        return flow.step(student);
    }

    /** Energies and the softmax policy. */
    @Benchmark
    public MeanFieldSoftmaxPolicy policy() {
        return MeanFieldSoftmaxPolicy.of(student, inputs);
    }

    /** The exact evaluation of the policy ({@code varrho_pi}, {@code Q_pi}, {@code E}). */
    @Benchmark
    public PolicyEvaluator.Evaluation evaluation() {
        return evaluator.evaluate(policy);
    }

    /** The particle velocities {@code sum_{s,a} c ∇_w psi} for all 800 particles. */
    @Benchmark
    public double[] velocities() {
        return student.unitGradientSums(inputs, weights);
    }
}
