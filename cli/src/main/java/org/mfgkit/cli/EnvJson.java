package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mfgkit.cli.output.Json;
import org.mfgkit.envs.GameModel;

/** The JSON every command that works on an environment writes about it (SPEC §6). */
final class EnvJson {
    private EnvJson() {}

    /**
     * A new document starting with {@code "env"}, {@code "finite_horizon"} and {@code "params"}
     * (the parameter echo: every declared parameter by name).
     */
    static ObjectNode header(GameModel env) {
        ObjectNode doc = Json.object();
        doc.put("env", env.name());
        doc.put("finite_horizon", !env.isStationary());
        doc.set("params", Json.toTree(env.params().echo()));
        return doc;
    }

    /**
     * Per-step values ({@code [1][...]} for a stationary environment, {@code [T+1][...]} for a
     * finite-horizon one) as JSON: the single step itself when stationary, else all steps.
     */
    static JsonNode perStep(GameModel env, Object[] steps) {
        return Json.toTree(env.isStationary() ? steps[0] : steps);
    }

    /**
     * A mean field or flow as JSON ({@link #perStep}); a state-action flow {@code L_t} ({@link
     * GameModel#meanFieldIsStateAction()}) as {@code [T+1][nS][nA]}.
     */
    static JsonNode meanField(GameModel env, double[][] flow) {
        if (!env.meanFieldIsStateAction()) {
            return perStep(env, flow);
        }
        double[][][] l = new double[flow.length][env.nS()][];
        for (int t = 0; t < flow.length; t++) {
            for (int s = 0; s < env.nS(); s++) {
                l[t][s] = java.util.Arrays.copyOfRange(flow[t], s * env.nA(), (s + 1) * env.nA());
            }
        }
        return perStep(env, l);
    }
}
