package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.SoftValueIteration;

class NacStudyTest {
    private static final NacSettings SMALL =
            NacPresets.get("sis")
                    .withIterations(40)
                    .with(OracleParams.CRITIC_SAMPLES, 500)
                    .with(OracleParams.ACTOR_SAMPLES, 100)
                    .with(NacParams.EVAL_EVERY, 10);

    /**
     * A study is its runs: each curve of each variant equals a direct {@link
     * NaturalActorCritic#solve} with that seed, for one thread and for two.
     */
    @Test
    void curvesAreTheDirectRunsForAnyThreadCount() {
        MeanFieldGame sis = Games.sis();
        NacStudy study =
                new NacStudy(
                        List.of(
                                new NacStudy.Variant("NAC", SMALL),
                                new NacStudy.Variant(
                                        "DL",
                                        SMALL.withAlgorithm(NacParams.Algorithm.DL_NAC)
                                                .with(NacParams.INNER_ITERATIONS, 15)
                                                .with(NacSettings.POPULATION, 50))),
                        new long[] {5, 2},
                        false);
        PolicyMeasure e = pi -> Games.exploitability(sis, pi);
        NacStudyResult one = study.run(sis, e, 1, null);
        NacStudyResult two = study.run(sis, e, 2, null);
        assertEquals(
                Games.exploitability(sis, TabularPolicy.uniform(2, 2)),
                one.uniformExploitability());
        for (int v = 0; v < 2; v++) {
            NacStudyResult.VariantResult r = one.variants().get(v);
            assertNull(r.meanFieldGap());
            assertArrayEquals(new double[] {0, 10, 20, 30, 40}, r.exploitability().x());
            for (int k = 0; k < 2; k++) {
                NacResult direct =
                        NaturalActorCritic.solve(
                                sis, study.variants().get(v).settings(), study.seeds()[k], e, null);
                assertArrayEquals(direct.exploitability().runs()[0], r.exploitability().runs()[k]);
                assertArrayEquals(
                        direct.averageExploitability().runs()[0],
                        r.averageExploitability().runs()[k]);
                assertArrayEquals(
                        r.exploitability().runs()[k],
                        two.variants().get(v).exploitability().runs()[k]);
            }
            assertEquals(
                    (r.finalExploitability()[0] + r.finalExploitability()[1]) / 2,
                    NacStudyResult.mean(r.finalExploitability()),
                    0.0);
        }
    }

    /**
     * The gap in the learner's own mean field, recomputed here by running the learner step by step
     * and evaluating in the MDP induced by the environment's mean field after each record.
     */
    @Test
    void meanFieldGapIsMeasuredInTheLearnersOwnMeanField() {
        MeanFieldGame sis = Games.sis();
        NacSettings s = SMALL.withExactOracles().with(NacParams.EVAL_EVERY, 1).withIterations(12);
        NacStudy study =
                new NacStudy(List.of(new NacStudy.Variant("NAC", s)), new long[] {0}, true);
        double[] gap =
                study.run(sis, pi -> 0.0, 1, null).variants().get(0).meanFieldGap().runs()[0];
        NaturalActorCritic nac = NaturalActorCritic.create(sis, s, 0);
        MeanFieldEnvironment env = (MeanFieldEnvironment) nac.environment();
        double lambda = sis.lambda();
        double[] mu0 = sis.mu0();
        for (int t = 0; t <= 12; t++) {
            FiniteMdp mdp = env.inducedMdp();
            LogLinearPolicy pi = nac.policy();
            double expected =
                    SoftValueIteration.solve(mdp, lambda).value(mu0)
                            - PolicyEvaluation.value(
                                    PolicyEvaluation.evaluate(mdp, pi, lambda), mu0);
            assertEquals(expected, gap[t], Tolerances.TEST_EXACT, "t = " + t);
            LogLinearPolicy played = nac.policy();
            nac.improve(org.mfgkit.core.RandomStreams.create(0));
            env.advance(played, s.loop().beta());
        }
    }

    @Test
    void rejectsBadStudies() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new NacStudy(List.of(), new long[] {0}, false));
        NacStudy.Variant v = new NacStudy.Variant("a", SMALL);
        assertThrows(
                IllegalArgumentException.class,
                () -> new NacStudy(List.of(v, v), new long[] {0}, false));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NacStudy(List.of(v), new long[] {1, 1}, false));
        assertThrows(IllegalArgumentException.class, () -> NacStudy.seeds(0));
    }
}
