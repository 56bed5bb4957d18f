package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;

class NaturalActorCriticTest {
    private static final NacSettings SIS = NacPresets.get("sis");
    private static final NacSettings LQ = NacPresets.get("lq");

    /**
     * With exact oracles and one-hot features one NAC step is the soft policy-iteration-like update
     * {@code pi' ∝ pi^(1 - eta lambda) exp(eta A)}, {@code A = Q - sum_a pi Q} the advantage of the
     * soft Q of {@code pi} in the current mean field (SPEC §3 step 4), computed here independently
     * with mdp's exact evaluation. Checked over several steps from a non-uniform policy while the
     * mean field moves.
     */
    @Test
    void exactOneHotStepIsTheClosedFormUpdate() {
        for (MeanFieldGame game : new MeanFieldGame[] {Games.sis(), randomGame(3)}) {
            FeatureMap phi = FeatureMap.oneHot(game.nS(), game.nA());
            NaturalActorCritic nac =
                    NaturalActorCritic.create(
                            game, SIS.withExactOracles().with(NacParams.ETA, 0.7), 1);
            MeanFieldEnvironment env = (MeanFieldEnvironment) nac.environment();
            double eta = 0.7;
            double lambda = game.lambda();
            for (int step = 0; step < 6; step++) {
                LogLinearPolicy pi = nac.policy();
                FiniteMdp mdp = game.inducedMdp(env.meanField());
                double[] q =
                        PolicyEvaluation.qValues(mdp, PolicyEvaluation.evaluate(mdp, pi, lambda));
                int nA = game.nA();
                double[] expected = new double[game.nS() * nA];
                for (int s = 0; s < game.nS(); s++) {
                    double v = 0.0;
                    for (int a = 0; a < nA; a++) {
                        v += pi.prob(s, a) * q[s * nA + a];
                    }
                    double z = 0.0;
                    for (int a = 0; a < nA; a++) {
                        double w =
                                Math.pow(pi.prob(s, a), 1 - eta * lambda)
                                        * Math.exp(eta * (q[s * nA + a] - v));
                        expected[s * nA + a] = w;
                        z += w;
                    }
                    for (int a = 0; a < nA; a++) {
                        expected[s * nA + a] /= z;
                    }
                }
                LogLinearPolicy next = nac.improve(null);
                assertArrayEquals(expected, next.table(), Tolerances.TEST_EXACT, "step " + step);
                env.advance(pi, 0.3);
            }
        }
    }

    /**
     * SPEC §3 / issue 4: exact oracles with 004's SIS hyper-parameters reach E < 1e-6 within 3000
     * iterations.
     */
    @Test
    void exactOraclesReachTheEquilibriumOnSis() {
        MeanFieldGame sis = Games.sis();
        NacResult r =
                NaturalActorCritic.solve(
                        sis,
                        SIS.withExactOracles().with(NacParams.EVAL_EVERY, 3000),
                        0,
                        pi -> Games.exploitability(sis, pi),
                        null);
        assertEquals(3000, r.iterations()[r.iterations().length - 1]);
        assertTrue(r.finalExploitability() < 1e-6, "E = " + r.finalExploitability());
        assertTrue(r.finalExploitability() >= -Tolerances.TEST_ITERATIVE);
    }

    /**
     * Exact oracles with 004's LQ hyper-parameters ({@code eta = 0.1}, {@code beta = 0.05}) reach E
     * < 1e-6 within 600 iterations.
     */
    @Test
    void exactOraclesReachTheEquilibriumOnLq() {
        MeanFieldGame lq = Games.lq();
        NacResult r =
                NaturalActorCritic.solve(
                        lq,
                        LQ.withExactOracles().with(NacParams.EVAL_EVERY, 600),
                        0,
                        pi -> Games.exploitability(lq, pi),
                        null);
        assertTrue(r.finalExploitability() < 1e-6, "E = " + r.finalExploitability());
    }

