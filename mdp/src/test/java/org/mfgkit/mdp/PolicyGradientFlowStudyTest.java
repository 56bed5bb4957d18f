package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.PolicyGradientFlowStudy.Setting;

class PolicyGradientFlowStudyTest {
    @Test
    void recordedStepsAreLinearAndLogarithmicallySpaced() {
        // linear (6 points): 0, 200, ..., 1000; logarithmic (3 points): 1, 32, 1000
        assertArrayEquals(
                new int[] {0, 1, 32, 200, 400, 600, 800, 1000},
                PolicyGradientFlowStudy.recordedSteps(1000, 6));
        assertArrayEquals(new int[] {0, 1, 2}, PolicyGradientFlowStudy.recordedSteps(2, 2));
    }

    /**
     * A small bandit study: the curve holds one run per seed on the recorded times, its first and
     * last values are the initialisations' gaps, and with {@code gamma = 0} the gap equals {@code
     * lambda KL(pi || pi*)} (soft performance difference); one thread or two give the same bits.
     */
    @Test
    void aSmallBanditStudy() {
        ParamValues p =
                PolicyGradientFlowStudy.schema(Setting.BANDIT)
                        .defaults()
                        .withJson("actions", 30)
                        .withJson("width", 50)
                        .withJson("steps", 1e2) // JSON numbers stay numbers
                        .withJson("points", 11);
        PolicyGradientFlowStudy.Outcome one =
                PolicyGradientFlowStudy.run(Setting.BANDIT, p, new long[] {4, 1}, 1, null);
        PolicyGradientFlowStudy.Outcome two =
                PolicyGradientFlowStudy.run(Setting.BANDIT, p, new long[] {4, 1}, 2, null);
        assertEquals(2, one.gap().runCount());
        assertArrayEquals(
                PolicyGradientFlowStudy.recordedSteps(100, 11),
                java.util.Arrays.stream(one.gap().x()).mapToInt(x -> (int) x).toArray());
        for (int k = 0; k < 2; k++) {
            var r = one.result().runs().get(k);
            double[] gap = one.gap().runs()[k];
            assertEquals(r.initialGap(), gap[0], 0.0);
            assertEquals(r.finalGap(), gap[gap.length - 1], 0.0);
            assertEquals(r.finalGap(), 0.2 * r.finalKlMean(), 1e-12);
            assertArrayEquals(gap, two.gap().runs()[k], 0.0);
        }
        assertTrue(one.result().allMonotone());
        assertEquals("bandit", one.result().setting());
    }

    @Test
    void declarationsRefuseBadValues() {
        var grid = PolicyGradientFlowStudy.schema(Setting.GRID).defaults();
        assertEquals(
                "gamma must be in [0,1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> grid.withJson("gamma", 1.0))
                        .getMessage());
        assertEquals(5000, grid.get(PolicyGradientFlowStudy.STEPS));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PolicyGradientFlowStudy.schema(Setting.BANDIT)
                                .defaults()
                                .withJson("grid", 3));
    }
}
