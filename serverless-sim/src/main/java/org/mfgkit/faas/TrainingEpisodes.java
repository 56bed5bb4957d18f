package org.mfgkit.faas;

import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * The training episodes of a learner: episode {@code k} replays the training rows over {@code
 * episodeMinutes} minutes starting at a minute drawn uniformly from the training window, reset with
 * its own seed. Deterministic given the seed.
 */
final class TrainingEpisodes {
    private final FaasComparison.Spec spec;
    private final double[] targets;
    private final RandomGenerator rng;
    private final long seed;
    private long count;
    private long lastSeed;

    TrainingEpisodes(FaasComparison.Spec spec, double[] targets, long seed) {
        this.spec = spec;
        this.targets = targets.clone();
        this.seed = seed;
        this.rng = RandomStreams.derive(seed, 9_000_001L);
    }

    /** The next episode's environment (not yet reset; reset it with {@link #seed()}). */
    FaasEnvironment next() {
        FaasComparison.Window w = spec.train();
        int span = w.minutes() - spec.episodeMinutes();
        int start = w.startMinute() + (span > 0 ? rng.nextInt(span + 1) : 0);
        lastSeed = RandomStreams.deriveSeed(seed, count++);
        return spec.trainingEnvironment(start, targets);
    }

    /** The seed for the episode last returned by {@link #next()}. */
    long seed() {
        return lastSeed;
    }

    /** The next {@code count} episodes, each run with every agent drawing from {@code policy}. */
    Rollout[] collect(AgentPolicy policy, int count) {
        Rollout[] batch = new Rollout[count];
        for (int e = 0; e < count; e++) {
            batch[e] = Rollout.collect(next(), policy, seed());
        }
        return batch;
    }
}
