package org.mfgkit.faas;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * Tunes ENSURE's {@code c} and thresholds with the learners' budget, on training windows only
 * (issue 12): random search over {@code c} in [0, 4], degradation in [0.5, 2], relax in [0.3, 1] x
 * degradation and memory threshold in [0.5, 1] (the first candidate is {@code base} itself); each
 * candidate runs {@code episodesPerCandidate} training episodes (the learners' episodes: random
 * windows of the training rows) and is scored by the mean agent reward, the learners' objective;
 * the best is returned. Budget in environment steps: {@code candidates x episodesPerCandidate x
 * episode intervals}. The curve is the best mean reward so far after each candidate.
 *
 * @param base ENSURE's options ({@code rate}, {@code concentrate}) and the first candidate
 * @param candidates candidates tried
 * @param episodesPerCandidate training episodes per candidate
 */
public record EnsureTuner(EnsureManager base, int candidates, int episodesPerCandidate)
        implements FaasComparison.Learner {
    public EnsureTuner {
        if (candidates < 1 || episodesPerCandidate < 1) {
            throw new IllegalArgumentException(
                    "ENSURE tuning needs candidates >= 1 and episodes per candidate >= 1");
        }
    }

    @Override
    public int iterations() {
        return candidates;
    }

    @Override
    public FaasComparison.Trained train(
            FaasComparison.Spec spec, double[] targets, long seed, Runnable onIteration) {
        long t0 = System.nanoTime();
        TrainingEpisodes episodes = new TrainingEpisodes(spec, targets, seed);
        RandomGenerator rng = RandomStreams.derive(seed, 9_000_003L);
        EnsureManager best = base;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[] curve = new double[candidates];
        for (int i = 0; i < candidates; i++) {
            EnsureManager cand = base;
            if (i > 0) {
                double degradation = 0.5 + 1.5 * rng.nextDouble();
                cand =
                        base.with(
                                4.0 * rng.nextDouble(),
                                degradation,
                                degradation * (0.3 + 0.7 * rng.nextDouble()),
                                0.5 + 0.5 * rng.nextDouble());
            }
            double score = 0.0;
            for (int e = 0; e < episodesPerCandidate; e++) {
                FaasEnvironment env = episodes.next();
                score += meanReward(env, cand, episodes.seed()) / episodesPerCandidate;
            }
            if (score > bestScore) {
                bestScore = score;
                best = cand;
            }
            curve[i] = bestScore;
            onIteration.run();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("c", best.c());
        info.put("degradation", best.degradation());
        info.put("relax", best.relax());
        info.put("memory_threshold", best.memoryThreshold());
        info.put("best_training_reward", bestScore);
        return new FaasComparison.Trained(best, curve, (System.nanoTime() - t0) / 1e9, info);
    }

    /** Mean agent reward of one episode of {@code env} under {@code m}. */
    static double meanReward(FaasEnvironment env, ResourceManager m, long seed) {
        FaasEnvironment.Step s = env.reset(seed);
        m.begin(env, seed);
        double sum = 0.0;
        int k = 0;
        while (!s.done()) {
            m.act(env, s);
            s = env.advance();
            for (double r : s.rewards()) {
                sum += r;
                k++;
            }
        }
        return k > 0 ? sum / k : 0.0;
    }
}
