package org.mfgkit.envs.nplayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.DampedFixedPoint;
import org.mfgkit.envs.Games;

class NPlayerStudyTest {
    /**
     * The gap {@code E_N - E_inf} of a smooth game closes like {@code 1/N} (the bias of a smooth
     * function of an empirical measure is {@code O(1/N)}). A fit over a finite range of {@code N}
     * still carries pre-asymptotic curvature: measured at most 0.25 on {@code N = 50..200} (sis-fh:
     * -1.25) and 0.16 on {@code N = 100..1000} (sis-fh: -1.16), so the exponent must be within 0.3,
     * resp. 0.2, of -1.
     */
    private static final ParamValues SMALL =
            NPlayerStudy.SCHEMA.defaults().withText("n", "50,100,200");

    private static final ParamValues LARGE =
            NPlayerStudy.SCHEMA.defaults().withText("n", "100,300,1000");

    private static void convergesLikeOneOverN(NPlayerReport r, double slack, String what) {
        List<NPlayerPoint> p = r.points();
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.get(i).isExact(), what);
            assertTrue(p.get(i).exploitability() >= r.meanFieldExploitability() - 1e-12, what);
            if (i > 0) {
                assertTrue(
                        RateFit.gap(p.get(i), r.meanFieldExploitability())
                                < RateFit.gap(p.get(i - 1), r.meanFieldExploitability()),
                        what + ": gap must shrink with N");
            }
        }
        assertEquals(-1.0, r.rate().rate(), slack, what + ": rate " + r.rate());
    }

    /** Checks both SIS games, the uniform policy and the exact MFG equilibrium, over {@code ns}. */
    private static void sisConverges(ParamValues ns, double slack) {
        for (String env : new String[] {"sis-fh", "sis"}) {
            NPlayerGame game = TestGames.registered(env);
            TabularPolicy[] uniform = {TabularPolicy.uniform(2, 2)};
            NPlayerReport u = NPlayerStudy.run(game, uniform, ns);
            assertEquals(
                    game.meanFieldExploitability(uniform).exploitability(),
                    u.meanFieldExploitability(),
                    0.0);
            convergesLikeOneOverN(u, slack, env + " uniform");
            TabularPolicy[] eq =
                    new DampedFixedPoint().solve(Games.create(env).exact(), 1000, null).policy();
            NPlayerReport e = NPlayerStudy.run(game, eq, ns);
            // the MFG equilibrium: E_inf = 0 and E_N -> 0 like 1/N
            assertEquals(0.0, e.meanFieldExploitability(), 1e-12, env);
            convergesLikeOneOverN(e, slack, env + " equilibrium");
        }
    }

    @Test
    void exploitabilityTendsToTheMeanFieldOneAndToZeroAtTheEquilibrium() {
        sisConverges(SMALL, 0.3);
    }

    @Test
    @Tag("slow")
    void rateOverLargerPlayerCounts() {
        sisConverges(LARGE, 0.2);
    }

    @Test
    void budgetChoosesTheMethodAndParametersAreDeclared() {
        NPlayerGame game = TestGames.registered("sis-fh");
        ParamValues p =
                NPlayerStudy.SCHEMA
                        .defaults()
                        .withText("n", "1,5,200")
                        .withText("exact_budget", "20")
                        .withText("samples", "50")
                        .withText("seed", "4");
        // progress: one unit per exact N (2), one per Monte Carlo sample (50)
        long[] units = {0};
        NPlayerReport r =
                NPlayerStudy.run(
                        game,
                        new TabularPolicy[] {TabularPolicy.uniform(2, 2)},
                        p,
                        point -> {},
                        () -> units[0]++);
        assertEquals(2 + 50, units[0]);
        assertEquals(2 + 50, NPlayerStudy.work(game, p));
        assertEquals(
                r.points().stream().map(NPlayerPoint::exploitability).toList(),
                NPlayerStudy.run(game, new TabularPolicy[] {TabularPolicy.uniform(2, 2)}, p)
                        .points()
                        .stream()
                        .map(NPlayerPoint::exploitability)
                        .toList(),
                "the listener changes nothing");
        assertEquals(
                List.of("exact", "exact", "monte-carlo"),
                r.points().stream().map(NPlayerPoint::method).toList());
        assertEquals(50, r.points().get(2).monteCarlo().samples());
        assertEquals(4L, r.points().get(2).monteCarlo().seed());
        assertTrue(r.points().get(2).ci95() > 0);
        assertEquals("exact", r.rate().method());
        assertEquals(
                10000,
                NPlayerStudy.SCHEMA.defaults().withText("n", "2,1e4").get(NPlayerStudy.N)[1],
                0.0);
        for (String bad : new String[] {"0", "2.5", "-3", ""}) {
            String msg =
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> NPlayerStudy.SCHEMA.defaults().withText("n", bad))
                            .getMessage();
            assertTrue(msg.startsWith("n must be"), msg);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> NPlayerStudy.SCHEMA.defaults().withText("method", "guess"));
    }
}
