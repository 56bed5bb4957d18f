package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.OccupationMeasureObjective.Loss;
import org.mfgkit.envs.OccupationMeasureObjective.ObjectiveValue;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * MF-OMO ({@link OccupationMeasureOptimization}) against the transcription of MFGLib's {@code
 * MFOMO} in {@code mfglib_reference.py}, whose gradients come from HIPS autograd on a dense {@code
 * A_L} (independent of the games' hand-written derivatives); its objective's gradient against
 * finite differences; and the objective at an equilibrium.
 */
class OccupationMeasureOptimizationTest {
    /** Every {@code algorithms.GAME."mf-omo ..."} curve of the fixture, with its settings. */
    static Stream<Arguments> references() {
        List<Arguments> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> games = MfglibFixture.ROOT.get("algorithms").fields();
        while (games.hasNext()) {
            Map.Entry<String, JsonNode> game = games.next();
            game.getValue()
                    .fieldNames()
                    .forEachRemaining(
                            label -> {
                                if (label.startsWith("mf-omo")
                                        && !label.endsWith(" spread")
                                        && !label.endsWith(" final L")) {
                                    out.add(Arguments.of(game.getKey(), label));
                                }
                            });
        }
        return out.stream();
    }

    /** The settings a fixture label names: {@code "mf-omo k=v k=v"}. */
    static ParamValues settings(String label) {
        ParamValues p = OccupationMeasureOptimization.PARAMS.defaults();
        String[] words = label.split(" ");
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            p = p.withText(kv[0], kv[1]);
        }
        return p;
    }

    /**
     * The exploitability curve at iterations 0, 1, 2, 10, 100. Settings that do not amplify
     * rounding are pinned to {@link Tolerances#TEST_ITERATIVE}. With MFGLib's default hat start,
     * Adam's first step normalises the rounding noise of the dual gradient, and the iterates depend
     * on rounding (see the script): there the fixture gives the curve's spread over runs whose
     * start is perturbed at rounding level ({@code 1e-15} relative), and the tolerance is that
     * spread (times 4, for the few ulps by which two implementations' roundings differ) plus {@link
     * Tolerances#TEST_ITERATIVE}.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("references")
    void matchesTheTranscription(String game, String label) {
        JsonNode entry = MfglibFixture.ROOT.get("algorithms").get(game);
        double[] expected = MfglibFixture.numbers(entry.get(label));
        JsonNode spreadNode = entry.get(label + " spread");
        double[] spread =
                spreadNode == null
                        ? new double[expected.length]
                        : MfglibFixture.numbers(spreadNode);
        SolverRun run =
                new OccupationMeasureOptimization(settings(label))
                        .solve(Games.create(game).exact(), 100, null);
        int[] at = MfglibFixture.curveAt();
        for (int k = 0; k < expected.length; k++) {
            assertEquals(
                    expected[k],
                    run.exploitability(at[k]),
                    4 * spread[k] + Tolerances.TEST_ITERATIVE,
                    "iteration " + at[k]);
        }
        JsonNode finalL = entry.get(label + " final L");
        if (finalL != null) {
            double[] l = MfglibFixture.numbers(finalL);
            double[][] ours =
                    new OccupationMeasureOptimization(settings(label))
                            .finalFlow(Games.create(game).exact(), 100);
            int m = ours[0].length;
            for (int i = 0; i < l.length; i++) {
                assertEquals(l[i], ours[i / m][i % m], Tolerances.TEST_ITERATIVE, "L " + i);
            }
        }
    }

    /**
     * The objective's gradient in {@code L}, {@code z}, {@code y} against central differences,
     * along random directions at a random interior point, for the three losses: it runs through the
     * games' derivatives in the mean field ({@code sis-fh}: the kernel; {@code beach-bar}: a
     * logarithm; {@code lq-fh}: a quadratic through the mean). Tolerance as in {@link
     * MeanFieldDerivativesTest}: the Richardson estimate {@code |D(2h) - D(h)|} plus rounding
     * {@code N eps |f| / h}. The 1-norm's kinks are avoided by the random point.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "sis-fh, l1_l2",
        "sis-fh, l2",
        "sis-fh, l1",
        "beach-bar, l1_l2",
        "beach-bar, l2",
        "beach-bar, l1",
        "lq-fh, l1_l2",
        "left-right, l1_l2"
    })
    void objectiveGradientMatchesFiniteDifferences(String name, String loss) {
        FiniteHorizonMeanFieldGame game = Games.create(name).finiteHorizon();
        OccupationMeasureObjective f = new OccupationMeasureObjective(game);
        int nS = game.nS();
        int nA = game.nA();
        int steps = game.horizon() + 1;
        RandomGenerator rng = RandomStreams.create(21);
        double[][] l = new double[steps][];
        double[][] z = new double[steps][];
        double[][] y = new double[steps][];
        for (int t = 0; t < steps; t++) {
            l[t] = GameContractTest.randomDistribution(nS * nA, rng);
            z[t] = MeanFieldDerivativesTest.uniform(nS * nA, rng);
            y[t] = MeanFieldDerivativesTest.uniform(nS, rng);
        }
        Loss kind = Loss.of(loss);
        ObjectiveValue at = f.evaluate(l, z, y, kind, 1.3, 0.7, 0.9, true);
        for (int k = 0; k < 3; k++) {
            double[][] dl = direction(l, true, rng);
            double[][] dz = direction(z, false, rng);
            double[][] dy = direction(y, false, rng);
            double exact = dot(at.gradL, dl) + dot(at.gradZ, dz) + dot(at.gradY, dy);
            double h = 1e-5;
            double dh = central(f, kind, l, z, y, dl, dz, dy, h);
            double d2h = central(f, kind, l, z, y, dl, dz, dy, 2 * h);
            int terms = steps * nS * nA * 8;
            double rounding = terms * Math.ulp(1.0) * (1 + Math.abs(at.value)) / h;
            assertEquals(dh, exact, Math.abs(d2h - dh) + rounding, name + " " + loss);
        }
    }

    static double[][] direction(double[][] x, boolean relative, RandomGenerator rng) {
        double[][] d = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            d[t] = new double[x[t].length];
            for (int i = 0; i < x[t].length; i++) {
                d[t][i] = (2 * rng.nextDouble() - 1) * (relative ? x[t][i] : 1.0);
            }
        }
        return d;
    }

    static double central(
            OccupationMeasureObjective f,
            Loss loss,
            double[][] l,
            double[][] z,
            double[][] y,
            double[][] dl,
            double[][] dz,
            double[][] dy,
            double h) {
        double plus =
                f.evaluate(
                                shift(l, dl, h),
                                shift(z, dz, h),
                                shift(y, dy, h),
                                loss,
                                1.3,
                                0.7,
                                0.9,
                                false)
                        .value;
        double minus =
                f.evaluate(
                                shift(l, dl, -h),
                                shift(z, dz, -h),
                                shift(y, dy, -h),
                                loss,
                                1.3,
                                0.7,
                                0.9,
                                false)
                        .value;
        return (plus - minus) / (2 * h);
    }

    static double[][] shift(double[][] x, double[][] d, double h) {
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t].clone();
            for (int i = 0; i < out[t].length; i++) {
                out[t][i] += h * d[t][i];
            }
        }
        return out;
    }

    static double dot(double[][] a, double[][] b) {
        double s = 0.0;
        for (int t = 0; t < a.length; t++) {
            s += MeanFieldDerivativesTest.dot(a[t], b[t]);
        }
        return s;
    }

    /** {@code L_t(s,a) = mu_t(s) pi_t(a|s)} of a policy's flow. */
    static double[][] occupation(FiniteHorizonMeanFieldGame game, TabularPolicy[] pi) {
        double[][] mu = SparseBackwardInduction.flow(game, pi);
        int nS = game.nS();
        int nA = game.nA();
        double[][] l = new double[mu.length][nS * nA];
        for (int t = 0; t < mu.length; t++) {
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    l[t][s * nA + a] = mu[t][s] * pi[t].prob(s, a);
                }
            }
        }
        return l;
    }

    static double objectiveWithHat(FiniteHorizonMeanFieldGame game, double[][] l) {
        OccupationMeasureObjective f = new OccupationMeasureObjective(game);
        double[][][] yz = OccupationMeasureOptimization.hat(f, game, l);
        return f.evaluate(l, yz[1], yz[0], Loss.L1_L2, 1, 1, 1, false).value;
    }

    /**
     * At an equilibrium the objective with the hat start is 0 (Guo, Hu &amp; Zhang, Prop. 6): the
     * flow is consistent, {@code y_hat, z_hat} solve the dual, and the policy only plays maximisers
     * of {@code Q*}. Left-right's equilibrium by hand (go left with probability 2/3, then {@code
     * mu_1 = (0, 2/3, 1/3)}; at {@code t = 1} every action is optimal), and sis-fh's from the fixed
     * point (exploitability exactly 0). The uniform policy's flow is no equilibrium: objective
     * {@code > 0}. Tolerance, derived: {@code z_hat} entries are differences of values of size at
     * most {@code (T+1) r_max}, exact to a few ulps (say 8), and {@code z^T L} sums them with
     * weights {@code L} of total mass {@code T+1}; the squared terms are of that size squared.
     */
    @Test
    void objectiveVanishesAtAnEquilibrium() {
        FiniteHorizonMeanFieldGame lr = Games.create("left-right").finiteHorizon();
        TabularPolicy left = TabularPolicy.of(new double[][] {{2 / 3.0, 1 / 3.0}, {1, 0}, {1, 0}});
        TabularPolicy any = TabularPolicy.uniform(3, 2);
        double[][] l = occupation(lr, new TabularPolicy[] {left, any});
        assertEquals(0.0, objectiveWithHat(lr, l), roundOff(lr));
        GameModel sis = Games.create("sis-fh");
        SolverRun fixedPoint = new DampedFixedPoint().solve(sis.exact(), 1000, null);
        assertEquals(0.0, fixedPoint.finalExploitability(), 0.0);
        double atEquilibrium =
                objectiveWithHat(
                        sis.finiteHorizon(), occupation(sis.finiteHorizon(), fixedPoint.policy()));
        assertEquals(0.0, atEquilibrium, roundOff(sis.finiteHorizon()));
        double uniform =
                objectiveWithHat(
                        sis.finiteHorizon(),
                        occupation(
                                sis.finiteHorizon(),
                                FiniteHorizonIterations.uniform(sis.finiteHorizon())));
        assertTrue(uniform > 1e-3, "uniform: " + uniform);
    }

    /** {@code 8 eps (T+1)^2 r_max} (see {@link #objectiveVanishesAtAnEquilibrium}). */
    static double roundOff(FiniteHorizonMeanFieldGame game) {
        double steps = game.horizon() + 1.0;
        return 8 * Math.ulp(1.0) * steps * steps * game.rMax();
    }

    @Test
    void refusesStationaryGamesAndBadSettings() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new OccupationMeasureOptimization()
                                        .solve(Games.create("sis").exact(), 1, null));
        assertEquals(
                "mf-omo runs on finite-horizon games (T a number), not on a stationary one",
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> EquilibriumSolvers.create("mf-omo", Map.of("loss", "l3")));
        assertThrows(
                IllegalArgumentException.class,
                () -> EquilibriumSolvers.create("mf-omo", Map.of("optimizer", "RMSprop")));
        assertThrows(
                IllegalArgumentException.class,
                () -> EquilibriumSolvers.create("mf-omo", Map.of("rb_freq", "0")));
        assertEquals(
                "mf-omo", EquilibriumSolvers.create("mf-omo", Map.of("rb_freq", "none")).name());
    }

    /** A game without derivatives in the mean field (the interface's default) is refused. */
    @Test
    void refusesAGameWithoutDerivatives() {
        FiniteHorizonMeanFieldGame sis = Games.create("sis-fh").finiteHorizon();
        FiniteHorizonMeanFieldGame plain =
                new FiniteHorizonMeanFieldGame() {
                    @Override
                    public int nS() {
                        return sis.nS();
                    }

                    @Override
                    public int nA() {
                        return sis.nA();
                    }

                    @Override
                    public int horizon() {
                        return sis.horizon();
                    }

                    @Override
                    public double lambda() {
                        return 0.0;
                    }

                    @Override
                    public double[] mu0() {
                        return sis.mu0();
                    }

                    @Override
                    public void transitions(int t, double[] mu, double[] out) {
                        sis.transitions(t, mu, out);
                    }

                    @Override
                    public void rewards(int t, double[] mu, double[] out) {
                        sis.rewards(t, mu, out);
                    }

                    @Override
                    public String toString() {
                        return "plain sis";
                    }
                };
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new OccupationMeasureOptimization()
                                        .solve(new FiniteHorizonModel(plain), 1, null));
        assertEquals(
                "mf-omo needs the game's derivatives in the mean field; plain sis provides none",
                e.getMessage());
        assertThrows(UnsupportedOperationException.class, plain::rMax);
    }

    /** Every finite-horizon game runs (the derivatives of each are used) and stays finite. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"sis-fh", "lq-fh", "left-right", "rock-paper-scissors", "beach-bar"})
    void runsOnTheFiniteHorizonGames(String name) {
        SolverRun run =
                new OccupationMeasureOptimization().solve(Games.create(name).exact(), 20, null);
        assertEquals(20, run.iterations());
        for (int i = 0; i <= 20; i++) {
            assertTrue(Double.isFinite(run.exploitability(i)) && run.exploitability(i) >= -1e-12);
        }
    }
}
