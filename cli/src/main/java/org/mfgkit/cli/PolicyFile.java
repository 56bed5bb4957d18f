package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.PolicyTables;

/**
 * The policy-file format of SPEC §6: {@code {"env": "sis", "probabilities": [[...], ...]}} with
 * {@code probabilities[s][a]}, or {@code [t][s][a]} ({@code t = 0..T}) for a finite-horizon
 * environment (a single {@code [s][a]} table is used at every step). A {@code result.json} of
 * {@code mfgkit solve} is accepted too (its {@code "policy"} object is such a file).
 */
public final class PolicyFile {

    private PolicyFile() {}

    /**
     * Reads and validates a policy for {@code env}; every problem is an IllegalArgumentException
     * naming it.
     */
    public static TabularPolicy[] read(Path file, GameModel env) throws IOException {
        JsonNode root = Json.read(file);
        if (root.isObject() && !root.has("probabilities") && root.path("policy").isObject()) {
            root = root.get("policy");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    "policy file "
                            + file
                            + ": expected a JSON object {\"env\": ..., \"probabilities\": ...}");
        }
        JsonNode envName = root.get("env");
        if (envName != null && !envName.isNull()) {
            if (!envName.isTextual()) {
                throw new IllegalArgumentException(
                        "policy file " + file + ": \"env\" must be a string");
            }
            if (!envName.asText().equals(env.name())) {
                throw new IllegalArgumentException(
                        "policy file "
                                + file
                                + " is for environment '"
                                + envName.asText()
                                + "', not '"
                                + env.name()
                                + "'");
            }
        }
        JsonNode p = root.get("probabilities");
        if (p == null || !p.isArray() || p.isEmpty()) {
            throw new IllegalArgumentException(
                    "policy file " + file + ": missing or empty array \"probabilities\"");
        }
        boolean perStep = p.get(0).isArray() && p.get(0).size() > 0 && p.get(0).get(0).isArray();
        try {
            double[][][] table;
            if (perStep) {
                table = new double[p.size()][][];
                for (int t = 0; t < p.size(); t++) {
                    table[t] = matrix(p.get(t), "probabilities[" + t + "]");
                }
            } else {
                table = new double[][][] {matrix(p, "probabilities")};
            }
            return PolicyTables.fromArray(env.exact(), table);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The policy-file object for {@code pi} in {@code env}: {@code [nS][nA]} for one step, else
     * {@code [T+1][nS][nA]}.
     */
    public static ObjectNode toJson(GameModel env, TabularPolicy[] pi) {
        ObjectNode node = Json.object();
        node.put("env", env.name());
        node.set("probabilities", EnvJson.perStep(env, PolicyTables.toArray(pi)));
        return node;
    }

    private static double[][] matrix(JsonNode rows, String where) {
        if (!rows.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of state rows");
        }
        double[][] out = new double[rows.size()][];
        for (int s = 0; s < rows.size(); s++) {
            JsonNode row = rows.get(s);
            if (!row.isArray()) {
                throw new IllegalArgumentException(
                        where + "[" + s + "] must be an array of action probabilities");
            }
            out[s] = new double[row.size()];
            for (int a = 0; a < row.size(); a++) {
                JsonNode v = row.get(a);
                if (!v.isNumber()) {
                    throw new IllegalArgumentException(
                            where + "[" + s + "][" + a + "] is not a number (" + v + ")");
                }
                out[s][a] = v.doubleValue();
            }
        }
        return out;
    }
}
