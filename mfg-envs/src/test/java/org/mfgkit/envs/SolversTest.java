package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.PopulationOperator;

class SolversTest {
    /** The equilibrium check of SPEC §2 on the Nash policy found by the damped fixed point. */
    @ParameterizedTest
    @ValueSource(strings = {"sis", "lq"})
    void fixedPointSolvesStationaryGamesToBelow1eMinus10(String name) {
        StationaryModel model = (StationaryModel) Games.create(name).exact();
        MeanFieldGame game = model.game();
        SolverRun run = new DampedFixedPoint().solve(model, 1000, null);
        assertTrue(run.converged(), "fixed point settles");
        assertTrue(
                Math.abs(run.finalExploitability()) < 1e-10,
                "E(pi*) = " + run.finalExploitability());
        // pi* = Gamma1(mu*), mu* = Gamma2(pi*, mu*)
        double[] mu = run.last().stationaryMeanField();
        TabularPolicy pi = run.policy()[0];
        assertTrue(Numerics.l1Distance(PopulationOperator.gamma2(game, pi, mu), mu) < 1e-12);
        assertTrue(
                Numerics.supDistance(BestResponse.of(game, mu).policy().table(), pi.table())
                        < 1e-9);
        // the uniform policy is exploitable
        assertTrue(model.exploitability(model.uniformPolicy()).exploitability() > 0.1);
    }

    /**
     * SIS equilibrium: the infected rate is the endemic closed form of the Nash policy's own {@code
     * pi(U|S)}, and the Nash policy is the soft-greedy policy of its own Q (checked by exact LU
     * evaluation, independent of the soft-optimal solver).
     */
    @Test
    void sisEquilibriumIsConsistent() {
        MeanFieldGame game = Fixtures.stationary("sis");
        SolverRun run = new DampedFixedPoint().solve(new StationaryModel(game), 1000, null);
        TabularPolicy pi = run.policy()[0];
        double[] mu = run.last().stationaryMeanField();
        double goOut = pi.prob(SisEpidemic.S, SisEpidemic.U);
        assertEquals(Math.max(0, 1 - 0.3 / (0.81 * goOut)), mu[SisEpidemic.I], 1e-11);
        var mdp = game.inducedMdp(mu);
        double[] q =
                PolicyEvaluation.qValues(mdp, PolicyEvaluation.evaluate(mdp, pi, game.lambda()));
        TabularPolicy soft = TabularPolicy.softmax(2, 2, q, game.lambda());
        assertTrue(Numerics.supDistance(soft.table(), pi.table()) < 1e-10);
    }

    /**
     * The best response to a fixed mean field is unexploitable only when that mean field is its
     * own.
     */
    @Test
    void bestResponseToAFixedMeanField() {
        MeanFieldGame game = Fixtures.stationary("sis");
        // against mu0 = (0.4, 0.6): the best response is optimal in that MDP...
        var br = BestResponse.of(game, game.mu0());
        var mdp = game.inducedMdp(game.mu0());
        double value =
                PolicyEvaluation.value(
                        PolicyEvaluation.evaluate(mdp, br.policy(), game.lambda()), game.mu0());
        assertEquals(br.value(game.mu0()), value, Tolerances.TEST_ITERATIVE);
        // ...but its own mean field differs, so it is exploitable
        ExploitabilityResult e = Exploitability.of(game, br.policy());
        assertTrue(Numerics.l1Distance(e.stationaryMeanField(), game.mu0()) > 0.1);
        assertTrue(e.exploitability() > 1e-3, "E(Gamma1(mu0)) = " + e.exploitability());
        // the best response to the equilibrium mean field is unexploitable
        SolverRun run = new DampedFixedPoint().solve(new StationaryModel(game), 1000, null);
        var brStar = BestResponse.of(game, run.last().stationaryMeanField()).policy();
        assertTrue(Math.abs(Exploitability.of(game, brStar).exploitability()) < 1e-10);
    }

    @Test
    void onlineMirrorDescentConvergesOnSis() {
        SolverRun run = new OnlineMirrorDescent().solve(Games.create("sis").exact(), 300, null);
        assertTrue(Math.abs(run.finalExploitability()) < 1e-10, "E = " + run.finalExploitability());
        // and reaches the same equilibrium as the fixed point
        SolverRun fp = new DampedFixedPoint().solve(Games.create("sis").exact(), 1000, null);
        assertArrayEquals(fp.policy()[0].table(), run.policy()[0].table(), 1e-8);
    }

