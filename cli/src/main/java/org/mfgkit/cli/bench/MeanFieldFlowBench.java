package org.mfgkit.cli.bench;

import org.mfgkit.core.Activation;
import org.mfgkit.core.PolicyGradientFlow;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.mdp.TeacherTask;

/**
 * Bench task: one exact mean-field policy-gradient flow step (000 eq. (9)) on the 100 x 100 grid
 * task of 000 §5 (b) with a width-800 ReLU student (taken after 20 steps, so every parameter is
 * active): energies, softmax, exact evaluation ({@code P_pi}, one LU factorisation for {@code V}
 * and {@code varrho}, {@code Q}), velocities, update. The JMH version is {@code
 * MeanFieldFlowBenchmark} in {@code benchmarks}.
 */
final class MeanFieldFlowBench {

    private MeanFieldFlowBench() {}

    /** The flow and the student to step from. */
    record State(PolicyGradientFlow flow, TwoLayerNetwork student) {}

    static BenchTask<State> task() {
        return BenchTask.of(
                "pg-flow-step/grid-100x100-n800",
                "one exact mean-field policy-gradient flow step, 100x100 grid MDP, width-800 ReLU (seed 000 §5b)",
                MeanFieldFlowBench::state,
                s -> s.flow().step(s.student()));
    }

    static State state() {
        TeacherTask task =
                TeacherTask.grid(
                        100,
                        0.7,
                        0.9,
                        TeacherTask.teacher(5, 2.0, RandomStreams.derive(0, 0)),
                        0.2);
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        task.inputs(),
                        task.evaluator(),
                        PolicyGradientFlow.StepSettings.defaults());
        TwoLayerNetwork start =
                TwoLayerNetwork.gaussian(
                        Activation.RELU, 800, 3, 0.0, 2.0, RandomStreams.derive(0, 1));
        return new State(flow, flow.run(start, 20, null).last());
    }
}