    /**
     * The slip of SPEC §3 step 2 (the advantage of the shifted {@code qhat} instead of the soft Q)
     * stalls: on SIS with exact oracles the exploitability stays at 0.0572 (SPEC: 0.057), and the
     * policy it settles on is {@code pi ∝ exp(Q/(2 lambda))} in its mean field, not the regularised
     * best response.
     */
    @Test
    void shiftedAdvantageSlipStallsAwayFromTheEquilibrium() {
        MeanFieldGame sis = Games.sis();
        NaturalActorCritic nac =
                NaturalActorCritic.create(
                        sis,
                        SIS.withExactOracles()
                                .with(NacParams.ADVANTAGE, "shifted-q")
                                .with(NacParams.EVAL_EVERY, 3000),
                        0);
        NacResult r = nac.run(RandomStreams.create(0), pi -> Games.exploitability(sis, pi), null);
        assertEquals(0.0572, r.finalExploitability(), 5e-4);
        MeanFieldEnvironment env = (MeanFieldEnvironment) nac.environment();
        FiniteMdp mdp = sis.inducedMdp(env.meanField());
        double[] q =
                PolicyEvaluation.qValues(
                        mdp, PolicyEvaluation.evaluate(mdp, r.policy(), sis.lambda()));
        TabularPolicy halfTemperature = TabularPolicy.softmax(2, 2, q, 2 * sis.lambda());
        // the policy step contracts log pi by (1 - eta lambda) per iteration: after T = 3000 an
        // O(1) initial
        // error is below (1 - eta lambda)^T = 2.9e-7 (measured distance 6.9e-9)
        double contracted = Math.pow(1 - SIS.loop().eta() * sis.lambda(), SIS.loop().iterations());
        assertArrayEquals(halfTemperature.table(), r.policy().table(), contracted);
    }

    /** Same seed, same numbers (bit for bit); another seed, other numbers. */
    @Test
    void sampledRunsAreDeterministicInTheSeed() {
        MeanFieldGame sis = Games.sis();
        NacSettings p =
                SIS.withIterations(200)
                        .with(OracleParams.CRITIC_SAMPLES, 2000)
                        .with(OracleParams.ACTOR_SAMPLES, 500)
                        .with(NacParams.EVAL_EVERY, 50);
        FeatureMap phi = FeatureMap.oneHot(2, 2);
        NacResult a =
                NaturalActorCritic.solve(
                        sis,
                        p.with(NacSettings.POPULATION, 100),
                        42,
                        pi -> Games.exploitability(sis, pi),
                        null);
        NacResult b =
                NaturalActorCritic.solve(
                        sis,
                        p.with(NacSettings.POPULATION, 100),
                        42,
                        pi -> Games.exploitability(sis, pi),
                        null);
        NacResult c =
                NaturalActorCritic.solve(
                        sis,
                        p.with(NacSettings.POPULATION, 100),
                        43,
                        pi -> Games.exploitability(sis, pi),
                        null);
        assertArrayEquals(a.policy().theta(), b.policy().theta());
        assertArrayEquals(a.exploitability().runs()[0], b.exploitability().runs()[0]);
        assertArrayEquals(a.averageExploitability().runs()[0], b.averageExploitability().runs()[0]);
        assertEquals(a.criticSamples(), b.criticSamples());
        assertNotEquals(a.policy().theta()[0], c.policy().theta()[0]);
    }

    /**
     * DL-NAC moves the mean field once per M iterations, with a full step; NAC once per iteration.
     */
    @Test
    void doubleLoopMovesTheMeanFieldEveryMIterations() {
        MeanFieldGame sis = Games.sis();
        FeatureMap phi = FeatureMap.oneHot(2, 2);
        NaturalActorCritic dl =
                NaturalActorCritic.create(
                        sis,
                        SIS.withExactOracles()
                                .withAlgorithm(NacParams.Algorithm.DL_NAC)
                                .with(NacParams.INNER_ITERATIONS, 7)
                                .withIterations(30),
                        0);
        MeanFieldEnvironment env = (MeanFieldEnvironment) dl.environment();
        double[][] before = new double[1][];
        dl.run(
                RandomStreams.create(0),
                null,
                new NacListener() {
                    @Override
                    public void onIteration(int t) {
                        if (t == 27) {
                            before[0] = env.meanField();
                        }
                    }
                });
        assertEquals(4, env.populationSteps());
        NaturalActorCritic single =
                NaturalActorCritic.create(sis, SIS.withExactOracles().withIterations(30), 0);
        single.run(RandomStreams.create(0), null, null);
        assertEquals(30, ((MeanFieldEnvironment) single.environment()).populationSteps());
        // the last full step happened at t = 28: mu(28) = Gamma2(pi_28, mu(27)); unchanged
        // afterwards
        assertNotEquals(before[0][0], env.meanField()[0]);
    }

