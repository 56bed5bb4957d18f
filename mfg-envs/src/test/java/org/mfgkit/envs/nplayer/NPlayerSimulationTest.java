package org.mfgkit.envs.nplayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.TabularPolicy;

class NPlayerSimulationTest {
    /**
     * Four standard errors: a correct estimator leaves this band with probability 6e-5 (normal
     * approximation), so the test does not hinge on a lucky seed.
     */
    private static final double Z = 4.0;

    /**
     * The Monte Carlo target {@code J_N(sigma, pi) - J_N(pi, pi)} computed exactly on the count
     * space must lie within the estimate's interval, and the estimate below exact {@code E_N}.
     */
    private static void againstExact(
            NPlayerGame game, TabularPolicy[] pi, TabularPolicy[] sigma, int n, int samples) {
        CountSpaceResult exact = CountSpaceEvaluation.evaluate(game, pi, n, sigma);
        double target = exact.deviationValue() - exact.policyValue();
        MonteCarloResult mc = NPlayerSimulation.estimate(game, pi, sigma, n, samples, 7);
        double se = mc.ci95() / 1.96;
        String what = game.name() + " N=" + n + ": MC " + mc.estimate() + " +- " + mc.ci95();
        assertTrue(se > 0, what);
        assertTrue(Math.abs(mc.estimate() - target) <= Z * se, what + ", exact " + target);
        assertTrue(mc.estimate() <= exact.exploitability() + Z * se, what + " above E_N");
        assertTrue(target <= exact.exploitability() + 1e-12, "own-state deviation beats informed");
    }

    @Test
    void monteCarloAgreesWithTheExactValueOfTheSameDeviation() {
        TabularPolicy[] uniform = {TabularPolicy.uniform(2, 2)};
        for (String env : new String[] {"sis-fh", "sis"}) {
            NPlayerGame game = TestGames.registered(env);
            TabularPolicy[] br = game.meanFieldBestResponse(uniform);
            againstExact(game, uniform, br, 10, 2000);
        }
        TestGames.RandomKernel k = new TestGames.RandomKernel(3, 2, 3);
        NPlayerGame random = NPlayerGame.of("random-fh", k.finite(6, 0.2));
        againstExact(
                random,
                new TabularPolicy[] {k.policy(1)},
                new TabularPolicy[] {k.policy(2)},
                4,
                4000);
    }

    @Test
    void sameSeedSameBitsAndPairedRunsOfTheSamePolicyCancel() {
        NPlayerGame game = TestGames.registered("sis-fh");
        TabularPolicy[] uniform = {TabularPolicy.uniform(2, 2)};
        TabularPolicy[] br = game.meanFieldBestResponse(uniform);
        MonteCarloResult a = NPlayerSimulation.estimate(game, uniform, br, 50, 20, 3);
        MonteCarloResult b = NPlayerSimulation.estimate(game, uniform, br, 50, 20, 3);
        assertEquals(a.estimate(), b.estimate(), 0.0);
        assertEquals(a.ci95(), b.ci95(), 0.0);
        // deviating to pi itself: both runs of every pair are the same run
        MonteCarloResult same = NPlayerSimulation.estimate(game, uniform, uniform, 50, 20, 3);
        assertEquals(0.0, same.estimate(), 0.0);
        assertEquals(2L * 20 * 50 * 51, a.playerSteps());
        assertThrows(
                IllegalArgumentException.class,
                () -> NPlayerSimulation.estimate(game, uniform, br, 0, 20, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> NPlayerSimulation.estimate(game, uniform, br, 5, 1, 3));
    }
}
