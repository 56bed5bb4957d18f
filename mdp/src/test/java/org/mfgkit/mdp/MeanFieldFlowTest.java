package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mfgkit.core.Activation;
import org.mfgkit.core.BanditEvaluator;
import org.mfgkit.core.InputMap;
import org.mfgkit.core.MeanFieldSoftmaxPolicy;
import org.mfgkit.core.PolicyEvaluator;
import org.mfgkit.core.PolicyGradientFlow;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.core.VelocityField;

/** The exact policy-gradient flow of 000 eq. (9) in MDPs, and the teacher tasks of 000 §5. */
class MeanFieldFlowTest {
    static final double LAMBDA = 0.2;

    static double[] uniform(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        return x;
    }

    @Test
    void exactEvaluatorAgreesWithIndependentComputations() {
        RandomGenerator rng = RandomStreams.create(41);
        FiniteMdp mdp = FiniteMdp.random(9, 4, 0.8, rng);
        double[] rho = {0.3, 0.1, 0.1, 0.0, 0.2, 0.1, 0.1, 0.05, 0.05};
        TabularPolicy pi = RandomMdpTest.randomPolicy(9, 4, rng);
        PolicyEvaluator.Evaluation ev = new ExactPolicyEvaluator(mdp, LAMBDA, rho).evaluate(pi);
        double[] v = PolicyEvaluation.evaluateIteratively(mdp, pi, LAMBDA, 1e-14);
        assertArrayEquals(PolicyEvaluation.qValues(mdp, v), ev.q(), Tolerances.TEST_ITERATIVE);
        assertEquals(PolicyEvaluation.value(v, rho), ev.value(), Tolerances.TEST_ITERATIVE);
        double[] d = Occupancy.discounted(mdp, pi, rho);
        double mass = 0.0;
        for (int s = 0; s < 9; s++) {
            assertEquals(d[s] / (1 - 0.8), ev.varrho()[s], Tolerances.TEST_EXACT);
            mass += ev.varrho()[s];
        }
        assertEquals(1 / (1 - 0.8), mass, Tolerances.TEST_EXACT);
        // one state, gamma = 0: the bandit evaluator of eq. (12)
        double[] r = {0.3, -0.2, 1.1};
        FiniteMdp bandit = new FiniteMdp(1, 3, 0.0, new double[] {1, 1, 1}, r);
        TabularPolicy p = TabularPolicy.of(new double[][] {{0.2, 0.5, 0.3}});
        PolicyEvaluator.Evaluation a =
                new ExactPolicyEvaluator(bandit, LAMBDA, new double[] {1}).evaluate(p);
        PolicyEvaluator.Evaluation b = new BanditEvaluator(r, LAMBDA).evaluate(p);
        assertArrayEquals(b.q(), a.q(), Tolerances.TEST_EXACT);
        assertArrayEquals(b.varrho(), a.varrho(), Tolerances.TEST_EXACT);
        assertEquals(b.value(), a.value(), Tolerances.TEST_EXACT);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void velocityIsNTimesTheFiniteDifferenceGradientOfTheValueInAnMdp(Activation act) {
        // 000 eq. (9): F(w_i) = N dE/dw_i with E = V_pi(rho0), on a random 5-state, 4-action MDP
        RandomGenerator rng = RandomStreams.create(42);
        int nS = 5;
        int nA = 4;
        FiniteMdp mdp = FiniteMdp.random(nS, nA, 0.85, rng);
        ExactPolicyEvaluator ev =
                new ExactPolicyEvaluator(mdp, LAMBDA, new double[] {0.1, 0.4, 0.2, 0.2, 0.1});
        InputMap inputs = InputMap.grid(nS, nA);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 7, 3, 2.0, 2.0, rng);
        double[] field = VelocityField.of(MeanFieldSoftmaxPolicy.of(net, inputs), ev).onParticles();
        double[] w = net.parameters();
        double h = 1e-6;
        double largest = 0.0;
        for (int j = 0; j < w.length; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd =
                    (value(net.withParameters(plus), inputs, ev)
                                    - value(net.withParameters(minus), inputs, ev))
                            / (2 * h);
            assertEquals(
                    net.width() * fd,
                    field[j],
                    Tolerances.TEST_FINITE_DIFFERENCE,
                    act + " parameter " + j);
            largest = Math.max(largest, Math.abs(field[j]));
        }
        assertTrue(largest > 1e-2, "a non-trivial field");
    }

    static double value(TwoLayerNetwork net, InputMap inputs, PolicyEvaluator ev) {
        return ev.evaluate(MeanFieldSoftmaxPolicy.of(net, inputs)).value();
    }

