package org.mfgkit.nac;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Parallel;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Param;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.SoftValueIteration;

/**
 * A NAC study (004 Appendix D): variants (named {@link NacSettings}) times seeds on one stationary
 * game, each run recording a measurement of {@code pi_t} and of the running average policy
 * (normally the exact exploitability), and optionally the gap {@code V*_{mu_t}(mu0) -
 * V^{pi_t}_{mu_t}(mu0)} in the learner's own current mean field (the quantity DL-NAC's inner loop
 * drives down while {@code mu} is frozen, and which jumps when {@code mu} moves: 004's "zigzag").
 * The gap is computed here from the mean field each record reports ({@link NacListener.Snapshot});
 * the learner itself never reads it.
 *
 * <p>Runs go on up to {@code threads} threads; every run draws from its own seeded streams ({@link
 * NaturalActorCritic#LEARNER_STREAM}, {@link NaturalActorCritic#POPULATION_STREAM}), so the result
 * does not depend on the thread count.
 *
 * <pre>{@code
 * NacSettings sis = NacPresets.get("sis");
 * NacStudy study = new NacStudy(List.of(
 *         new NacStudy.Variant("NAC", sis),
 *         new NacStudy.Variant("DL-NAC", sis.withAlgorithm(NacParams.Algorithm.DL_NAC)
 *                 .with(NacParams.INNER_ITERATIONS, 300))), NacStudy.seeds(10), true);
 * NacStudyResult r = study.run(game, pi -> Exploitability.of(game, pi).exploitability(), 2, null);
 * }</pre>
 *
 * @param variants the variants, names distinct
 * @param seeds the run seeds (distinct), the same for every variant
 * @param meanFieldGap whether to record the gap in the learner's own mean field
 */
public record NacStudy(List<Variant> variants, long[] seeds, boolean meanFieldGap) {
    /** Whether to record the gap in the learner's own mean field. */
    public static final Param<Boolean> MEAN_FIELD_GAP =
            Param.bool(
                    "mean_field_gap",
                    false,
                    "also record V*(mu_t) - V^pi_t(mu_t), the gap in the learner's own mean field");

    /**
     * One variant of a study.
     *
     * @param name the name on curves and in results (non-blank)
     * @param settings its settings
     */
    public record Variant(String name, NacSettings settings) {
        /** Validates the fields. */
        public Variant {
            if (name == null || name.isBlank() || settings == null) {
                throw new IllegalArgumentException("a variant needs a name and settings");
            }
        }
    }

    /** Validates: at least one variant, distinct names, at least one seed, distinct seeds. */
    public NacStudy {
        if (variants == null || variants.isEmpty()) {
            throw new IllegalArgumentException("a NAC study needs at least one variant");
        }
        variants = List.copyOf(variants);
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("two variants are named \"" + v.name() + "\"");
            }
        }
        if (seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("a NAC study needs at least one seed");
        }
        seeds = seeds.clone();
        Set<Long> seen = new HashSet<>();
        for (long s : seeds) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("seed " + s + " is listed twice");
            }
        }
    }

    /** Seeds {@code 0..n-1}. */
    public static long[] seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of seeds must be >= 1, got " + n);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Policy updates of all runs together (for a progress display). */
    public long totalIterations() {
        long total = 0;
        for (Variant v : variants) {
            total += (long) v.settings().loop().iterations() * seeds.length;
        }
        return total;
    }

    /**
     * Runs every variant on every seed.
     *
     * @param game the stationary game
     * @param measure recorded along each run and at the uniform policy (normally the exact
     *     exploitability)
     * @param threads runs at once, at least 1
     * @param onIteration called after every policy update of every run, from the worker threads
     *     (progress); may be {@code null}
     */
    public NacStudyResult run(
            MeanFieldGame game, PolicyMeasure measure, int threads, Runnable onIteration) {
        if (game == null || measure == null) {
            throw new IllegalArgumentException("a NAC study needs a game and a measure");
        }
        // build every feature map once: validates them before the long work
        for (Variant v : variants) {
            v.settings().featureMap(game.nS(), game.nA());
        }
        List<SeedRun> runs;
        try {
            runs =
                    Parallel.map(
                            variants.size() * seeds.length,
                            threads,
                            index ->
                                    runOne(
                                            game,
                                            variants.get(index / seeds.length).settings(),
                                            seeds[index % seeds.length],
                                            measure,
                                            onIteration));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double uniform = measure.evaluate(TabularPolicy.uniform(game.nS(), game.nA()));
        List<NacStudyResult.VariantResult> out = new ArrayList<>();
        for (int vi = 0; vi < variants.size(); vi++) {
            Variant v = variants.get(vi);
            List<SeedRun> mine = runs.subList(vi * seeds.length, (vi + 1) * seeds.length);
            double[] x = mine.get(0).result().exploitability().x();
            List<double[]> values = new ArrayList<>();
            List<double[]> averages = new ArrayList<>();
            List<double[]> gaps = new ArrayList<>();
            List<NacResult> results = new ArrayList<>();
            for (SeedRun r : mine) {
                values.add(r.result().exploitability().runs()[0]);
                averages.add(r.result().averageExploitability().runs()[0]);
                gaps.add(r.gap());
                results.add(r.result());
            }
            out.add(
                    new NacStudyResult.VariantResult(
                            v.name(),
                            v.settings(),
                            Curve.of(v.name(), x, values),
                            Curve.of(v.name() + " (average policy)", x, averages),
                            meanFieldGap ? Curve.of(v.name(), x, gaps) : null,
                            results));
        }
        return new NacStudyResult(uniform, seeds, out);
    }

    /** One run's result and, when asked for, its gap in its own mean field at each record. */
    private record SeedRun(NacResult result, double[] gap) {}

    private SeedRun runOne(
            MeanFieldGame game,
            NacSettings settings,
            long seed,
            PolicyMeasure measure,
            Runnable onIteration) {
        NaturalActorCritic nac = NaturalActorCritic.create(game, settings, seed);
        List<Double> gaps = new ArrayList<>();
        double[] mu0 = game.mu0();
        NacResult r =
                nac.run(
                        RandomStreams.derive(seed, NaturalActorCritic.LEARNER_STREAM),
                        measure,
                        new NacListener() {
                            @Override
                            public void onIteration(int t) {
                                if (onIteration != null) {
                                    onIteration.run();
                                }
                            }

                            @Override
                            public void onRecord(Snapshot snapshot) {
                                if (meanFieldGap) {
                                    gaps.add(gap(game, snapshot, mu0));
                                }
                            }
                        });
        return new SeedRun(
                r, meanFieldGap ? gaps.stream().mapToDouble(Double::doubleValue).toArray() : null);
    }

    /**
     * {@code V*_{mu_t}(mu0) - V^{pi_t}_{mu_t}(mu0)} in the MDP induced by the record's mean field.
     */
    private static double gap(MeanFieldGame game, NacListener.Snapshot snapshot, double[] mu0) {
        FiniteMdp mdp = game.inducedMdp(snapshot.meanField());
        double best = SoftValueIteration.solve(mdp, game.lambda()).value(mu0);
        double own =
                PolicyEvaluation.value(
                        PolicyEvaluation.evaluate(mdp, snapshot.policy(), game.lambda()), mu0);
        return best - own;
    }
}
