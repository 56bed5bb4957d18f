package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.PolicyGradientFlowStudy.Setting;

class PolicyGradientFlowStudyTest {
    /**
     * Sizes beyond the heap are refused before anything is allocated, naming the setting: a width
     * of 10^9 needs 288 bytes per particle (576 GB with two students at once); a 10^5 grid needs
     * the 8 nS^3 bytes of its transitions (8e15), whose entry count would wrap around an int.
     */
    @Test
    void hugeSizesAreRefusedNamingTheSetting() {
        ParamValues bandit =
                PolicyGradientFlowStudy.schema(Setting.BANDIT)
                        .defaults()
                        .withText("width", "1000000000");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PolicyGradientFlowStudy.run(
                                        Setting.BANDIT, bandit, new long[] {0, 1}, 2, null));
        assertTrue(
                e.getMessage().startsWith("width = 1000000000 needs about 576 GB"), e.getMessage());
        ParamValues grid =
                PolicyGradientFlowStudy.schema(Setting.GRID).defaults().withText("grid", "100000");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PolicyGradientFlowStudy.admit(Setting.GRID, grid, 1, 1));
        assertTrue(
                e.getMessage().startsWith("grid = 100000 needs about 8.0e+06 GB"), e.getMessage());
        // curve points (1.5 points, at most steps + 1, at 64 + 16 seeds bytes) and the teacher
        ParamValues points =
                PolicyGradientFlowStudy.schema(Setting.BANDIT)
                        .defaults()
                        .withText("steps", "2e9")
                        .withText("points", "2e9");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PolicyGradientFlowStudy.admit(Setting.BANDIT, points, 1, 1));
        // 80 x (2e9 + 1) points + 16 x (2e9 + 1) steps + small terms
        assertTrue(
                e.getMessage().startsWith("points = 2000000000 needs about 192 GB"),
                e.getMessage());
        ParamValues teacher =
                PolicyGradientFlowStudy.schema(Setting.BANDIT)
                        .defaults()
                        .withText("teacher_width", "1e9");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PolicyGradientFlowStudy.admit(Setting.BANDIT, teacher, 1, 1));
        assertTrue(
                e.getMessage().startsWith("teacher_width = 1000000000 needs about 64 GB"),
                e.getMessage());
    }

    /** More points than steps: every step is recorded (spacing below one step). */
    @Test
    void morePointsThanStepsRecordEveryStep() {
        for (int steps = 1; steps <= 30; steps++) {
            int[] all = java.util.stream.IntStream.rangeClosed(0, steps).toArray();
            for (int points = steps + 1; points <= steps + 40; points++) {
                assertArrayEquals(all, PolicyGradientFlowStudy.recordedSteps(steps, points));
            }
        }
        assertArrayEquals(
                java.util.stream.IntStream.rangeClosed(0, 5).toArray(),
                PolicyGradientFlowStudy.recordedSteps(5, Integer.MAX_VALUE));
    }

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
