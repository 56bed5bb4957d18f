package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.PopulationOperator;

class LinearQuadraticTest {
    private static final org.mfgkit.mdp.MeanFieldGame GAME = Fixtures.stationary("lq");

    @Test
    void shapesAndDefaults() {
        assertEquals(25, GAME.nS());
        assertEquals(7, GAME.nA());
        assertEquals(0.9, GAME.gamma());
        assertEquals(0.1, GAME.lambda());
        assertEquals(1.0 / 25, GAME.mu0()[7], 0.0);
    }

    /** Hand-worked kernel entries: noise weights exp(-j^2/2)/Z, x' = clip(rint(x + a + j)). */
    @Test
    void kernelByHand() {
        double z = 1 + 2 * Math.exp(-0.5) + 2 * Math.exp(-2) + 2 * Math.exp(-4.5);
        double[] p = new double[25 * 7 * 25];
        GAME.transitions(GAME.mu0(), p);
        Simplex.requireStochasticRows("P", p, 25);
        // x = 0 (s = 12), a = +1 (index 4): x' = 1 + j, j = -3..3, no clipping
        int base = (12 * 7 + 4) * 25;
        for (int j = -3; j <= 3; j++) {
            assertEquals(Math.exp(-0.5 * j * j) / z, p[base + 12 + 1 + j], 1e-15);
        }
        // x = 12 (s = 24), a = +3: everything beyond 12 is clipped to 12; x' = 15 + j >= 12 always
        base = (24 * 7 + 6) * 25;
        assertEquals(1.0, p[base + 24], 1e-15);
        // x = -12, a = 0: x' = -12 + j, clipped for j <= 0
        base = (0 * 7 + 3) * 25;
        assertEquals((1 + Math.exp(-0.5) + Math.exp(-2) + Math.exp(-4.5)) / z, p[base], 1e-15);
    }

    /** r(x,a,mu) = (-a^2/2 + q a (mbar - x) - kappa/2 (mbar - x)^2) dt, by hand at mbar = 1. */
    @Test
    void rewardsByHand() {
        double[] mu = new double[25];
        mu[13] = 1.0; // all mass at x = 1
        double[] r = new double[25 * 7];
        GAME.rewards(mu, r);
        // x = -2 (s = 10), a = 2 (index 5): gap = 3
        assertEquals(-2.0 + 0.01 * 2 * 3 - 0.25 * 9, r[10 * 7 + 5], 1e-15);
        // x = 1, a = 0: no cost
        assertEquals(0.0, r[13 * 7 + 3], 0.0);
    }

    @Test
    void uniformPolicyMeanFieldIsSymmetricFixedPoint() {
        TabularPolicy uniform = TabularPolicy.uniform(25, 7);
        MeanFieldResult mf = StationaryMeanField.of(GAME, uniform);
        assertFalse(mf.cesaroFallback());
        double[] mu = mf.mu();
        for (int s = 0; s < 25; s++) {
            assertEquals(mu[s], mu[24 - s], 1e-12, "symmetry at s = " + s);
        }
        double[] next = PopulationOperator.gamma2(GAME, uniform, mu);
        assertTrue(org.mfgkit.core.Numerics.l1Distance(next, mu) <= 1e-12);
        double mass = 0;
        for (double m : mu) {
            mass += m;
        }
        assertEquals(1.0, mass, 1e-14);
        // one raw Gamma2 step conserves mass to round-off (the kernel rows sum to 1)
        double[] start = GAME.mu0();
        start[3] += 0.02;
        start[20] -= 0.02;
        double stepped = 0;
        for (double m : PopulationOperator.gamma2(GAME, TabularPolicy.uniform(25, 7), start)) {
            stepped += m;
        }
        assertEquals(1.0, stepped, 1e-14);
    }

    /**
     * The fixed-matrix path (k = 0) against the general per-step path of a game that does not
     * declare it.
     */
    @Test
    void linearChainShortcutMatchesGeneralIteration() {
        assertFalse(GAME.transitionsDependOnMeanField());
        assertTrue(Fixtures.stationary("lq", "k=0.1").transitionsDependOnMeanField());
        org.mfgkit.mdp.MeanFieldGame general =
                new org.mfgkit.mdp.MeanFieldGame() {
                    public int nS() {
                        return GAME.nS();
                    }

                    public int nA() {
                        return GAME.nA();
                    }

                    public double gamma() {
                        return GAME.gamma();
                    }

                    public double lambda() {
                        return GAME.lambda();
                    }

                    public double[] mu0() {
                        return GAME.mu0();
                    }

                    public void transitions(double[] mu, double[] out) {
                        GAME.transitions(mu, out);
                    }

                    public void rewards(double[] mu, double[] out) {
                        GAME.rewards(mu, out);
                    }
                };
        TabularPolicy pi =
                FiniteHorizonTest.randomPolicy(Fixtures.finite("lq-fh", "L=12", "M=3"), 5)[0];
        MeanFieldResult fast = StationaryMeanField.of(GAME, pi);
        MeanFieldResult slow = StationaryMeanField.of(general, pi);
        assertTrue(org.mfgkit.core.Numerics.l1Distance(fast.mu(), slow.mu()) < 1e-12);
        assertEquals(slow.iterations(), fast.iterations(), 2);
    }

    @Test
    void exploitabilityMatchesIterativeSolvers() {
        ExploitabilityResult e =
                ExactChecks.assertExploitabilityMatchesIterativeSolvers(
                        GAME, TabularPolicy.uniform(25, 7), 0.1);
        assertTrue(
                e.exploitability() > 0.1, "uniform is far from equilibrium: " + e.exploitability());
    }

    @Test
    void meanReversionMakesTheKernelDependOnTheMean() {
        org.mfgkit.mdp.MeanFieldGame game = Fixtures.stationary("lq", "k=0.5");
        double[] mu = new double[25];
        mu[22] = 1.0; // mbar = 10
        double[] p = new double[25 * 7 * 25];
        game.transitions(mu, p);
        // x = 0, a = 0: drift 0.5 * 10 = 5, so x' = 5 + j
        int base = (12 * 7 + 3) * 25;
        assertEquals(
                Math.exp(0) / (1 + 2 * Math.exp(-0.5) + 2 * Math.exp(-2) + 2 * Math.exp(-4.5)),
                p[base + 17],
                1e-15);
    }

    @Test
    void badParametersNameTheField() {
        assertEquals(
                "L must be in 1..10000, got 0",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("lq", "L=0"))
                        .getMessage());
        assertEquals(
                "dt must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("lq", "dt=0"))
                        .getMessage());
        assertEquals(
                "mu0 must be a list of 25 numbers, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("lq", "mu0=1"))
                        .getMessage());
        assertEquals(
                "L must be an integer, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("lq", "L=x"))
                        .getMessage());
        assertEquals(11, Fixtures.game("lq", "L=5").nS());
    }
}
