package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfgkit.core.Curve;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.BackwardInduction;
import org.mfgkit.mdp.FiniteHorizonMdp;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.PopulationOperator;

/**
 * Prior descent and MF-OMI-FBS against the transcription of MFGLib's updates in {@code
 * mfglib_reference.py} ({@link MfglibFixture}): exploitability of the iterates at iterations 0, 1,
 * 2, 10 and 100, at MFGLib's defaults and at one other setting: prior descent on sis-fh (T = 50)
 * and lq-fh, MF-OMI-FBS on sis-fh and left-right (not lq-fh: by symmetry its OMI iterates keep the
 * population mean at 0 up to rounding, where MFGLib's rounded LQ kernel jumps, so the iterates
 * depend on summation order; see the script); both on equilibrium-price and random-linear, whose
 * mean field is the state-action {@code L_t}, where fictitious play's and OMD's policies after 100
 * iterations are compared too.
 */
class MfglibAlgorithmsTest {
    static void assertCurve(double[] expected, Curve curve, double tolerance) {
        int[] at = MfglibFixture.curveAt();
        for (int k = 0; k < expected.length; k++) {
            assertEquals(at[k], curve.x()[at[k]], 0.0);
            assertEquals(expected[k], curve.runs()[0][at[k]], tolerance, "iteration " + at[k]);
        }
    }

    static double[] reference(String game, String algorithm) {
        return MfglibFixture.numbers(MfglibFixture.ROOT.get("algorithms").get(game).get(algorithm));
    }

    @ParameterizedTest
    @CsvSource({"sis-fh", "lq-fh"})
    void priorDescentMatchesTheTranscription(String name) {
        ExactModel game = Games.create(name).exact();
        assertCurve(
                reference(name, "prior-descent"),
                new PriorDescent().solve(game, 100, null).curve(),
                Tolerances.TEST_EXACT);
        var params = PriorDescent.PARAMS.defaults().withText("eta", "0.5").withText("n_inner", "5");
        assertCurve(
                reference(name, "prior-descent eta=0.5 n_inner=5"),
                new PriorDescent(params).solve(game, 100, null).curve(),
                Tolerances.TEST_EXACT);
    }

    /** The projection is iterative (to 1e-14 in the constraints), hence the iterative tolerance. */
    @ParameterizedTest
    @CsvSource({"sis-fh", "left-right"})
    void occupationMeasureInclusionMatchesTheTranscription(String name) {
        ExactModel game = Games.create(name).exact();
        assertCurve(
                reference(name, "occupation-measure-inclusion"),
                new OccupationMeasureInclusion().solve(game, 100, null).curve(),
                Tolerances.TEST_ITERATIVE);
        var params =
                OccupationMeasureInclusion.PARAMS
                        .defaults()
                        .withText("alpha", "0.1")
                        .withText("eta", "0.01");
        assertCurve(
                reference(name, "occupation-measure-inclusion alpha=0.1 eta=0.01"),
                new OccupationMeasureInclusion(params).solve(game, 100, null).curve(),
                Tolerances.TEST_ITERATIVE);
    }

    /**
     * Prior descent and MF-OMI-FBS on two games whose mean field is the state-action {@code L_t}
     * (equilibrium-price; random-linear with the script's instance): the solvers hand the game
     * {@code L_t} as MFGLib does (OMI's iterate {@code d} is {@code L} itself).
     */
    @ParameterizedTest
    @CsvSource({"equilibrium-price", "random-linear"})
    void priorDescentAndOccupationMeasureInclusionOnStateActionMeanFields(String name) {
        ExactModel game = MfglibGamesTest.game(name).exact();
        var pd = PriorDescent.PARAMS.defaults().withText("eta", "0.5").withText("n_inner", "5");
        assertCurve(
                reference(name, "prior-descent eta=0.5 n_inner=5"),
                new PriorDescent(pd).solve(game, 100, null).curve(),
                Tolerances.TEST_EXACT);
        String omi =
                name.equals("random-linear")
                        ? "occupation-measure-inclusion"
                        : "occupation-measure-inclusion alpha=0.1 eta=0.01";
        var settings =
                name.equals("random-linear")
                        ? OccupationMeasureInclusion.PARAMS.defaults()
                        : OccupationMeasureInclusion.PARAMS
                                .defaults()
                                .withText("alpha", "0.1")
                                .withText("eta", "0.01");
        assertCurve(
                reference(name, omi),
                new OccupationMeasureInclusion(settings).solve(game, 100, null).curve(),
                Tolerances.TEST_ITERATIVE);
    }

    /**
     * MFGLib's fictitious play and online mirror descent (alpha = 1): the policies themselves after
     * 100 iterations ({@code iterates} in the fixture), on two games with a state-action mean
     * field, entry by entry.
     */
    @ParameterizedTest
    @CsvSource({"equilibrium-price", "random-linear"})
    void fictitiousPlayAndMirrorDescentIteratesMatchTheTranscription(String name) {
        var ref = MfglibFixture.ROOT.get("iterates").get(name);
        int iterations = ref.get("iterations").asInt();
        assertEquals(100, iterations);
        ExactModel game = MfglibGamesTest.game(name).exact();
        assertPolicy(
                ref.get("omd"),
                new OnlineMirrorDescent(1.0).solve(game, iterations, null).policy());
        assertPolicy(
                ref.get("fictitious_play"),
                new FictitiousPlay().solve(game, iterations, null).policy());
    }

    private static void assertPolicy(
            com.fasterxml.jackson.databind.JsonNode expected, TabularPolicy[] pi) {
        assertEquals(expected.size(), pi.length);
        for (int t = 0; t < pi.length; t++) {
            for (int s = 0; s < pi[t].nS(); s++) {
                for (int a = 0; a < pi[t].nA(); a++) {
                    assertEquals(
                            expected.get(t).get(s).get(a).asDouble(),
                            pi[t].prob(s, a),
                            Tolerances.TEST_EXACT,
                            "pi_" + t + "(" + a + "|" + s + ")");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "sis-fh",
        "lq-fh",
        "left-right",
        "equilibrium-price",
        "random-linear",
        "conservative-treasure-hunting"
    })
    void sparseExploitabilityMatchesTheTranscriptionAndTheDensePath(String name) {
        FiniteHorizonMeanFieldGame game = MfglibFixture.game(name);
        var ref = MfglibFixture.ROOT.get("games").get(name);
        TabularPolicy[] uniform = FiniteHorizonIterations.uniform(game);
        TabularPolicy[] patterned =
                MfglibReferenceTest.patterned(game.horizon(), game.nS(), game.nA());
        assertEquals(
                ref.get("uniform").asDouble(),
                FiniteHorizonIterations.exploitability(game, uniform).exploitability(),
                Tolerances.TEST_EXACT);
        assertEquals(
                ref.get("patterned").asDouble(),
                FiniteHorizonIterations.exploitability(game, patterned).exploitability(),
                Tolerances.TEST_EXACT);
        // the dense path: backward induction on the induced MDP of the flow
        FiniteHorizonMdp mdp = game.inducedMdp(PopulationOperator.flow(game, patterned));
        double dense =
                BackwardInduction.softOptimal(mdp, 0.0).value(game.mu0())
                        - PolicyEvaluation.value(
                                BackwardInduction.evaluate(mdp, patterned, 0.0)[0], game.mu0());
        assertEquals(
                dense,
                FiniteHorizonIterations.exploitability(game, patterned).exploitability(),
                Tolerances.TEST_EXACT);
    }
}
