package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.TabularPolicy;

/** Every validation path gives a message naming the problem. */
class ValidationTest {
    private static void fails(String expected, Runnable r) {
        String m = assertThrows(IllegalArgumentException.class, r::run).getMessage();
        assertTrue(m.contains(expected), "message '" + m + "' should contain '" + expected + "'");
    }

    @Test
    void finiteMdpRejectsBadInput() {
        double[] p = {1, 0, 0, 1, 0, 1, 1, 0};
        double[] r = {0, 0, 1, 1};
        fails("gamma must be in [0,1), got 1.0", () -> new FiniteMdp(2, 2, 1.0, p, r));
        fails("gamma must be in [0,1), got -0.1", () -> new FiniteMdp(2, 2, -0.1, p, r));
        fails("gamma must be in [0,1), got NaN", () -> new FiniteMdp(2, 2, Double.NaN, p, r));
        fails("transitions have length 7", () -> new FiniteMdp(2, 2, 0.5, new double[7], r));
        fails("rewards have length 3", () -> new FiniteMdp(2, 2, 0.5, p, new double[3]));
        fails(
                "transition P(.|s,a) row 1 sums to 0.5",
                () -> new FiniteMdp(2, 2, 0.5, new double[] {1, 0, 0.5, 0, 0, 1, 1, 0}, r));
        fails(
                "reward r(1,0) is not finite",
                () -> new FiniteMdp(2, 2, 0.5, p, new double[] {0, 0, Double.NaN, 1}));
        fails("nS > 0", () -> new FiniteMdp(0, 2, 0.5, p, r));
    }

    @Test
    void solversRejectBadLambdaAndMismatchedPolicies() {
        FiniteMdp mdp = TwoStateMdpTest.stayOrSwitch();
        fails("lambda must be finite and >= 0", () -> SoftValueIteration.solve(mdp, -1));
        fails(
                "lambda must be finite and >= 0",
                () ->
                        PolicyEvaluation.evaluate(
                                mdp, TabularPolicy.uniform(2, 2), Double.POSITIVE_INFINITY));
        fails(
                "policy shape 3x2 does not match",
                () -> PolicyEvaluation.evaluate(mdp, TabularPolicy.uniform(3, 2), 0));
        fails(
                "rho must have length 2",
                () -> Occupancy.discounted(mdp, TabularPolicy.uniform(2, 2), new double[] {1}));
        fails("value vector has length 3", () -> PolicyEvaluation.qValues(mdp, new double[3]));
    }

    @Test
    void finiteHorizonMdpRejectsBadInput() {
        double[] p = {1, 0, 0, 1};
        double[] r = {0, 1};
        fails(
                "gamma must be in [0,1]",
                () -> new FiniteHorizonMdp(2, 1, 1.5, new double[][] {p}, new double[][] {r, r}));
        fails(
                "needs 1 transition tables",
                () -> new FiniteHorizonMdp(2, 1, 1, new double[0][], new double[][] {r, r}));
        fails(
                "rewards at t = 1",
                () -> new FiniteHorizonMdp(2, 1, 1, new double[][] {p}, new double[][] {r, {0}}));
        fails(
                "transition P_0(.|s,a) row 1",
                () ->
                        new FiniteHorizonMdp(
                                2, 1, 1, new double[][] {{1, 0, 0.2, 0.2}}, new double[][] {r, r}));
        FiniteHorizonMdp ok =
                new FiniteHorizonMdp(2, 1, 1, new double[][] {p}, new double[][] {r, r});
        fails(
                "needs T+1 = 2 policies",
                () ->
                        BackwardInduction.evaluate(
                                ok, new TabularPolicy[] {TabularPolicy.uniform(2, 1)}, 0));
    }
}
