package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.SparseKernel;

/**
 * Crowd motion's own pieces: its sparse kernel worked by hand, the seeded bar walk, bad bar paths.
 * Its numbers against MFGLib's are in {@link MfglibGamesTest}.
 */
class CrowdMotionTest {
    @Test
    void theKernelIsLocalStochasticAndFixed() {
        CrowdMotion game =
                new CrowdMotion(
                        CrowdMotion.PARAMS
                                .defaults()
                                .withText("torus_l", "4")
                                .withText("torus_w", "3"));
        SparseKernel p = game.finiteHorizon().sparseTransitions(0, game.mu0());
        assertTrue(p.maxRowLength() <= 5);
        double[] dense = p.toDense();
        // interior cell (1,1) = 4, action 0 (+1,0): noise keeps it at (2,1) w.p. 1/2, else
        // (3,1), (1,1), (2,2), (2,0) w.p. 1/8 each
        int row = (4 * 5) * 12;
        assertEquals(0.5, dense[row + 7], 0.0);
        assertEquals(0.125, dense[row + 10], 0.0);
        assertEquals(0.125, dense[row + 4], 0.0);
        assertEquals(0.125, dense[row + 8], 0.0);
        assertEquals(0.125, dense[row + 6], 0.0);
        // corner (0,0), action 1 (-1,0), clipped jointly with the noise: stays unless the noise
        // is (0,+1)
        assertEquals(0.875, dense[(0 * 5 + 1) * 12], 0.0);
        assertEquals(0.125, dense[(0 * 5 + 1) * 12 + 1], 0.0);
        assertTrue(p == game.finiteHorizon().sparseTransitions(2, null), "one fixed kernel");
    }

    @Test
    void theSeededBarWalksDiagonallyEveryFreqStepsInsideTheGrid() {
        ParamValues v =
                CrowdMotion.PARAMS
                        .defaults()
                        .withText("T", "40")
                        .withText("torus_l", "5")
                        .withText("torus_w", "4")
                        .withText("loc_change_freq", "3")
                        .withText("seed", "7");
        CrowdMotion game = new CrowdMotion(v);
        assertArrayEquals(new int[] {2, 2}, game.bar(0));
        for (int t = 1; t <= 40; t++) {
            int[] a = game.bar(t - 1);
            int[] b = game.bar(t);
            assertTrue(b[0] >= 0 && b[0] < 5 && b[1] >= 0 && b[1] < 4);
            boolean moved = a[0] != b[0] || a[1] != b[1];
            if (moved) {
                assertEquals(0, t % 3, "moves only after steps i with (i+1) % freq == 0");
                assertEquals(1, Math.abs(a[0] - b[0]));
                assertEquals(1, Math.abs(a[1] - b[1]));
            }
        }
        assertArrayEquals(game.bar(40), new CrowdMotion(v).bar(40), "same seed, same walk");
    }

    @Test
    void badBarPathsAreRejectedWithOneLine() {
        ParamValues d = CrowdMotion.PARAMS.defaults();
        var e1 =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new CrowdMotion(d.withText("bar_path", "1:1,2:2")));
        assertTrue(e1.getMessage().contains("T+1 = 4 positions"), e1.getMessage());
        var e0 =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new CrowdMotion(d.withText("T", "inf").withText("gamma", "0.9")));
        assertTrue(e0.getMessage().contains("finite-horizon"), e0.getMessage());
        var e2 =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new CrowdMotion(d.withText("bar_path", "1:1,2:2,3:3,20:0")));
        assertTrue(e2.getMessage().contains("outside the 20x20 grid"), e2.getMessage());
        var e3 =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new CrowdMotion(d.withText("bar_path", "1:1,2;2,3:3,4:4")));
        assertTrue(e3.getMessage().contains("x:y"), e3.getMessage());
    }
}
