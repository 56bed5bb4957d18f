package org.mfgkit.faas;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

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
    public static final Param<Integer> CANDIDATES =
            Param.integer("candidates", 50, "ENSURE settings tried").check(Checks.positive());
    public static final Param<Integer> EPISODES_PER_CANDIDATE =
            Param.integer("episodes_per_candidate", 2, "training episodes per setting")
                    .check(Checks.positive());

    /** The declarations (JSON section {@code ensure_tuning}). */
    public static final ParamSchema SCHEMA =
            ParamSchema.of("ensure_tuning", CANDIDATES, EPISODES_PER_CANDIDATE);

    public EnsureTuner {
        CANDIDATES.validate(candidates);
        EPISODES_PER_CANDIDATE.validate(episodesPerCandidate);
    }

    /** The tuner of {@code v} (values of {@link #SCHEMA}) starting from {@code base}. */
    public static EnsureTuner of(EnsureManager base, ParamValues v) {
        return new EnsureTuner(base, v.get(CANDIDATES), v.get(EPISODES_PER_CANDIDATE));
    }

    @Override
    public int iterations() {
        return candidates;
    }

    /** One tuning run's memory: the per-candidate log and scores ({@code 64} bytes each). */
    @Override
    public java.util.List<org.mfgkit.core.MemoryBudget.Term> memory(FaasComparison.Spec spec) {
        return java.util.List.of(
                new org.mfgkit.core.MemoryBudget.Term(
                        CANDIDATES.name(), candidates, 64.0 * candidates));
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
