package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.PopulationOperator;

class SisEpidemicTest {
    private static final org.mfgkit.mdp.MeanFieldGame GAME = Fixtures.stationary("sis");

    /** The policy going out with probability {@code p} in both states. */
    private static TabularPolicy constant(double p) {
        return TabularPolicy.of(new double[][] {{p, 1 - p}, {p, 1 - p}});
    }

    @Test
    void defaultsAreThoseOf004() {
        GameModel p = Games.create("sis");
        assertEquals(0.81, p.params().get(SisEpidemic.C));
        assertTrue(p.isStationary());
        assertEquals(0.9, p.gamma());
        assertEquals(0.1, p.lambda());
        assertEquals(0.4, p.mu0()[0]);
        assertEquals(0.6, p.mu0()[1]);
    }

    @Test
    void transitionsAndRewardsByHand() {
        double[] mu = {0.25, 0.75};
        double[] p = new double[8];
        GAME.transitions(mu, p);
        // (S,U): infected with 0.81 * 0.75
        assertEquals(1 - 0.6075, p[0], 1e-15);
        assertEquals(0.6075, p[1], 1e-15);
        // (S,D): never infected
        assertEquals(1.0, p[2]);
        assertEquals(0.0, p[3]);
        // (I,a): recover with 0.3
        assertEquals(0.3, p[4]);
        assertEquals(0.7, p[5]);
        assertEquals(0.3, p[6]);
        assertEquals(0.7, p[7]);
        Simplex.requireStochasticRows("P", p, 2);
        double[] r = new double[4];
        GAME.rewards(mu, r);
        assertEquals(0.0, r[0]);
        assertEquals(-0.5, r[1]);
        assertEquals(-1.0, r[2]);
        assertEquals(-1.5, r[3]);
    }

    /**
     * 004 / SPEC §2.1: for a constant policy the endemic state is {@code mu(I) = 1 - 0.3/(c
     * pi(U|S))} when positive.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.9, 0.8, 0.6, 0.5, 0.4})
    void endemicClosedForm(double goOut) {
        MeanFieldResult mf = StationaryMeanField.of(GAME, constant(goOut));
        double expected = Math.max(0.0, 1.0 - 0.3 / (0.81 * goOut));
        assertFalse(mf.cesaroFallback());
        assertEquals(expected, mf.mu()[SisEpidemic.I], 1e-11);
        assertEquals(1.0, mf.mu()[0] + mf.mu()[1], Tolerances.TEST_EXACT);
    }

    @Test
    void meanFieldIsAFixedPointOfGamma2AndConservesMass() {
        TabularPolicy pi = TabularPolicy.of(new double[][] {{0.7, 0.3}, {0.2, 0.8}});
        MeanFieldResult mf = StationaryMeanField.of(GAME, pi);
        double[] next = PopulationOperator.gamma2(GAME, pi, mf.mu());
        assertEquals(next[0], mf.mu()[0], 1e-12);
        assertEquals(next[1], mf.mu()[1], 1e-12);
        assertTrue(mf.residual() <= Tolerances.MEAN_FIELD);
        assertTrue(mf.iterations() > 1);
        // mass along the iteration
        double[] mu = GAME.mu0();
        for (int n = 0; n < 50; n++) {
            mu = PopulationOperator.gamma2(GAME, pi, mu);
            assertEquals(1.0, mu[0] + mu[1], 1e-14);
        }
    }

    /**
     * A hand-worked case, independent of the library's solvers: {@code lambda = 0}, the policy
     * "always go out" ({@code pi(U|.) = 1}), so {@code mu(I) = 1 - 0.3/0.81 = 17/27}. Values of the
     * four deterministic policies in the induced 2-state MDP by Cramer's rule; {@code V* = } the
     * best of them at {@code mu0}.
     */
    @Test
    void handWorkedExploitabilityWithoutRegularisation() {
        org.mfgkit.mdp.MeanFieldGame game = Fixtures.stationary("sis", "lambda=0");
        double muI = 17.0 / 27.0;
        double beta = 0.81 * muI; // P(I|S,U)
        double g = 0.9;
        double[] rho = {0.4, 0.6};
        double best = Double.NEGATIVE_INFINITY;
        double always = Double.NaN;
        for (int aS = 0; aS < 2; aS++) {
            for (int aI = 0; aI < 2; aI++) {
                double pSI = aS == 0 ? beta : 0.0;
                double rS = aS == 0 ? 0.0 : -0.5;
                double rI = aI == 0 ? -1.0 : -1.5;
                // (I - g P) V = r, P = [[1-pSI, pSI],[0.3, 0.7]]
                double a11 = 1 - g * (1 - pSI);
                double a12 = -g * pSI;
                double a21 = -g * 0.3;
                double a22 = 1 - g * 0.7;
                double det = a11 * a22 - a12 * a21;
                double vS = (rS * a22 - a12 * rI) / det;
                double vI = (a11 * rI - a21 * rS) / det;
                double value = rho[0] * vS + rho[1] * vI;
                best = Math.max(best, value);
                if (aS == 0 && aI == 0) {
                    always = value;
                }
            }
        }
        ExploitabilityResult e = Exploitability.of(game, constant(1.0));
        assertEquals(muI, e.stationaryMeanField()[1], 1e-12);
        assertEquals(always, e.policyValue(), Tolerances.TEST_EXACT);
        assertEquals(best, e.bestResponseValue(), Tolerances.TEST_EXACT);
        assertEquals(best - always, e.exploitability(), Tolerances.TEST_EXACT);
        assertTrue(
                e.exploitability() > 0.1,
                "going out while 63% are infected is exploitable: " + e.exploitability());
    }

    /**
     * Regularised exploitability against an independent route: soft value iteration and iterative
     * evaluation.
     */
    @Test
    void regularisedExploitabilityMatchesIterativeSolvers() {
        ExploitabilityResult e =
                ExactChecks.assertExploitabilityMatchesIterativeSolvers(
                        GAME, TabularPolicy.uniform(2, 2), 0.1);
        assertTrue(e.exploitability() > 0.0);
        assertFalse(e.cesaroFallback());
    }

    @Test
    void badParametersNameTheField() {
        assertEquals(
                "c must be in [0,1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("sis", "c=1.5"))
                        .getMessage());
        assertEquals(
                "gamma must be in [0,1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("sis", "gamma=1"))
                        .getMessage());
        assertEquals(
                "lambda must be >= 0, got -1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Fixtures.game("sis", "lambda=-1"))
                        .getMessage());
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Fixtures.game("sis", "mu0=0.5,0.6"))
                        .getMessage()
                        .startsWith("mu0 must be a distribution"));
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("sis", "beta=1"))
                        .getMessage()
                        .startsWith("unknown parameter 'beta' for sis"));
        assertEquals(0.5, Fixtures.game("sis", "c=0.5").params().get(SisEpidemic.C));
        assertEquals(0.3, Fixtures.game("sis", "mu0=0.7,0.3").mu0()[1]);
        assertEquals(0.3, Fixtures.game("sis", "mu0=[0.7, 0.3]").mu0()[1]);
    }
}