    /**
     * Fictitious play: exploitability falls roughly like 1/n (checked at n = 20 and 200 on two
     * games).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sis", "lq-fh", "left-right"})
    void fictitiousPlayImproves(String name) {
        SolverRun run = new FictitiousPlay().solve(Games.create(name).exact(), 200, null);
        double e0 = run.exploitability(0);
        double e20 = run.exploitability(20);
        double e200 = run.exploitability(200);
        assertTrue(e20 < e0 && e200 < e20, name + ": " + e0 + " " + e20 + " " + e200);
        assertTrue(e200 < 0.3 * e20, name + ": " + e20 + " -> " + e200);
    }

    /** Left-right: fictitious play and OMD approach the mixed equilibrium "left w.p. 2/3". */
    @Test
    void leftRightEquilibrium() {
        ExactModel model = Games.create("left-right").exact();
        SolverRun omd = new OnlineMirrorDescent().solve(model, 100, null);
        assertEquals(2.0 / 3, omd.policy()[0].prob(0, 0), 1e-9);
        assertTrue(omd.finalExploitability() < 1e-10);
        SolverRun fp = new FictitiousPlay().solve(model, 2000, null);
        assertEquals(2.0 / 3, fp.policy()[0].prob(0, 0), 1e-2);
    }

    /**
     * lq-fh and sis-fh (lambda = 0): the fixed point reaches an exact (pure) equilibrium; uniform
     * is exploitable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lq-fh", "sis-fh"})
    void finiteHorizonFixedPoint(String name) {
        ExactModel model = Games.create(name).exact();
        SolverRun run = new DampedFixedPoint().solve(model, 500, null);
        assertTrue(run.converged());
        assertTrue(Math.abs(run.finalExploitability()) < 1e-10, "E = " + run.finalExploitability());
        assertTrue(model.exploitability(model.uniformPolicy()).exploitability() > 1.0);
    }

    @Test
    void curveAndListener() {
        List<double[]> seen = new ArrayList<>();
        SolverRun run =
                new OnlineMirrorDescent(0.5)
                        .solve(
                                Games.create("sis-fh").exact(),
                                7,
                                (n, e, s) -> seen.add(new double[] {n, e, s}));
        assertEquals(8, run.curve().size());
        assertEquals(8, seen.size());
        assertEquals(7, run.iterations());
        assertEquals(51, run.policy().length);
        for (int n = 0; n < seen.size(); n++) {
            assertEquals(n, seen.get(n)[0]);
            assertEquals(n, run.iteration(n));
            assertEquals(seen.get(n)[1], run.exploitability(n));
            assertEquals(seen.get(n)[2], run.seconds()[n]);
        }
        assertEquals("omd", run.curve().name());
        assertEquals(0.5, run.settings().get("alpha"));
    }

    @Test
    void solversAreDeterministic() {
        ExactModel model = Games.create("lq").exact();
        SolverRun a = new FictitiousPlay().solve(model, 5, null);
        SolverRun b = new FictitiousPlay().solve(model, 5, null);
        assertArrayEquals(a.policy()[0].table(), b.policy()[0].table(), 0.0);
    }

    @Test
    void badSettingsAreRejected() {
        assertEquals(
                "beta must be in (0,1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new DampedFixedPoint(0))
                        .getMessage());
        assertEquals(
                "alpha must be in [0,1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new FictitiousPlay(1.5))
                        .getMessage());
        assertEquals(
                "iterations must be >= 0, got -1",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new FictitiousPlay()
                                                .solve(Games.create("sis").exact(), -1, null))
                        .getMessage());
        var model = Games.create("sis", Map.of("lambda", "0.5")).exact();
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new OnlineMirrorDescent(3).solve(model, 1, null));
        assertTrue(e.getMessage().contains("alpha * lambda <= 1"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EquilibriumSolvers.create("nope", Map.of()))
                        .getMessage()
                        .contains("unknown algorithm 'nope'"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EquilibriumSolvers.create("omd", Map.of("beta", "1")))
                        .getMessage()
                        .startsWith("unknown parameter 'beta' for omd"));
        assertEquals(
                0.25,
                ((DampedFixedPoint)
                                EquilibriumSolvers.create("fixed-point", Map.of("beta", "0.25")))
                        .beta());
        assertFalse(new FictitiousPlay().solve(model, 0, null).converged());
    }
}
