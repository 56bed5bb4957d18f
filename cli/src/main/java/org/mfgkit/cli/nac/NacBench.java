package org.mfgkit.cli.nac;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.nac.NacPresets;
import org.mfgkit.nac.NacSettings;
import org.mfgkit.nac.NaturalActorCritic;

/**
 * Bench tasks {@code nac/iteration/ENV}: one iteration of single-loop NAC with the sampled oracles
 * and the environment's preset budget ({@link NacPresets}): TD(0) critic, SGD actor, policy step
 * and one mean-field step; no exploitability evaluation. As the JMH {@code NacIterationBenchmark}.
 */
public final class NacBench {

    private NacBench() {}

    /** A learner and its generator; each call of the task advances it by one iteration. */
    public static final class Stepper {
        private final NaturalActorCritic nac;
        private final RandomGenerator rng;
        private final double beta;

        Stepper(NaturalActorCritic nac, RandomGenerator rng, double beta) {
            this.nac = nac;
            this.rng = rng;
            this.beta = beta;
        }

        /** One NAC iteration; returns a number of the new policy (consumed by the runner). */
        public double iterate() {
            LogLinearPolicy played = nac.policy();
            LogLinearPolicy next = nac.improve(rng);
            nac.environment().advance(played, beta);
            return next.prob(0, 0);
        }
    }

    /** The task for environment {@code env} with its defaults. */
    public static BenchTask<Stepper> of(String env) {
        return BenchTask.of(
                "nac/iteration/" + env,
                "one NAC iteration on " + env + " (TD(0) + SGD oracles, preset sample budget)",
                () -> setup(env),
                Stepper::iterate);
    }

    /** A fresh learner on {@code env} (seed 0). */
    public static Stepper setup(String env) {
        MeanFieldGame game = StationaryGame.of(env, Map.of(), "nac bench").game();
        NacSettings settings = NacPresets.get(env);
        NaturalActorCritic nac = NaturalActorCritic.create(game, settings, 0);
        return new Stepper(
                nac,
                RandomStreams.derive(0, NaturalActorCritic.LEARNER_STREAM),
                settings.loop().beta());
    }
}
