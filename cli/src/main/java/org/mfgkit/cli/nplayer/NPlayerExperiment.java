package org.mfgkit.cli.nplayer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.DampedFixedPoint;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;
import org.mfgkit.envs.SolverRun;
import org.mfgkit.envs.nplayer.NPlayerReport;
import org.mfgkit.envs.nplayer.NPlayerStudy;

/**
 * The {@code n-player} experiment of {@code mfgkit run}: {@link NPlayerStudy} for several cases
 * (environment, policy), one {@code n-player.csv} and one log-log {@code n-player.png} with every
 * case and its fitted rate. Config:
 *
 * <pre>
 * {"experiment": "n-player", "title"?: "...",
 *  "cases": [{"name"?, "env": "sis-fh", "params"?: {...}, "policy": "uniform" | "equilibrium"}, ...],
 *  "n": [2, 10, ...], "samples"?, "seed"?, "exact_budget"?, "method"?}
 * </pre>
 *
 * {@code "equilibrium"} is the exact MFG equilibrium found by {@code fixed-point} (damped fixed
 * point, up to {@value #EQUILIBRIUM_ITERATIONS} iterations; its exploitability is recorded).
 */
public final class NPlayerExperiment implements Experiment {
    /** Iteration cap of the fixed point that finds the equilibrium policy. */
    static final int EQUILIBRIUM_ITERATIONS = 1000;

    @Override
    public String name() {
        return "n-player";
    }

    @Override
    public String description() {
        return "N-player exploitability E_N of MFG policies (uniform, equilibrium) against N, with fitted rates";
    }

    @Override
    public Object run(JsonNode config, RunContext ctx) throws Exception {
        Config c = Config.of(config);
        List<String> studyKeys = NPlayerStudy.SCHEMA.names();
        List<String> allowed = new ArrayList<>(List.of("experiment", "title", "cases"));
        allowed.addAll(studyKeys);
        c.allowOnly(allowed.toArray(String[]::new));
        ParamValues study = NPlayerStudy.SCHEMA.defaults();
        for (String key : studyKeys) {
            if (c.has(key)) {
                study =
                        study.withJson(
                                key, Json.mapper().treeToValue(config.get(key), Object.class));
            }
        }
        JsonNode casesNode = config.get("cases");
        if (casesNode == null || !casesNode.isArray() || casesNode.isEmpty()) {
            throw new IllegalArgumentException(
                    "config field \"cases\": expected a non-empty list of {\"env\", \"policy\"}");
        }
        // validate every case before the long computations
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < casesNode.size(); i++) {
            cases.add(Case.of(Config.of(casesNode.get(i), "config field \"cases\"[" + i + "]")));
        }
        Map<String, NPlayerReport> reports = new LinkedHashMap<>();
        ObjectNode result = Json.object();
        ArrayNode out = result.putArray("cases");
        // one unit per exact N, one per Monte Carlo sample: the bar moves within a long N
        long total = 0;
        for (Case k : cases) {
            total += NPlayerStudy.work(NPlayerGames.of(k.env), study);
        }
        try (Progress progress = ctx.progress().start("n-player", total, "runs")) {
            for (Case k : cases) {
                if (reports.containsKey(k.name)) {
                    throw new IllegalArgumentException("two cases are named \"" + k.name + "\"");
                }
                ObjectNode doc = out.addObject();
                doc.put("name", k.name);
                doc.put("env", k.env.name());
                doc.set("params", Json.toTree(k.env.params().echo()));
                doc.put("policy", k.policy);
                TabularPolicy[] pi;
                if (k.policy.equals("equilibrium")) {
                    SolverRun eq =
                            new DampedFixedPoint()
                                    .solve(k.env.exact(), EQUILIBRIUM_ITERATIONS, null);
                    pi = eq.policy();
                    doc.put("equilibrium_iterations", eq.iterations());
                } else {
                    pi = k.env.exact().uniformPolicy();
                }
                NPlayerReport r =
                        NPlayerStudy.run(
                                NPlayerGames.of(k.env), pi, study, p -> {}, progress::step);
                NPlayerOutput.fill(doc, r);
                reports.put(k.name, r);
            }
        }
        String title = c.string("title", "N-player exploitability");
        NPlayerOutput.csv(ctx.outDir(), reports);
        NPlayerOutput.plot(ctx.outDir(), title, reports);
        result.put("title", title);
        ObjectNode rates = result.putObject("rates");
        for (Map.Entry<String, NPlayerReport> e : reports.entrySet()) {
            if (e.getValue().rate() != null) {
                rates.put(e.getKey(), e.getValue().rate().rate());
            }
        }
        result.set("study", Json.toTree(study.echo()));
        return result;
    }

    /** One case: a built environment and a policy name. */
    private record Case(String name, GameModel env, String policy) {
        static Case of(Config c) {
            c.allowOnly("name", "env", "params", "policy");
            String envName = c.string("env");
            Map<String, Object> params = new LinkedHashMap<>();
            if (c.has("params")) {
                Iterator<Map.Entry<String, JsonNode>> it = c.object("params").node().fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
                }
            }
            // JSON numbers stay numbers
            GameModel env = Games.preset(envName).createFromJson(params);
            String policy = c.string("policy", "uniform");
            if (!policy.equals("uniform") && !policy.equals("equilibrium")) {
                throw new IllegalArgumentException(
                        "config field \"policy\": expected \"uniform\" or \"equilibrium\", got \""
                                + policy
                                + "\"");
            }
            NPlayerGames.of(env); // refuses games whose mean field enters through actions, now
            return new Case(c.string("name", envName + ", " + policy), env, policy);
        }
    }
}
