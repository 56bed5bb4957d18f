package org.mfgkit.cli.nac;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.SoftValueIteration;
import org.mfgkit.nac.MeanFieldEnvironment;
import org.mfgkit.nac.NacListener;
import org.mfgkit.nac.NacParams;
import org.mfgkit.nac.NacResult;
import org.mfgkit.nac.NaturalActorCritic;

/**
 * Experiment type {@code "nac"}: NAC / DL-NAC variants on one stationary environment over several
 * seeds (004 Appendix D), exact exploitability of {@code pi_t} (and of the running average policy)
 * recorded along each run. Seeds and variants run in parallel ({@code --threads}); every run draws
 * from its own seeded streams, so the numbers do not depend on the thread count.
 *
 * <p>Config:
 *
 * <pre>
 * {"experiment": "nac", "title": "...", "env": "sis", "set": {"c": 0.81},
 *  "seeds": 10, "iterations": 3000, "params": {"eta": 0.05, ...},
 *  "variants": [{"name": "NAC", "algorithm": "nac"},
 *               {"name": "DL-NAC", "algorithm": "dl-nac", "params": {"inner_iterations": 100}}],
 *  "band": "min-max" | "std", "average_policy": false, "mean_field_gap": false}
 * </pre>
 *
 * {@code params} (shared) and each variant's {@code params} take the keys of {@link
 * NacConfig#KEYS}, applied over {@link NacConfig#preset 004's preset} for the environment; {@code
 * iterations} defaults to the preset's. Outputs: {@code curve.csv} / {@code curve.png} (mean
 * exploitability of {@code pi_t} with a band per variant, log scale; with {@code average_policy}
 * also the running averages), with {@code mean_field_gap} also {@code mean-field-gap.csv/png} (the
 * gap of {@code pi_t} in the learner's own current mean field, see {@link #runOne}), and the result
 * (config echo, seeds, per-seed and mean curves, final policies, timings, sample counts).
 */
public final class NacExperiment implements Experiment {

    @Override
    public String name() {
        return "nac";
    }

    @Override
    public String description() {
        return "NAC / DL-NAC variants on a stationary game over seeds: exact exploitability curves (004 App. D)";
    }

    /** One variant's plan. */
    private record Variant(String name, NacConfig config) {}

    @Override
    public Object run(JsonNode json, RunContext ctx) throws Exception {
        Config c = Config.of(json);
        c.allowOnly(
                "experiment",
                "title",
                "env",
                "set",
                "seeds",
                "iterations",
                "params",
                "variants",
                "band",
                "average_policy",
                "mean_field_gap");
        String envName = c.string("env");
        Map<String, Object> sets = new LinkedHashMap<>();
        if (c.has("set")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = c.object("set").node().fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sets.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
            }
        }
        GameModel env = Games.preset(envName).createFromJson(sets);
        MeanFieldGame game = NacSolver.stationaryGame(env, "experiment nac");
        long[] seeds = c.seeds("seeds", 10);
        NacConfig shared = NacConfig.preset(env.name());
        if (c.has("params")) {
            shared = apply(shared, c.object("params"));
        }
        int iterations = c.integer("iterations", shared.params().iterations());
        if (iterations < 1) {
            throw new IllegalArgumentException(
                    "config field \"iterations\" must be >= 1, got " + iterations);
        }
        shared = shared.withIterations(iterations);
        Band band =
                switch (c.string("band", "min-max")) {
                    case "min-max" -> Band.MIN_MAX;
                    case "std" -> Band.STD;
                    default ->
                            throw new IllegalArgumentException(
                                    "config field \"band\": expected min-max or std, got \""
                                            + c.string("band")
                                            + "\"");
                };
        boolean averagePolicy = c.flag("average_policy", false);
        boolean meanFieldGap = c.flag("mean_field_gap", false);
        List<Variant> variants = variants(c, shared);
        String title =
                c.string(
                        "title",
                        env.name()
                                + ": "
                                + String.join(" vs ", variants.stream().map(Variant::name).toList())
                                + ", "
                                + seeds.length
                                + " seeds");
        // build every feature map once (validates them before the long work)
        List<FeatureMap> features = new ArrayList<>();
        for (Variant v : variants) {
            features.add(v.config().featureMap(game.nS(), game.nA()));
        }

        long totalSteps = (long) variants.size() * seeds.length * iterations;
        int runs = variants.size() * seeds.length;
        List<Run> results;
        try (Progress progress =
                ctx.progress().start(name() + " on " + env.name(), totalSteps, "it")) {
            results =
                    ctx.runParallel(
                            runs,
                            index -> {
                                int vi = index / seeds.length;
                                long seed = seeds[index % seeds.length];
                                return runOne(
                                        game,
                                        features.get(vi),
                                        variants.get(vi).config().params(),
                                        seed,
                                        meanFieldGap,
                                        progress);
                            });
        }

