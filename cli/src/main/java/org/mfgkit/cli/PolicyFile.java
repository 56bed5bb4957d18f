package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.Npy;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.ExactModel;
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
     * The path of {@code --policy TEXT}.
     *
     * @throws IllegalArgumentException for an empty or blank text (instead of the working
     *     directory)
     */
    public static Path path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(
                    "--policy is empty: give 'uniform' or the path of a policy JSON file");
        }
        return Path.of(text);
    }

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
        if (root.has("file") && !root.has("probabilities")) {
            return readSideFile(file, root, env);
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

    /**
     * The policy of a {@code result.json} whose {@code "policy"} references a NumPy side file
     * ({@link ResultArrays}): {@code [nS][nA]} or {@code [T+1][nS][nA]} float64, next to the JSON.
     */
    private static TabularPolicy[] readSideFile(Path file, JsonNode root, GameModel env)
            throws IOException {
        JsonNode name = root.get("file");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new IllegalArgumentException(
                    "policy file " + file + ": \"file\" must name a .npy file");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path npy = dir.resolve(name.asText());
        ExactModel model = env.exact();
        int[] shape =
                env.isStationary()
                        ? new int[] {model.nS(), model.nA()}
                        : new int[] {model.steps(), model.nS(), model.nA()};
        double[][] tables = Npy.read(npy, shape);
        if (env.isStationary()) {
            // [nS][nA] comes back as nS rows of nA: one flat table
            double[] flat = new double[model.nS() * model.nA()];
            for (int s = 0; s < tables.length; s++) {
                System.arraycopy(tables[s], 0, flat, s * model.nA(), model.nA());
            }
            tables = new double[][] {flat};
        }
        TabularPolicy[] pi = new TabularPolicy[tables.length];
        for (int t = 0; t < tables.length; t++) {
            try {
                pi[t] = TabularPolicy.ofTable(model.nS(), model.nA(), tables[t]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "policy file "
                                + npy
                                + (env.isStationary() ? "" : " at time step " + t)
                                + ": "
                                + e.getMessage().replaceFirst("^policy row ", "state "),
                        e);
            }
            tables[t] = null;
        }
        return pi;
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