    @Test
    void theGridTasksRewardMakesQStarSoftOptimal() {
        // 000 §5 b at full size: soft value iteration on the derived reward recovers Q* = lambda f*
        TeacherTask task =
                TeacherTask.grid(
                        100,
                        0.7,
                        0.9,
                        TeacherTask.teacher(5, 2.0, RandomStreams.create(43)),
                        LAMBDA);
        SoftSolution solved = SoftValueIteration.solve(task.mdp(), LAMBDA);
        assertArrayEquals(task.qStar(), solved.q(), Tolerances.TEST_ITERATIVE);
        assertArrayEquals(task.vStar(), solved.v(), Tolerances.TEST_ITERATIVE);
        // transitions: 0.9 to the state with the action's index, 0.1 spread uniformly
        assertEquals(0.9 + 0.001, task.mdp().p(17, 42, 42), 1e-15);
        assertEquals(0.001, task.mdp().p(17, 42, 43), 1e-15);
        // the soft-optimal policy evaluated exactly has value V*(rho0) = E(nu*)
        assertEquals(
                task.optimalValue(),
                task.evaluator().evaluate(task.optimalPolicy()).value(),
                Tolerances.TEST_ITERATIVE);
        assertEquals(0.0, task.gap(task.optimalPolicy()), Tolerances.TEST_ITERATIVE);
        // Q* is the teacher's output times lambda
        double[] x = {task.inputs().get(17, 42, 0), task.inputs().get(17, 42, 1), 1.0};
        assertEquals(LAMBDA * task.teacher().value(x), task.qStar()[17 * 100 + 42], 1e-14);
    }

    @Test
    void theBanditTaskIsTheOneStateCase() {
        TeacherTask task =
                TeacherTask.bandit(
                        100, TeacherTask.teacher(5, 2.0, RandomStreams.create(44)), LAMBDA);
        SoftSolution solved = SoftValueIteration.solve(task.mdp(), LAMBDA);
        assertArrayEquals(task.qStar(), solved.q(), Tolerances.TEST_ITERATIVE);
        assertEquals(
                ((BanditEvaluator) task.evaluator()).optimalValue(),
                task.optimalValue(),
                Tolerances.TEST_EXACT);
        TabularPolicy pi = RandomMdpTest.randomPolicy(1, 100, RandomStreams.create(45));
        assertEquals(
                new ExactPolicyEvaluator(task.mdp(), LAMBDA, new double[] {1}).evaluate(pi).value(),
                task.evaluator().evaluate(pi).value(),
                Tolerances.TEST_EXACT);
    }

    @Test
    void theGapIsLambdaTimesTheOccupancyWeightedKl() {
        // soft performance difference: V*(rho) - V_pi(rho) = lambda/(1-gamma) sum_s d_pi(s)
        // KL(pi(.|s) || pi*(.|s))
        TeacherTask task =
                TeacherTask.grid(
                        20,
                        0.7,
                        0.9,
                        TeacherTask.teacher(5, 2.0, RandomStreams.create(46)),
                        LAMBDA);
        for (long seed = 0; seed < 3; seed++) {
            TwoLayerNetwork student =
                    TwoLayerNetwork.gaussian(
                            Activation.RELU, 30, 3, 1.0, 2.0, RandomStreams.create(seed));
            MeanFieldSoftmaxPolicy pi = MeanFieldSoftmaxPolicy.of(student, task.inputs());
            double gap = task.gap(pi);
            assertTrue(gap > 0.0);
            assertEquals(LAMBDA / (1 - 0.7) * task.occupancyKl(pi), gap, Tolerances.TEST_EXACT);
        }
    }

    @Test
    void theFlowClosesTheGapMonotonicallyOnASmallGrid() {
        // 000 §5 b on a 30 x 30 grid with N = 200: default Euler step
        TeacherTask task =
                TeacherTask.grid(
                        30,
                        0.7,
                        0.9,
                        TeacherTask.teacher(5, 2.0, RandomStreams.create(47)),
                        LAMBDA);
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        task.inputs(),
                        task.evaluator(),
                        PolicyGradientFlow.StepSettings.defaults());
        TwoLayerNetwork start =
                TwoLayerNetwork.gaussian(
                        Activation.RELU, 200, 3, 0.0, 2.0, RandomStreams.create(48));
        PolicyGradientFlow.Trajectory run = flow.run(start, 600, null);
        double gap0 = task.optimalValue() - run.values()[0];
        double gapEnd = task.optimalValue() - run.values()[600];
        assertEquals(0.0, run.largestDecrease(), 0.0, "monotone");
        assertTrue(gapEnd < 1e-2 * gap0, "gap " + gap0 + " -> " + gapEnd);
        assertEquals(gapEnd, task.gap(run.lastField().policy()), Tolerances.TEST_EXACT);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        TwoLayerNetwork teacher = TeacherTask.teacher(5, 2.0, RandomStreams.create(1));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TeacherTask.grid(10, 1.0, 0.9, teacher, LAMBDA))
                        .getMessage()
                        .contains("gamma"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TeacherTask.grid(10, 0.7, 1.5, teacher, LAMBDA))
                        .getMessage()
                        .contains("stay"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TeacherTask.bandit(10, teacher, 0.0))
                        .getMessage()
                        .contains("lambda"));
        FiniteMdp mdp = FiniteMdp.random(3, 2, 0.5, RandomStreams.create(2));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new ExactPolicyEvaluator(
                                                mdp, LAMBDA, new double[] {0.5, 0.6, 0}))
                        .getMessage()
                        .contains("rho0"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new ExactPolicyEvaluator(mdp, LAMBDA, uniform(3))
                                                .evaluate(TabularPolicy.uniform(2, 2)))
                        .getMessage()
                        .contains("does not match"));
    }
}