    /**
     * Sampled TD(0)/SGD oracles with the default budget (K = 10 000 critic, 1 000 actor transitions
     * per iteration, 3000 iterations): the final exploitability on SIS is below 1% of the uniform
     * policy's.
     */
    @Test
    void sampledOraclesBeatOnePercentOfUniformOnSis() {
        MeanFieldGame sis = Games.sis();
        double uniform = Games.exploitability(sis, TabularPolicy.uniform(2, 2));
        NacResult r =
                NaturalActorCritic.solve(
                        sis,
                        SIS.with(NacParams.EVAL_EVERY, 3000),
                        1,
                        pi -> Games.exploitability(sis, pi),
                        null);
        assertTrue(
                r.finalExploitability() < 0.01 * uniform,
                "E = " + r.finalExploitability() + ", uniform " + uniform);
        assertEquals(3000L * SIS.oracles().criticSamples(), r.criticSamples());
    }

    /** The empirical population approaches the exact mean-field dynamics as N grows (slow). */
    @Test
    @Tag("slow")
    void empiricalPopulationApproachesTheExactRun() {
        MeanFieldGame sis = Games.sis();
        FeatureMap phi = FeatureMap.oneHot(2, 2);
        NacSettings exact = SIS.withExactOracles().with(NacParams.EVAL_EVERY, 3000);
        double[] finals = new double[3];
        int[] sizes = {100, 1000, 10000};
        for (int i = 0; i < 3; i++) {
            double mean = 0.0;
            for (int seed = 0; seed < 5; seed++) {
                mean +=
                        NaturalActorCritic.solve(
                                                sis,
                                                exact.with(NacSettings.POPULATION, sizes[i]),
                                                seed,
                                                pi -> Games.exploitability(sis, pi),
                                                null)
                                        .finalExploitability()
                                / 5;
            }
            finals[i] = mean;
        }
        assertTrue(
                finals[0] > finals[1] && finals[1] > finals[2], java.util.Arrays.toString(finals));
        assertTrue(finals[2] < 1e-3, java.util.Arrays.toString(finals));
    }

    @Test
    void rejectsInconsistentParts() {
        MeanFieldGame sis = Games.sis();
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        NaturalActorCritic.create(
                                sis, FeatureMap.oneHot(3, 2), SIS.loop(), SIS.oracles(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SIS.with(NacParams.INNER_ITERATIONS, 0));
        assertThrows(IllegalArgumentException.class, () -> SIS.with(NacParams.BETA, 0.0));
        assertThrows(
                IllegalArgumentException.class,
                () -> NaturalActorCritic.create(sis, SIS.with(NacParams.ETA, 20.0), 0));
    }

    private static MeanFieldGame randomGame(long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        FiniteMdp base = FiniteMdp.random(3, 3, 0.8, rng);
        // a mean-field dependence: reward penalises crowded states
        return new MeanFieldGame() {
            @Override
            public int nS() {
                return 3;
            }

            @Override
            public int nA() {
                return 3;
            }

            @Override
            public double gamma() {
                return 0.8;
            }

            @Override
            public double lambda() {
                return 0.3;
            }

            @Override
            public double[] mu0() {
                return new double[] {0.5, 0.25, 0.25};
            }

            @Override
            public void transitions(double[] mu, double[] out) {
                System.arraycopy(base.transitionArray(), 0, out, 0, out.length);
            }

            @Override
            public void rewards(double[] mu, double[] out) {
                for (int s = 0; s < 3; s++) {
                    for (int a = 0; a < 3; a++) {
                        out[s * 3 + a] = base.r(s, a) - mu[s];
                    }
                }
            }
        };
    }
}
