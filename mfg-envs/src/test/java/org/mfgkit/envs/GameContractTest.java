package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamValues;

/**
 * The contract every registered game and preset keeps (EJML-style generic tests, written once
 * against {@link GameModel} and run over {@link Games#builtIn()}; a new game is covered by its
 * registration line alone). Random policies and mean fields come from fixed seeds.
 */
class GameContractTest {
    /** Random policies and mean fields per check. */
    private static final int SAMPLES = 5;

    static Stream<GamePreset> presets() {
        return Games.builtIn().all().stream();
    }

    /**
     * The presets whose game has a stationary twin ({@link GameModel#hasStationaryTwin}): not
     * crowd-motion (its bar moves with {@code t}) and building-evacuation (too slow densely), nor
     * the games whose mean field is over state-action pairs, which are finite-horizon only (a
     * stationary mean field is a state distribution; {@code T = inf} is refused for them, tested in
     * {@code JointMeanFieldTest}).
     */
    static Stream<GamePreset> presetsWithTwins() {
        return presets().filter(p -> p.create().hasStationaryTwin());
    }

    /** A random distribution with full support. */
    static double[] randomDistribution(int n, RandomGenerator rng) {
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = 0.05 + rng.nextDouble();
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** A random stationary policy with full support. */
    static TabularPolicy randomPolicy(int nS, int nA, RandomGenerator rng) {
        double[] table = new double[nS * nA];
        for (int s = 0; s < nS; s++) {
            System.arraycopy(randomDistribution(nA, rng), 0, table, s * nA, nA);
        }
        return TabularPolicy.ofTable(nS, nA, table);
    }

    /** A random policy per decision step of {@code model}. */
    static TabularPolicy[] randomPolicy(ExactModel model, RandomGenerator rng) {
        TabularPolicy[] pi = new TabularPolicy[model.steps()];
        for (int t = 0; t < pi.length; t++) {
            pi[t] = randomPolicy(model.nS(), model.nA(), rng);
        }
        return pi;
    }

    /**
     * A mean field to probe {@code g} at: {@code k = 0} the one at the start (uniform policy:
     * {@code mu0}, or {@code L_0 = mu0 x uniform} for a state-action mean field), else a random
     * distribution of the game's kind ({@code nS} or {@code nS*nA} entries).
     */
    static double[] meanField(GameModel g, int k, RandomGenerator rng) {
        int length = g.meanFieldIsStateAction() ? g.nS() * g.nA() : g.nS();
        if (k > 0) {
            return randomDistribution(length, rng);
        }
        if (!g.meanFieldIsStateAction()) {
            return g.mu0();
        }
        double[] mu0 = g.mu0();
        double[] l = new double[length];
        for (int i = 0; i < length; i++) {
            l[i] = mu0[i / g.nA()] / g.nA();
        }
        return l;
    }

    /** The decision steps to probe: 0, 1 and the last (stationary: 0). */
    static int[] steps(GameModel g) {
        if (g.isStationary()) {
            return new int[] {0};
        }
        int horizon = g.finiteHorizon().horizon();
        return Arrays.stream(new int[] {0, Math.min(1, horizon), horizon}).distinct().toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void defaultsBuildAndDescribeThemselves(GamePreset preset) {
        GameModel g = preset.create();
        assertEquals(preset.name(), g.name());
        assertEquals(preset.params().defaults(), g.params());
        Simplex.requireDistribution("mu0", g.mu0(), g.nS());
        assertEquals(g.isStationary() ? 1 : g.finiteHorizon().horizon() + 1, g.exact().steps());
        assertTrue(g.isStationary() ? g.gamma() < 1 : g.gamma() <= 1);
        assertFalse(preset.summary().isBlank());
        for (String line : preset.params().help()) {
            assertFalse(line.isBlank());
        }
    }

    /** Rows of {@code P_t(.|s,a,mu)} are distributions, for mu0 and random mean fields. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void kernelsAreStochastic(GamePreset preset) {
        GameModel g = preset.create();
        RandomGenerator rng = RandomStreams.create(1);
        double[] p = new double[g.nS() * g.nA() * g.nS()];
        for (int k = 0; k <= SAMPLES; k++) {
            double[] mu = meanField(g, k, rng);
            for (int t : steps(g)) {
                if (!g.isStationary() && t == g.finiteHorizon().horizon() && t > 0) {
                    continue; // no transition after the last step
                }
                Arrays.fill(p, Double.NaN);
                g.transitions(t, mu, p);
                Simplex.requireStochasticRows("P_" + t, p, g.nS());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void rewardsAreFinite(GamePreset preset) {
        GameModel g = preset.create();
        RandomGenerator rng = RandomStreams.create(2);
        double[] r = new double[g.nS() * g.nA()];
        for (int k = 0; k <= SAMPLES; k++) {
            double[] mu = meanField(g, k, rng);
            for (int t : steps(g)) {
                Arrays.fill(r, Double.NaN);
                g.rewards(t, mu, r);
                for (int i = 0; i < r.length; i++) {
                    assertTrue(Double.isFinite(r[i]), "r_" + t + "[" + i + "] = " + r[i]);
                }
            }
        }
    }

    /**
     * {@code E(pi) >= 0} for random policies and the uniform one, at the preset's own {@code
     * lambda} and regularised; {@code E} is a difference of values of size {@code |V|}, so
     * round-off is relative to it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void exploitabilityIsNonNegative(GamePreset preset) {
        RandomGenerator rng = RandomStreams.create(3);
        for (String lambda : new String[] {preset.params().defaults().text("lambda"), "0.5"}) {
            ExactModel model = Fixtures.game(preset.name(), "lambda=" + lambda).exact();
            for (int k = 0; k <= SAMPLES; k++) {
                TabularPolicy[] pi = k == 0 ? model.uniformPolicy() : randomPolicy(model, rng);
                ExploitabilityResult e = model.exploitability(pi);
                double scale = 1 + Math.abs(e.bestResponseValue()) + Math.abs(e.policyValue());
                assertTrue(
                        e.exploitability() >= -Tolerances.TEST_EXACT * scale,
                        "lambda " + lambda + ", policy " + k + ": E = " + e.exploitability());
            }
        }
    }

    /**
     * The exact solver's output is an equilibrium: damped fixed point on the regularised game
     * ({@code lambda = 1} unless the preset is regularised already; with {@code lambda = 0} the
     * greedy best response can cycle, see the README), stopped when the mean field settles.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void exactSolverFindsAnEquilibrium(GamePreset preset) {
        double lambda = preset.params().defaults().get(GameModel.LAMBDA);
        GameModel g = lambda > 0 ? preset.create() : Fixtures.game(preset.name(), "lambda=1");
        SolverRun run = new DampedFixedPoint().solve(g.exact(), 1000, null);
        assertTrue(run.converged(), "the mean field settles");
        double scale = 1 + Math.abs(run.last().bestResponseValue());
        assertEquals(0.0, run.finalExploitability(), Tolerances.TEST_EXACT * scale);
    }

    /**
     * A finite-horizon game with a large {@code T} and discount {@code gamma} agrees with its
     * stationary twin ({@code T = inf}). Started from the stationary mean field {@code mu_pi} of a
     * random policy, the flow stays at {@code mu_pi}, so the two exploitabilities differ only by
     * the tail after {@code T}: each value by at most {@code gamma^T R / (1 - gamma)} (plus the
     * terminal step), {@code R} bounding the reward and the entropy bonus {@code lambda log nA};
     * {@code T} is chosen so that this bound is {@code 1e-12}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presetsWithTwins")
    void largeHorizonAgreesWithTheStationaryTwin(GamePreset preset) {
        double gamma0 = preset.params().defaults().get(GameModel.GAMMA);
        String gamma = "gamma=" + (gamma0 < 1 ? gamma0 : 0.9);
        GameModel twin = Fixtures.game(preset.name(), "T=inf", gamma, "lambda=0.1");
        RandomGenerator rng = RandomStreams.create(4);
        for (int k = 0; k < SAMPLES; k++) {
            TabularPolicy pi = randomPolicy(twin.nS(), twin.nA(), rng);
            double[] mu = StationaryMeanField.of(twin.stationary(), pi).mu();
            ParamValues at = twin.params().with(GameModel.MU0, mu);
            GameModel stationary = Games.preset(preset.name()).create(at);
            ExploitabilityResult es = Exploitability.of(stationary.stationary(), pi);
            double bound = rewardBound(stationary, mu);
            double g = stationary.gamma();
            int horizon = (int) Math.ceil(Math.log(1e-12 * (1 - g) / (4 * bound)) / Math.log(g));
            GameModel finite = Games.preset(preset.name()).create(at.with(GameModel.T, horizon));
            TabularPolicy[] pis = new TabularPolicy[horizon + 1];
            Arrays.fill(pis, pi);
            ExploitabilityResult ef = Exploitability.of(finite.finiteHorizon(), pis);
            double tol = 4 * Math.pow(g, horizon) * bound / (1 - g);
            double roundOff = Tolerances.TEST_EXACT * (1 + Math.abs(es.bestResponseValue()));
            assertEquals(es.exploitability(), ef.exploitability(), tol + roundOff, "policy " + k);
            assertEquals(es.policyValue(), ef.policyValue(), tol + roundOff, "policy " + k);
        }
    }

    /** {@code max |r_t(s,a,mu)|} over the steps probed, plus {@code lambda log nA}. */
    private static double rewardBound(GameModel g, double[] mu) {
        GameModel fh = Games.preset(g.name()).create(g.params().with(GameModel.T, 2));
        double[] r = new double[g.nS() * g.nA()];
        double max = 0;
        for (int t = 0; t <= 2; t++) {
            fh.rewards(t, mu, r);
            for (double x : r) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max + g.lambda() * Math.log(g.nA());
    }

    /** Every parameter reads back its own text: text -> value -> text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void parametersRoundTripThroughText(GamePreset preset) {
        ParamValues d = preset.params().defaults();
        for (Param<?> p : preset.params().params()) {
            String text = d.text(p.name());
            ParamValues back = d.withText(p.name(), text);
            assertEquals(d, back, p.name());
            assertEquals(text, back.text(p.name()), p.name());
            assertEquals(d, preset.create(back).params(), p.name());
        }
        GameModel g = preset.create(d);
        assertArrayEquals(g.mu0(), Fixtures.game(preset.name(), "mu0=" + format(g.mu0())).mu0());
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }
}
