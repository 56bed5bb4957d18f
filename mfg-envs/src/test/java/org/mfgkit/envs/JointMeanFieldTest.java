package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.envs.nplayer.NPlayerGame;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PopulationOperator;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * Games whose mean field is the state-action distribution {@code L_t(s,a) = mu_t(s) pi_t(a|s)}
 * (MFGLib's {@code equilibrium_price}, {@code random_linear}, {@code
 * conservative_treasure_hunting}): cases worked by hand, the flow the exact path hands them, the
 * refusals, and random-linear's instances (seeded draw and file). The numbers at MFGLib's defaults
 * are pinned against the transcription in {@link MfglibGamesTest} and {@link MfglibAlgorithmsTest}.
 */
class JointMeanFieldTest {
    @ParameterizedTest
    @ValueSource(strings = {"equilibrium-price", "random-linear", "conservative-treasure-hunting"})
    void finiteHorizonOnlyAndNotAnNPlayerGame(String name) {
        GameModel g = Games.create(name);
        assertTrue(g.meanFieldIsStateAction());
        assertFalse(g.hasStationaryTwin());
        FiniteHorizonMeanFieldGame fh = g.finiteHorizon();
        assertTrue(fh.meanFieldIsStateAction());
        assertFalse(fh.meanFieldIsStateDistribution());
        assertEquals(g.nS() * g.nA(), fh.meanFieldLength());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Games.create(name, Map.of("T", "inf", "gamma", "0.9")));
        assertEquals(
                name
                        + " is finite-horizon only (its mean field is over state-action pairs): T"
                        + " must be a number, got T = inf",
                e.getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> NPlayerGame.of(name, fh))
                        .getMessage()
                        .contains("meanFieldIsStateDistribution() is false"));
    }

    /** A stationary game that claims a state-action mean field is refused, not computed. */
    @Test
    void stationaryComputationsRefuseAStateActionMeanField() {
        MeanFieldGame sis = Games.create("sis").stationary();
        MeanFieldGame joint =
                new MeanFieldGame() {
                    public int nS() {
                        return sis.nS();
                    }

                    public int nA() {
                        return sis.nA();
                    }

                    public double gamma() {
                        return sis.gamma();
                    }

                    public double lambda() {
                        return sis.lambda();
                    }

                    public double[] mu0() {
                        return sis.mu0();
                    }

                    public void transitions(double[] mu, double[] out) {
                        sis.transitions(mu, out);
                    }

                    public void rewards(double[] mu, double[] out) {
                        sis.rewards(mu, out);
                    }

                    @Override
                    public boolean meanFieldIsStateAction() {
                        return true;
                    }

                    @Override
                    public String toString() {
                        return "joint-sis";
                    }
                };
        String message =
                assertThrows(IllegalArgumentException.class, () -> new StationaryModel(joint))
                        .getMessage();
        assertEquals(
                "the stationary model needs a stationary game whose mean field is its state"
                        + " distribution; joint-sis has a state-action mean field (finite-horizon"
                        + " only)",
                message);
        assertThrows(
                IllegalArgumentException.class,
                () -> StationaryMeanField.of(joint, TabularPolicy.uniform(2, 2)));
    }

    /**
     * Equilibrium price at the defaults, uniform policy, t = 0: {@code L = 1/36} on 4 x 9 pairs,
     * mean production {@code sum L q = 1}, price {@code (1 / (1 + 1))^1 = 1/2}. At {@code s = 1},
     * {@code (q, h) = (2, 1)} (action 7): {@code (1/2 - 1) 2 - 4 - 1 - 2 (2 - 1) - 1 = -9}, next
     * inventory {@code min(1 - 1 + 1, 3) = 1}; with {@code sigma = 2}, {@code d = 8}: price 2.
     */
    @Test
    void equilibriumPriceByHand() {
        GameModel g = Games.create("equilibrium-price");
        assertEquals(4, g.nS());
        assertEquals(9, g.nA());
        double[] l = new double[36];
        Arrays.fill(l, 1.0 / 36);
        double[] r = new double[36];
        g.rewards(0, l, r);
        assertEquals(-9.0, r[9 + 7], Tolerances.TEST_EXACT);
        assertEquals(0.0, r[0], Tolerances.TEST_EXACT); // s = 0, nothing produced or ordered
        double[] p = new double[36 * 4];
        g.transitions(0, l, p);
        assertEquals(1.0, p[(9 + 7) * 4 + 1]);
        assertEquals(1.0, p[(3 * 9 + 2) * 4 + 3]); // s = 3, (0, 2): capped at s_inv
        GameModel steep = Games.create("equilibrium-price", Map.of("sigma", "2", "d", "8"));
        steep.rewards(0, l, r);
        // price (8/2)^(1/2) = 2: at s = 0, (q, h) = (1, 0): (2 - 1) 1 - 1 - 0 - 2 (1 - 0) - 0
        assertEquals(-2.0, r[3], Tolerances.TEST_EXACT);
    }

    /**
     * Conservative treasure hunting at the defaults ({@code n = 3}): at the uniform {@code L =
     * 1/9}, {@code D(s) = 8/81 + (1/9 - 1)^2 = 8/9}; staying earns {@code 1 - 4/9 = 5/9}; at {@code
     * t = 1} ({@code c_0 = 1}) the chosen site is reached with {@code (1 + 8/9) / (1 + 8/3) =
     * 17/33}, each other one with {@code 8/33}; at {@code t = 0} moves are sure and free.
     */
    @Test
    void conservativeTreasureHuntingByHand() {
        GameModel g = Games.create("conservative-treasure-hunting");
        double[] l = new double[9];
        Arrays.fill(l, 1.0 / 9);
        double[] r = new double[9];
        g.rewards(1, l, r);
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(s == a ? 5.0 / 9 : 0.0, r[s * 3 + a], Tolerances.TEST_EXACT);
            }
        }
        double[] p = new double[27];
        g.transitions(1, l, p);
        for (int i = 0; i < 27; i++) {
            int a = i / 3 % 3;
            assertEquals(i % 3 == a ? 17.0 / 33 : 8.0 / 33, p[i], Tolerances.TEST_EXACT);
        }
        g.rewards(0, l, r);
        assertArrayEquals(new double[9], r);
        g.transitions(0, l, p);
        for (int i = 0; i < 27; i++) {
            assertEquals(i % 3 == i / 3 % 3 ? 1.0 : 0.0, p[i]);
        }
        // everyone staying at site 0: D(0) = 0, a sure move and the whole treasure
        double[] stay = new double[9];
        stay[0] = 1.0;
        g.rewards(2, stay, r);
        assertEquals(1.0, r[0]);
        g.transitions(2, stay, p);
        assertEquals(1.0, p[0]);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Games.create("conservative-treasure-hunting", Map.of("T", "3")));
        assertTrue(e.getMessage().endsWith("(one per step, T = 3)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("c must be a list of 3 numbers"), e.getMessage());
    }

    /**
     * The exact path hands the game {@code L_t} built from {@code mu_t} and {@code pi_t}: the
     * sparse forward pass and the dense {@code PopulationOperator.flow} give the same flow bit for
     * bit, and the flow is the representative agent's (independent forward simulation in {@link
     * FiniteHorizonTest#assertFlowIsTheAgentsDistribution}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"equilibrium-price", "random-linear", "conservative-treasure-hunting"})
    void theFlowIsTheStateActionMeanField(String name) {
        FiniteHorizonMeanFieldGame g = Games.create(name).finiteHorizon();
        TabularPolicy[] pis = FiniteHorizonTest.randomPolicy(g, 5);
        double[][] sparse = SparseBackwardInduction.flow(g, pis);
        double[][] dense = PopulationOperator.flow(g, pis);
        assertEquals(g.horizon() + 1, sparse.length);
        for (int t = 0; t <= g.horizon(); t++) {
            assertEquals(g.nS() * g.nA(), sparse[t].length);
            assertArrayEquals(dense[t], sparse[t], 0.0, "t = " + t);
        }
        FiniteHorizonTest.assertFlowIsTheAgentsDistribution(g, sparse, pis);
        // the model's views agree: mean field, state weights (the marginals), exploitability
        ExactModel model = new FiniteHorizonModel(g);
        assertArrayEquals(sparse, model.meanField(pis));
        double[][] weights = model.stateWeights(pis, sparse);
        for (int t = 0; t <= g.horizon(); t++) {
            for (int s = 0; s < g.nS(); s++) {
                double sum = 0;
                for (int a = 0; a < g.nA(); a++) {
                    sum += sparse[t][s * g.nA() + a];
                }
                assertEquals(sum, weights[t][s], 1e-15);
            }
        }
        assertArrayEquals(sparse, model.exploitability(pis).meanField());
    }

    @Test
    void randomLinearDrawIsSeededAndUniformOnPlusMinusM() {
        GameModel a = Games.create("random-linear");
        GameModel b = Games.create("random-linear");
        GameModel c = Games.create("random-linear", Map.of("seed", "1"));
        double[] l = new double[25];
        Arrays.fill(l, 1.0 / 25);
        assertArrayEquals(transitions(a, l), transitions(b, l), 0.0);
        assertFalse(Arrays.equals(transitions(a, l), transitions(c, l)));
        // r at L = 0 is r2; r at L = e_(k,a) minus r2 is column k of r1 in column a
        double[] r2 = rewards(a, new double[25]);
        for (double x : r2) {
            assertTrue(Math.abs(x) <= 10.0);
        }
        double max = Arrays.stream(r2).map(Math::abs).max().orElseThrow();
        assertTrue(max > 5.0, "25 draws on [-10, 10] reach beyond 5");
        GameModel flat = Games.create("random-linear", Map.of("m", "0"));
        double[] p = transitions(flat, l);
        for (double x : p) {
            assertEquals(0.2, x, 1e-15);
        }
        assertArrayEquals(new double[25], rewards(flat, l));
    }

    /**
     * A file instance with {@code n = 2}, evaluated by hand from MFGLib's formulas: {@code
     * P(s'|s,a) = softmax_{s'}(sum_k p1[s'][s][k] L(k,a) + p2[s'][s][a])}, {@code r(s,a) = sum_k
     * r1[s][k] L(k,a) + r2[s][a]}.
     */
    @Test
    void randomLinearReadsMfglibsIndexConvention(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("inst.json");
        Files.writeString(
                file,
                "{\"p1\": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]],"
                        + " \"p2\": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6], [0.7, 0.8]]],"
                        + " \"r1\": [[1, -1], [2, 0.5]], \"r2\": [[0.25, 0], [-1, 3]],"
                        + " \"comment\": \"extra keys are ignored\"}");
        GameModel g =
                Games.create("random-linear", Map.of("n", "2", "coefficients", file.toString()));
        double[] l = {0.1, 0.2, 0.3, 0.4}; // L(0,0), L(0,1), L(1,0), L(1,1)
        double[] r = rewards(g, l);
        assertEquals(1 * 0.1 - 1 * 0.3 + 0.25, r[0], 1e-15);
        assertEquals(1 * 0.2 - 1 * 0.4 + 0, r[1], 1e-15);
        assertEquals(2 * 0.1 + 0.5 * 0.3 - 1, r[2], 1e-15);
        assertEquals(2 * 0.2 + 0.5 * 0.4 + 3, r[3], 1e-15);
        double[] p = transitions(g, l);
        // s = 1, a = 0: z(s'=0) = p1[0][1][0] L(0,0) + p1[0][1][1] L(1,0) + p2[0][1][0]
        double z0 = 3 * 0.1 + 4 * 0.3 + 0.3;
        double z1 = 7 * 0.1 + 8 * 0.3 + 0.7;
        assertEquals(Math.exp(z0) / (Math.exp(z0) + Math.exp(z1)), p[(2 + 0) * 2], 1e-15);
        assertEquals(Math.exp(z1) / (Math.exp(z0) + Math.exp(z1)), p[(2 + 0) * 2 + 1], 1e-15);
        assertEquals(file.toString(), g.params().echo().get("coefficients"));
    }

    @Test
    void badCoefficientFilesAreOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        String[][] cases = {
            {"missing.json", null, "no such file"},
            {"", null, "not a regular file"}, // the directory itself
            {"broken.json", "{\"p1\": [1, 2", "not valid JSON at line 1"},
            {"array.json", "[1, 2]", "expected a JSON object {\"p1\", \"p2\", \"r1\", \"r2\"}"},
            {"nop2.json", "{\"p1\": " + cube(2, "1") + "}", "missing \"p2\""},
            {
                "shape.json",
                "{\"p1\": [[[1, 2], [3, 4]]], \"p2\": " + cube(2, "1") + "}",
                "p1 must be an array of 2 entries (n = 2; the file's tensors are [n][n][n] at this"
                        + " level), got 1 entries"
            },
            {
                "huge.json",
                "{\"p1\": " + cube(2, "1") + ", \"p2\": " + cube(2, "1e400") + "}",
                "p2[0][0][0] must be a finite number, got Infinity in double precision"
            },
            {
                "text.json",
                "{\"p1\": " + cube(2, "1") + ", \"p2\": " + cube(2, "\"x\"") + "}",
                "p2[0][0][0] must be a finite number, got \"x\""
            },
        };
        for (String[] c : cases) {
            Path file = dir.resolve(c[0]);
            if (c[1] != null) {
                Files.writeString(file, c[1]);
            }
            String message =
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () ->
                                            Games.create(
                                                    "random-linear",
                                                    Map.of(
                                                            "n",
                                                            "2",
                                                            "coefficients",
                                                            file.toString())))
                            .getMessage();
            assertTrue(
                    message.startsWith("coefficients file '" + file + "': "),
                    c[0] + ": " + message);
            assertTrue(message.contains(c[2]), c[0] + ": " + message);
            assertFalse(message.contains("\n"), c[0] + ": " + message);
        }
    }

    /** Every exact solver runs on a joint game and returns a policy and finite curve. */
    @Test
    void everySolverRunsOnAJointGame() {
        ExactModel model = Games.create("equilibrium-price").exact();
        for (String name : EquilibriumSolvers.names()) {
            SolverRun run = EquilibriumSolvers.create(name, Map.of()).solve(model, 3, null);
            assertEquals(model.steps(), run.policy().length, name);
            assertTrue(run.curve().runs()[0].length >= 2, name);
            for (double e : run.curve().runs()[0]) {
                assertTrue(Double.isFinite(e) && e >= -Tolerances.TEST_EXACT * 100, name + " " + e);
            }
            assertEquals(model.nS() * model.nA(), run.last().meanField()[0].length, name);
        }
    }

    private static String cube(int n, String entry) {
        String row = "[" + String.join(", ", java.util.Collections.nCopies(n, entry)) + "]";
        String plane = "[" + String.join(", ", java.util.Collections.nCopies(n, row)) + "]";
        return "[" + String.join(", ", java.util.Collections.nCopies(n, plane)) + "]";
    }

    private static double[] transitions(GameModel g, double[] l) {
        double[] p = new double[g.nS() * g.nA() * g.nS()];
        g.transitions(0, l, p);
        return p;
    }

    private static double[] rewards(GameModel g, double[] l) {
        double[] r = new double[g.nS() * g.nA()];
        g.rewards(0, l, r);
        return r;
    }
}
