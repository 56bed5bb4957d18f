package org.mfgkit.envs.nplayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

class CountSpaceEvaluationTest {

    private static void againstEnumeration(
            NPlayerGame game, TabularPolicy[] pi, TabularPolicy[] dev, int n, double tol) {
        double[] ref = JointEnumeration.values(game, pi, dev, n);
        CountSpaceResult got = CountSpaceEvaluation.evaluate(game, pi, n, dev);
        String what = game.name() + " N=" + n;
        assertEquals(ref[0], got.bestResponseValue(), tol, what + " best response");
        assertEquals(ref[1], got.policyValue(), tol, what + " policy value");
        assertEquals(ref[2], got.deviationValue(), tol, what + " deviation value");
        assertEquals(ref[0] - ref[1], got.exploitability(), tol, what + " exploitability");
        assertTrue(got.exploitability() >= -tol, what + " E_N >= 0");
    }

    @Test
    void twoPlayersOfSisMatchJointStateEnumeration() {
        for (String env : new String[] {"sis-fh", "sis"}) {
            NPlayerGame game = TestGames.registered(env);
            TabularPolicy[] uniform = {TabularPolicy.uniform(2, 2)};
            TabularPolicy[] br = game.meanFieldBestResponse(uniform);
            // the stationary values come from value iteration stopped at SOLVER (1 - gamma)
            double tol = game.stationary() ? Tolerances.TEST_ITERATIVE : Tolerances.TEST_EXACT;
            for (int n = 1; n <= 3; n++) {
                againstEnumeration(game, uniform, br, n, tol);
            }
        }
    }

    @Test
    void randomGamesMatchJointStateEnumeration() {
        TestGames.RandomKernel two = new TestGames.RandomKernel(2, 3, 11);
        TestGames.RandomKernel three = new TestGames.RandomKernel(3, 2, 12);
        for (TestGames.RandomKernel k : new TestGames.RandomKernel[] {two, three}) {
            TabularPolicy[] pi = {k.policy(5)};
            TabularPolicy[] dev = {k.policy(6)};
            for (double lambda : new double[] {0.0, 0.3}) {
                NPlayerGame fh = NPlayerGame.of("random-fh", k.finite(4, lambda));
                NPlayerGame st = NPlayerGame.of("random", k.stationary(0.8, lambda));
                for (int n = 1; n <= 4; n++) {
                    againstEnumeration(fh, pi, dev, n, Tolerances.TEST_EXACT);
                    againstEnumeration(st, pi, dev, n, Tolerances.TEST_ITERATIVE);
                }
            }
        }
    }

    /**
     * At a size enumeration cannot reach: the two-state fast path (the recurrence) against the
     * general multinomial path (conditional binomials convolved on maps), every configuration.
     */
    @Test
    void fastPathMatchesTheGeneralPathAtSixtyPlayers() {
        // sis-fh cut to T = 10: the general path's maps are slow, the check is per step
        for (NPlayerGame game :
                new NPlayerGame[] {
                    TestGames.registered("sis-fh", java.util.Map.of("T", "10")),
                    TestGames.registered("sis")
                }) {
            String env = game.name();
            TabularPolicy[] uniform = {TabularPolicy.uniform(2, 2)};
            CountSpaceResult fast = CountSpaceEvaluation.evaluate(game, uniform, 100, null, false);
            CountSpaceResult general =
                    CountSpaceEvaluation.evaluate(game, uniform, 100, null, true);
            assertTrue(fast.evaluated() < general.evaluated() || game.stationary(), env);
            double tol = game.stationary() ? Tolerances.TEST_ITERATIVE : Tolerances.TEST_EXACT;
            assertEquals(general.bestResponseValue(), fast.bestResponseValue(), tol, env);
            assertEquals(general.policyValue(), fast.policyValue(), tol, env);
        }
    }

    /**
     * left-right (three states, the general multinomial path), uniform policy, worked by hand: all
     * N start in the centre and know nothing more at t = 0; with K ~ Bin(N-1, 1/2) others going
     * left, going left pays -(K+1)/N, going right -2(N-K)/N, in expectation -(N+1)/(2N) and
     * -(N+1)/N. The best response goes left, uniform pays the average, so E_N = (N+1)/(4N), which
     * tends to the mean-field 1/4.
     */
    @Test
    void leftRightByHand() {
        NPlayerGame game = TestGames.registered("left-right");
        TabularPolicy[] uniform = {TabularPolicy.uniform(3, 2)};
        for (int n : new int[] {1, 2, 3, 7, 20}) {
            assertEquals(
                    (n + 1.0) / (4.0 * n),
                    CountSpaceEvaluation.evaluate(game, uniform, n, null).exploitability(),
                    Tolerances.TEST_EXACT,
                    "N = " + n);
        }
        assertEquals(
                0.25,
                game.meanFieldExploitability(uniform).exploitability(),
                Tolerances.TEST_EXACT);
    }

    @Test
    void refusesBadInputNamingTheReason() {
        NPlayerGame sis = TestGames.registered("sis-fh");
        TabularPolicy[] uniform = {TabularPolicy.uniform(2, 2)};
        assertEquals(
                "number of players N must be at least 1, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CountSpaceEvaluation.evaluate(sis, uniform, 0, null))
                        .getMessage());
        String msg =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> NPlayerGame.of("state-action", TestGames.actionMeanField()))
                        .getMessage();
        assertTrue(msg.contains("state-action") && msg.contains("actions"), msg);
    }
}
