package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.BackwardInduction;
import org.mfgkit.mdp.FiniteHorizonMdp;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.FiniteHorizonSolution;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.PopulationOperator;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * The dense-vs-sparse choice is internal (issue 10 §3): on every registered game, at its defaults
 * (a stationary one with {@code T = 4}), the sparse computations that {@link FiniteHorizonModel}
 * and the solvers use ({@link SparseBackwardInduction} on {@link
 * FiniteHorizonMeanFieldGame#sparseTransitions}) give the numbers of the dense ones ({@link
 * PopulationOperator#flow}, {@link BackwardInduction} on the dense {@link
 * FiniteHorizonMeanFieldGame#inducedMdp}): the flow bit for bit, values, Q-values, best responses
 * and exploitability to {@link Tolerances#TEST_EXACT} relative to the size of the values (the order
 * of summation differs), for random policies and the uniform one, unregularised and regularised.
 */
class SparseDenseAgreementTest {
    /** The games with local moves that keep a sparse kernel of their own (issue 10 §3). */
    private static final List<String> LOCAL_MOVES =
            List.of("beach-bar", "crowd-motion", "building-evacuation", "lq", "lq-fh", "sis");

    static Stream<GamePreset> presets() {
        return Games.builtIn().all().stream();
    }

    /** The preset's game, finite-horizon ({@code T = 4} when its default is stationary). */
    static GameModel finiteHorizon(GamePreset preset, String lambda) {
        GameModel defaults = preset.create();
        return defaults.isStationary()
                ? Games.create(preset.name(), Map.of("T", "4", "lambda", lambda))
                : Games.create(preset.name(), Map.of("lambda", lambda));
    }

    @Test
    void everyGameWithLocalMovesIsRegisteredAndSoCovered() {
        assertTrue(
                Games.builtIn().names().containsAll(LOCAL_MOVES),
                Games.builtIn().names().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void sparseAndDensePathsGiveTheSameNumbers(GamePreset preset) {
        RandomGenerator rng = RandomStreams.create(10);
        for (String lambda : new String[] {"0", "0.5"}) {
            GameModel game = finiteHorizon(preset, lambda);
            FiniteHorizonMeanFieldGame fh = game.finiteHorizon();
            ExactModel model = game.exact();
            double l = game.lambda();
            for (int k = 0; k < 3; k++) {
                TabularPolicy[] pi =
                        k == 0 ? model.uniformPolicy() : GameContractTest.randomPolicy(model, rng);
                String where = preset.name() + ", lambda " + lambda + ", policy " + k;

                double[][] flow = PopulationOperator.flow(fh, pi);
                double[][] sparseFlow = SparseBackwardInduction.flow(fh, pi);
                FiniteHorizonMdp mdp = fh.inducedMdp(flow);
                double[][] v = BackwardInduction.evaluate(mdp, pi, l);
                FiniteHorizonSolution best = BackwardInduction.softOptimal(mdp, l);
                FiniteHorizonSolution sparseBest = SparseBackwardInduction.softOptimal(fh, flow, l);
                double[][] sparseV = SparseBackwardInduction.evaluate(fh, flow, pi, l);
                double[][] sparseQ = SparseBackwardInduction.policyQValues(fh, flow, pi, l);
                double scale = 1.0;
                for (double[] row : best.v()) {
                    for (double x : row) {
                        scale = Math.max(scale, Math.abs(x));
                    }
                }
                double tol = Tolerances.TEST_EXACT * scale;
                for (int t = 0; t < flow.length; t++) {
                    assertArrayEquals(flow[t], sparseFlow[t], 0.0, where + ": flow at t = " + t);
                    assertArrayEquals(v[t], sparseV[t], tol, where + ": V^pi_" + t);
                    assertArrayEquals(
                            BackwardInduction.qValues(
                                    mdp, t, t + 1 < flow.length ? v[t + 1] : null),
                            sparseQ[t],
                            tol,
                            where + ": Q^pi_" + t);
                    assertArrayEquals(best.v()[t], sparseBest.v()[t], tol, where + ": V*_" + t);
                    assertArrayEquals(best.q()[t], sparseBest.q()[t], tol, where + ": Q*_" + t);
                    assertArrayEquals(
                            best.policies()[t].table(),
                            sparseBest.policies()[t].table(),
                            Tolerances.TEST_EXACT,
                            where + ": best response at t = " + t);
                }
                double[] mu0 = game.mu0();
                double dense = best.value(mu0) - PolicyEvaluation.value(v[0], mu0);
                ExploitabilityResult e = model.exploitability(pi);
                assertEquals(dense, e.exploitability(), tol, where + ": exploitability");
                for (int t = 0; t < flow.length; t++) {
                    assertArrayEquals(flow[t], e.meanField()[t], 0.0, where + ": its flow");
                }
            }
        }
    }
}