        double uniform =
                Exploitability.of(game, TabularPolicy.uniform(game.nS(), game.nA()))
                        .exploitability();
        List<Curve> curves = new ArrayList<>();
        List<Curve> gapCurves = new ArrayList<>();
        List<Map<String, Object>> variantResults = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("env", env.name());
        result.put("uniform_exploitability", uniform);
        for (int vi = 0; vi < variants.size(); vi++) {
            Variant v = variants.get(vi);
            List<Run> mineRuns = results.subList(vi * seeds.length, (vi + 1) * seeds.length);
            List<NacResult> mine = mineRuns.stream().map(Run::result).toList();
            double[] x = toDouble(mine.get(0).iterations());
            if (meanFieldGap) {
                gapCurves.add(Curve.of(v.name(), x, mineRuns.stream().map(Run::gap).toList()));
            }
            List<double[]> perSeed = new ArrayList<>();
            List<double[]> perSeedAverage = new ArrayList<>();
            for (NacResult r : mine) {
                perSeed.add(r.exploitability());
                perSeedAverage.add(r.averageExploitability());
            }
            Curve curve = Curve.of(v.name(), x, perSeed);
            curves.add(curve);
            Curve average = Curve.of(v.name() + " (average policy)", x, perSeedAverage);
            if (averagePolicy) {
                curves.add(average);
            }
            Map<String, Object> vr = variantResult(v, mine, curve, average, uniform);
            if (meanFieldGap) {
                vr.put("mean_field_gap_mean_curve", gapCurves.get(vi).mean());
                vr.put(
                        "mean_field_gap_largest_rise_decades",
                        largestRise(gapCurves.get(vi).mean()));
            }
            variantResults.add(vr);
            result.put(
                    "final_" + v.name(),
                    String.format(
                            Locale.ROOT,
                            "E(pi_T) mean %.3g [min %.3g, max %.3g] = %.3g%% of uniform; average policy %.3g; %.2f s per seed",
                            vr.get("final_exploitability_mean"),
                            vr.get("final_exploitability_min"),
                            vr.get("final_exploitability_max"),
                            100 * (double) vr.get("final_exploitability_mean") / uniform,
                            vr.get("final_average_policy_exploitability_mean"),
                            vr.get("seconds_per_seed_mean")));
        }
        ctx.writer()
                .curves(
                        "curve",
                        curves,
                        "iteration",
                        band,
                        PlotSpec.of(title, "iteration", "exploitability").withLogY(true));
        if (meanFieldGap) {
            ctx.writer()
                    .curves(
                            "mean-field-gap",
                            gapCurves,
                            "iteration",
                            band,
                            PlotSpec.of(
                                            env.name()
                                                    + ": V*(mu_t) - V^pi_t(mu_t), the gap in the learner's own mean field mu_t",
                                            "iteration",
                                            "gap in the learner's mean field")
                                    .withLogY(true));
        }
        result.put("title", title);
        result.put("iterations", iterations);
        result.put("seeds", seeds);
        result.put("params", env.params().echo());
        result.put("variants", variantResults);
        return result;
    }

    /**
     * One run's result and, when asked for, its gap in the learner's own mean field at each record.
     */
    private record Run(NacResult result, double[] gap) {}

    /**
     * One seed of one variant. The optional gap {@code V*_{mu_t}(mu0) - V^{pi_t}_{mu_t}(mu0)} is
     * measured by this reporting code against the environment's current mean field after each
     * record (the learner itself never reads it): the quantity DL-NAC's inner loop drives down
     * while {@code mu} is frozen, and which jumps when {@code mu} moves (004's "zigzag").
     */
    private static Run runOne(
            MeanFieldGame game,
            FeatureMap phi,
            NacParams params,
            long seed,
            boolean meanFieldGap,
            Progress progress) {
        NaturalActorCritic nac = NaturalActorCritic.create(game, phi, params, seed);
        MeanFieldEnvironment env = (MeanFieldEnvironment) nac.environment();
        List<Double> gaps = new ArrayList<>();
        NacResult r =
                nac.run(
                        RandomStreams.derive(seed, NaturalActorCritic.LEARNER_STREAM),
                        pi -> Exploitability.of(game, pi).exploitability(),
                        new NacListener() {
                            @Override
                            public void onIteration(int t) {
                                progress.step();
                            }

                            @Override
                            public void onRecord(
                                    int t, double value, double averageValue, double seconds) {
                                if (meanFieldGap) {
                                    FiniteMdp mdp = env.inducedMdp();
                                    double[] mu0 = game.mu0();
                                    double best =
                                            SoftValueIteration.solve(mdp, game.lambda()).value(mu0);
                                    double own =
                                            PolicyEvaluation.value(
                                                    PolicyEvaluation.evaluate(
                                                            mdp, nac.policy(), game.lambda()),
                                                    mu0);
                                    gaps.add(best - own);
                                }
                            }
                        });
        return new Run(
                r, meanFieldGap ? gaps.stream().mapToDouble(Double::doubleValue).toArray() : null);
    }

    private static Map<String, Object> variantResult(
            Variant v, List<NacResult> runs, Curve curve, Curve average, double uniform) {
        int n = runs.size();
        double[] finals = new double[n];
        double[] averageFinals = new double[n];
        double[] seconds = new double[n];
        List<double[][]> policies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NacResult r = runs.get(i);
            finals[i] = r.finalExploitability();
            averageFinals[i] = r.averageExploitability()[r.averageExploitability().length - 1];
            seconds[i] = r.seconds();
            policies.add(r.policy().toTabular().toArray());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("settings", v.config().asMap());
        m.put("final_exploitability_mean", mean(finals));
        m.put("final_exploitability_min", min(finals));
        m.put("final_exploitability_max", max(finals));
        m.put("final_exploitability_per_seed", finals);
        m.put("final_fraction_of_uniform", mean(finals) / uniform);
        m.put("final_average_policy_exploitability_mean", mean(averageFinals));
        m.put("final_average_policy_exploitability_per_seed", averageFinals);
        m.put("largest_rise_decades", largestRise(curve.mean()));
        m.put("critic_samples_per_seed", runs.get(0).criticSamples());
        m.put("actor_samples_per_seed", runs.get(0).actorSamples());
        m.put("seconds_per_seed", seconds);
        m.put("seconds_per_seed_mean", mean(seconds));
        m.put("iterations", runs.get(0).iterations());
        m.put("mean_curve", curve.mean());
        m.put("per_seed_curves", curve.runs());
        m.put("mean_average_policy_curve", average.mean());
        m.put("per_seed_average_policy_curves", average.runs());
        m.put("final_policies", policies);
        return m;
    }

    /**
     * The largest rise of {@code log10} of a mean curve from one record to the next, in decades: a
     * smooth curve rises by little between records, a zigzag jumps (DL-NAC's gap in its own mean
     * field jumps at every full {@code Gamma2} step). Non-positive values are skipped; {@code NaN}
     * for fewer than two.
     */
    static double largestRise(double[] mean) {
        double rise = Double.NaN;
        double previous = Double.NaN;
        for (double e : mean) {
            if (!(e > 0.0)) {
                continue;
            }
            double y = Math.log10(e);
            if (!Double.isNaN(previous)) {
                rise = Double.isNaN(rise) ? y - previous : Math.max(rise, y - previous);
            }
            previous = y;
        }
        return rise;
    }

    private static List<Variant> variants(Config c, NacConfig shared) {
        if (!c.has("variants")) {
            return List.of(
                    new Variant("NAC", shared.withAlgorithm(NacParams.Algorithm.NAC)),
                    new Variant("DL-NAC", shared.withAlgorithm(NacParams.Algorithm.DL_NAC)));
        }
        JsonNode list = c.node().get("variants");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(
                    "config field \"variants\": expected a non-empty list of objects");
        }
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Config vc = Config.of(list.get(i), "config field \"variants\" item " + i);
            vc.allowOnly("name", "algorithm", "params");
            String algorithm = vc.string("algorithm");
            NacParams.Algorithm alg =
                    switch (algorithm) {
                        case "nac" -> NacParams.Algorithm.NAC;
                        case "dl-nac" -> NacParams.Algorithm.DL_NAC;
                        default ->
                                throw new IllegalArgumentException(
                                        "config field \"variants\" item "
                                                + i
                                                + " field \"algorithm\": expected nac or dl-nac, got \""
                                                + algorithm
                                                + "\"");
                    };
            NacConfig config = shared.withAlgorithm(alg);
            if (vc.has("params")) {
                config = apply(config, vc.object("params"));
            }
            String name = vc.string("name", alg == NacParams.Algorithm.NAC ? "NAC" : "DL-NAC");
            for (Variant other : out) {
                if (other.name().equals(name)) {
                    throw new IllegalArgumentException(
                            "config field \"variants\": two variants are named \"" + name + "\"");
                }
            }
            out.add(new Variant(name, config));
        }
        return out;
    }

    private static NacConfig apply(NacConfig base, Config params) {
        NacConfig c = base;
        for (Iterator<Map.Entry<String, JsonNode>> it = params.node().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("iterations".equals(e.getKey())) {
                throw new IllegalArgumentException(
                        "params: set \"iterations\" at the top level of the config");
            }
            c = c.with(e.getKey(), text(e.getValue(), "params field \"" + e.getKey() + "\""));
        }
        return c;
    }

    private static String text(JsonNode v, String where) {
        if (v.isNumber() || v.isTextual() || v.isBoolean()) {
            return v.asText();
        }
        throw new IllegalArgumentException(
                where + ": expected a number, string or boolean, got " + v);
    }

    private static double[] toDouble(int[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static double mean(double[] a) {
        double s = 0.0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
