package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PopulationOperator;

class MeanFieldEnvironmentTest {
    private static final TabularPolicy SOME_POLICY =
            TabularPolicy.ofTable(2, 2, new double[] {0.7, 0.3, 0.4, 0.6});

    @Test
    void exactStepIsTheDampedPopulationOperator() {
        MeanFieldGame sis = Games.sis();
        MeanFieldEnvironment env = new MeanFieldEnvironment(sis);
        double[] mu = sis.mu0();
        for (int t = 0; t < 5; t++) {
            double[] g2 = PopulationOperator.gamma2(sis, SOME_POLICY, mu);
            for (int s = 0; s < 2; s++) {
                mu[s] = 0.9 * mu[s] + 0.1 * g2[s];
            }
            env.advance(SOME_POLICY, 0.1);
            assertArrayEquals(mu, env.meanField(), Tolerances.TEST_EXACT);
            FiniteMdp induced = sis.inducedMdp(mu);
            assertArrayEquals(
                    induced.transitionArray(),
                    env.inducedMdp().transitionArray(),
                    Tolerances.TEST_EXACT);
            assertEquals(induced.r(1, 1), env.reward(1, 1), Tolerances.TEST_EXACT);
        }
        assertEquals(5, env.populationSteps());
    }

    @Test
    void populationStartsAtRoundedMu0AndStaysOnTheGrid() {
        MeanFieldEnvironment env =
                MeanFieldEnvironment.withPopulation(Games.sis(), 10, RandomStreams.create(1));
        assertArrayEquals(new double[] {0.4, 0.6}, env.meanField(), Tolerances.TEST_EXACT);
        MeanFieldEnvironment odd =
                MeanFieldEnvironment.withPopulation(Games.sis(), 7, RandomStreams.create(1));
        // 7 * (0.4, 0.6) = (2.8, 4.2): floors (2, 4), the larger remainder goes to S
        assertArrayEquals(new double[] {3.0 / 7, 4.0 / 7}, odd.meanField(), Tolerances.TEST_EXACT);
        for (int t = 0; t < 50; t++) {
            odd.advance(SOME_POLICY, 0.3);
            double scaled = odd.meanField()[0] * 7;
            assertEquals(Math.rint(scaled), scaled, Tolerances.TEST_EXACT);
        }
    }

    /**
     * Given {@code mu_t}, the empirical step is unbiased for {@code (1-beta) mu_t + beta Gamma2(pi,
     * mu_t)}. Each agent moves independently, so one replication's {@code mu_{t+1}(S)} has variance
     * at most {@code 1/(4N)}; the mean of {@code R} replications is within 5 standard deviations.
     */
    @Test
    void populationStepIsUnbiased() {
        MeanFieldGame sis = Games.sis();
        int n = 200;
        int replications = 2000;
        double beta = 0.3;
        double[] g2 = PopulationOperator.gamma2(sis, SOME_POLICY, sis.mu0());
        double expected = 0.7 * 0.4 + 0.3 * g2[0];
        double mean = 0.0;
        for (int rep = 0; rep < replications; rep++) {
            MeanFieldEnvironment env =
                    MeanFieldEnvironment.withPopulation(sis, n, RandomStreams.derive(3, rep));
            env.advance(SOME_POLICY, beta);
            mean += env.meanField()[0] / replications;
        }
        double sd = Math.sqrt(1.0 / (4.0 * n * replications));
        assertTrue(Math.abs(mean - expected) <= 5 * sd, mean + " vs " + expected);
    }

    @Test
    void fullStepMovesEveryAgent() {
        // a game where every agent jumps to the other state: after a full step the population is
        // swapped
        FiniteMdp swap = new FiniteMdp(2, 1, 0.5, new double[] {0, 1, 1, 0}, new double[] {0, 0});
        MeanFieldEnvironment env =
                MeanFieldEnvironment.withPopulation(
                        Games.fromMdp(swap, new double[] {0.25, 0.75}, 0),
                        8,
                        RandomStreams.create(1));
        env.advance(TabularPolicy.uniform(2, 1), 1.0);
        assertArrayEquals(new double[] {0.75, 0.25}, env.meanField(), Tolerances.TEST_EXACT);
    }

    @Test
    void rejectsBadInput() {
        MeanFieldEnvironment env = new MeanFieldEnvironment(Games.sis());
        assertThrows(IllegalArgumentException.class, () -> env.advance(SOME_POLICY, 1.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> env.advance(TabularPolicy.uniform(3, 2), 0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> MeanFieldEnvironment.withPopulation(Games.sis(), 0, RandomStreams.create(1)));
    }
}
