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
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.nac.NacParams;
import org.mfgkit.nac.NacPresets;
import org.mfgkit.nac.NacResult;
import org.mfgkit.nac.NacSettings;
import org.mfgkit.nac.NacStudy;
import org.mfgkit.nac.NacStudyResult;
import org.mfgkit.nac.NacStudyResult.VariantResult;

/**
 * Experiment type {@code "nac"}: the library's {@link NacStudy} (NAC / DL-NAC variants on one
 * stationary environment over several seeds, 004 Appendix D) from a JSON config, with its curves,
 * plots and {@code result.json}. This class only maps the config onto the study and writes what it
 * returns.
 *
 * <p>Config:
 *
 * <pre>
 * {"experiment": "nac", "title": "...", "env": "sis", "set": {"c": 0.81}, "preset": "sis",
 *  "seeds": 10, "iterations": 3000, "params": {"eta": 0.05, ...},
 *  "variants": [{"name": "NAC", "algorithm": "nac"},
 *               {"name": "DL-NAC", "algorithm": "dl-nac", "params": {"inner_iterations": 100}}],
 *  "band": "min-max" | "std", "average_policy": false, "mean_field_gap": false}
 * </pre>
 *
 * {@code params} (shared) and each variant's {@code params} take the keys of {@link
 * NacSettings#KEYS} (JSON numbers stay numbers), applied over the {@link NacPresets preset} named
 * by {@code preset} (default: the environment's name; an environment without a preset must name
 * one); {@code iterations} defaults to the preset's. Outputs: {@code curve.csv} / {@code curve.png}
 * (mean exploitability of {@code pi_t} with a band per variant, log scale; with {@code
 * average_policy} also the running averages), with {@code mean_field_gap} also {@code
 * mean-field-gap.csv/png} (the gap of {@code pi_t} in the learner's own current mean field), and
 * the result (config echo, seeds, per-seed and mean curves, final policies, timings, sample
 * counts).
 */
public final class NacExperiment implements Experiment {

    /** Plot title ({@code auto}: env, variants and seeds). */
    static final Param<String> TITLE =
            Param.text("title", null, "plot title (default: env, variants and seeds)")
                    .orNone("auto");

    /** The preset the parameters start from. */
    static final Param<String> PRESET =
            Param.text("preset", null, "NAC preset the params start from (default: the env's name)")
                    .orNone("env");

    /** The band around the mean curve. */
    static final Param<String> BAND =
            Param.choice(
                    "band",
                    "min-max",
                    List.of("min-max", "std"),
                    "band around the mean curve over seeds");

    /** Whether to plot the running-average policy too. */
    static final Param<Boolean> AVERAGE_POLICY =
            Param.bool("average_policy", false, "also plot the running-average policy's curve");

    /** The scalar fields of the config, each declared once. */
    static final ParamSchema FIELDS =
            ParamSchema.of(
                    "experiment nac", TITLE, PRESET, BAND, AVERAGE_POLICY, NacStudy.MEAN_FIELD_GAP);

    @Override
    public String name() {
        return "nac";
    }

    @Override
    public String description() {
        return "NAC / DL-NAC variants on a stationary game over seeds: exact exploitability curves (004 App. D)";
    }

    @Override
    public Object run(JsonNode json, RunContext ctx) throws Exception {
        Config c = Config.of(json);
        c.allowOnly(
                "experiment",
                "title",
                "env",
                "set",
                "preset",
                "seeds",
                "iterations",
                "params",
                "variants",
                "band",
                "average_policy",
                "mean_field_gap");
        ParamValues fields = FIELDS.defaults();
        for (String f : FIELDS.names()) {
            if (c.has(f)) {
                fields = fields.withJson(f, c.value(f));
            }
        }
        StationaryGame env = StationaryGame.of(c.string("env"), sets(c), "experiment nac");
        long[] seeds = c.seeds("seeds", 10);
        String preset = fields.get(PRESET) == null ? env.name() : fields.get(PRESET);
        NacSettings shared = NacPresets.get(preset);
        if (c.has("params")) {
            shared = apply(shared, c.object("params"));
        }
        if (c.has("iterations")) {
            shared = shared.withJson(NacParams.ITERATIONS.name(), c.value("iterations"));
        }
        NacStudy study =
                new NacStudy(variants(c, shared), seeds, fields.get(NacStudy.MEAN_FIELD_GAP));
        Band band = fields.get(BAND).equals("std") ? Band.STD : Band.MIN_MAX;
        String title = fields.get(TITLE);
        if (title == null) {
            title =
                    env.name()
                            + ": "
                            + String.join(
                                    " vs ",
                                    study.variants().stream().map(NacStudy.Variant::name).toList())
                            + ", "
                            + seeds.length
                            + " seeds";
        }

        NacStudyResult r;
        try (Progress progress =
                ctx.progress().start(name() + " on " + env.name(), study.totalIterations(), "it")) {
            r =
                    study.run(
                            env.game(),
                            pi -> Exploitability.of(env.game(), pi).exploitability(),
                            ctx.threads(),
                            progress::step);
        }
        return write(r, study, env, title, band, fields.get(AVERAGE_POLICY), ctx);
    }

