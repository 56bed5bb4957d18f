package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * A 2-state, 2-action MDP solved by hand. Action 0 stays, action 1 switches; r(0,.) = 0, r(1,.) =
 * 1; gamma = 1/2.
 */
class TwoStateMdpTest {
    static FiniteMdp stayOrSwitch() {
        double[] p = {
            1, 0, /* s=0,a=0 */ 0, 1, /* s=0,a=1 */
            0, 1, /* s=1,a=0 */ 1, 0, /* s=1,a=1 */
        };
        return new FiniteMdp(2, 2, 0.5, p, new double[] {0, 0, 1, 1});
    }

    @Test
    void uniformPolicyValueByHand() {
        // V0 = l ln2 + (V0+V1)/4, V1 = 1 + l ln2 + (V0+V1)/4  =>  m = (V0+V1)/2 = 1 + 2 l ln2,
        // V0 = m - 1/2, V1 = m + 1/2.
        double lambda = 0.3;
        double m = 1 + 2 * lambda * Math.log(2);
        double[] v = PolicyEvaluation.evaluate(stayOrSwitch(), TabularPolicy.uniform(2, 2), lambda);
        assertArrayEquals(new double[] {m - 0.5, m + 0.5}, v, Tolerances.TEST_EXACT);
    }

    @Test
    void hardOptimumByHand() {
        // optimal: switch from 0, stay in 1: V*(1) = 1/(1 - 1/2) = 2, V*(0) = 0 + 2/2 = 1
        SoftSolution vi = SoftValueIteration.solve(stayOrSwitch(), 0.0);
        SoftSolution pi = SoftPolicyIteration.solve(stayOrSwitch(), 0.0);
        assertArrayEquals(new double[] {1, 2}, vi.v(), Tolerances.TEST_ITERATIVE);
        assertArrayEquals(new double[] {1, 2}, pi.v(), Tolerances.TEST_EXACT);
        assertEquals(1.0, pi.policy().prob(0, 1));
        assertEquals(1.0, pi.policy().prob(1, 0));
        // Q*(0,0) = 0 + V*(0)/2 = 0.5, Q*(0,1) = 0 + V*(1)/2 = 1
        assertArrayEquals(new double[] {0.5, 1.0, 2.0, 1.5}, pi.q(), Tolerances.TEST_EXACT);
    }

    @Test
    void occupancyByHand() {
        // policy "always switch" from rho = (1,0): states alternate 0,1,0,1,...
        // d(0) = (1-g)(1 + g^2 + g^4 + ...) = (1-g)/(1-g^2) = 1/(1+g) = 2/3
        TabularPolicy alwaysSwitch = TabularPolicy.deterministic(2, new int[] {1, 1});
        double[] d = Occupancy.discounted(stayOrSwitch(), alwaysSwitch, new double[] {1, 0});
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, d, Tolerances.TEST_EXACT);
    }

    @Test
    void singleStateBanditSoftValueHasClosedForm() {
        // one state: V* = lambda * log sum_a exp(r_a / lambda) / (1 - gamma), pi* ∝ exp(r/lambda)
        double[] r = {0.1, 0.5, -0.2};
        double lambda = 0.2;
        double gamma = 0.7;
        FiniteMdp bandit = new FiniteMdp(1, 3, gamma, new double[] {1, 1, 1}, r);
        double lse = Math.log(Math.exp(0.5) + Math.exp(2.5) + Math.exp(-1.0));
        SoftSolution s = SoftPolicyIteration.solve(bandit, lambda);
        assertEquals(lambda * lse / (1 - gamma), s.v()[0], Tolerances.TEST_EXACT);
        assertEquals(Math.exp(2.5 - lse), s.policy().prob(0, 1), Tolerances.TEST_EXACT);
    }
}