    private Map<String, Object> write(
            NacStudyResult r,
            NacStudy study,
            StationaryGame env,
            String title,
            Band band,
            boolean averagePolicy,
            RunContext ctx)
            throws Exception {
        double uniform = r.uniformExploitability();
        List<Curve> curves = new ArrayList<>();
        List<Curve> gapCurves = new ArrayList<>();
        List<Map<String, Object>> variantResults = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("env", env.name());
        result.put("uniform_exploitability", uniform);
        for (VariantResult v : r.variants()) {
            curves.add(v.exploitability());
            if (averagePolicy) {
                curves.add(v.averageExploitability());
            }
            Map<String, Object> vr = variantResult(v, uniform);
            if (study.meanFieldGap()) {
                gapCurves.add(v.meanFieldGap());
                vr.put("mean_field_gap_mean_curve", v.meanFieldGap().mean());
                vr.put(
                        "mean_field_gap_largest_rise_decades",
                        NacStudyResult.largestRise(v.meanFieldGap().mean()));
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
        if (study.meanFieldGap()) {
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
        result.put("iterations", study.variants().get(0).settings().loop().iterations());
        result.put("seeds", r.seeds());
        result.put("params", env.params());
        result.put("variants", variantResults);
        return result;
    }

    private static Map<String, Object> variantResult(VariantResult v, double uniform) {
        double[] finals = v.finalExploitability();
        double[] averageFinals = v.finalAverageExploitability();
        double[] seconds = v.seconds();
        NacResult first = v.runs().get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("settings", v.settings().echo());
        m.put("final_exploitability_mean", NacStudyResult.mean(finals));
        m.put("final_exploitability_min", NacStudyResult.min(finals));
        m.put("final_exploitability_max", NacStudyResult.max(finals));
        m.put("final_exploitability_per_seed", finals);
        m.put("final_fraction_of_uniform", NacStudyResult.mean(finals) / uniform);
        m.put("final_average_policy_exploitability_mean", NacStudyResult.mean(averageFinals));
        m.put("final_average_policy_exploitability_per_seed", averageFinals);
        m.put("largest_rise_decades", v.largestRiseDecades());
        m.put("critic_samples_per_seed", first.criticSamples());
        m.put("actor_samples_per_seed", first.actorSamples());
        m.put("seconds_per_seed", seconds);
        m.put("seconds_per_seed_mean", NacStudyResult.mean(seconds));
        m.put("iterations", first.iterations());
        m.put("mean_curve", v.exploitability().mean());
        m.put("per_seed_curves", v.exploitability().runs());
        m.put("mean_average_policy_curve", v.averageExploitability().mean());
        m.put("per_seed_average_policy_curves", v.averageExploitability().runs());
        m.put("final_policies", v.finalPolicies());
        return m;
    }

    private static List<NacStudy.Variant> variants(Config c, NacSettings shared) {
        if (!c.has("variants")) {
            return List.of(
                    new NacStudy.Variant("NAC", shared.withAlgorithm(NacParams.Algorithm.NAC)),
                    new NacStudy.Variant(
                            "DL-NAC", shared.withAlgorithm(NacParams.Algorithm.DL_NAC)));
        }
        JsonNode list = c.node().get("variants");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(
                    "config field \"variants\": expected a non-empty list of objects");
        }
        List<NacStudy.Variant> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Config vc = Config.of(list.get(i), "config field \"variants\" item " + i);
            vc.allowOnly("name", "algorithm", "params");
            NacSettings settings =
                    shared.withJson(NacParams.ALGORITHM.name(), vc.value("algorithm"));
            if (vc.has("params")) {
                settings = apply(settings, vc.object("params"));
            }
            String name =
                    vc.string(
                            "name",
                            settings.loop().algorithm() == NacParams.Algorithm.NAC
                                    ? "NAC"
                                    : "DL-NAC");
            out.add(new NacStudy.Variant(name, settings));
        }
        return out;
    }

    /** {@code params}: every key of {@link NacSettings#KEYS}, by its declaration. */
    private static NacSettings apply(NacSettings base, Config params) {
        for (Iterator<String> it = params.node().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!NacSettings.KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        key.equals(NacParams.ITERATIONS.name())
                                ? "params: set \"iterations\" at the top level of the config"
                                : "params: unknown key '"
                                        + key
                                        + "' (known: "
                                        + String.join(", ", NacSettings.KEYS)
                                        + ")");
            }
        }
        return NacSettings.of(params.applyTo(base.values()));
    }

    /** The {@code "set"} object: game parameters as JSON values (numbers stay numbers). */
    private static Map<String, Object> sets(Config c) {
        Map<String, Object> sets = new LinkedHashMap<>();
        if (c.has("set")) {
            Config set = c.object("set");
            for (Iterator<String> it = set.node().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                sets.put(key, set.value(key));
            }
        }
        return sets;
    }
}
