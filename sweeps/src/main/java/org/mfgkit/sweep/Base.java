package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every point of a sweep runs: an {@code mfgkit run} config, or an {@code mfgkit solve} given
 * as {@code {"env", "algorithm", "iterations", "set": {...}}}. A point's config is the base with
 * the point's values written at their dotted paths ({@code params.eta}, {@code set.beta}, {@code
 * variants.0.params.eta}) and its seed at {@link #seedPath}.
 *
 * @param kind run or solve
 * @param config the experiment config ({@code RUN}) or the solve object ({@code SOLVE})
 * @param seedPath where the seed goes: {@code RUN} a path of the config (a one-element list when
 *     its last segment is {@code seeds}, else a number); {@code SOLVE} always {@code seed} ({@code
 *     --seed})
 */
public record Base(Kind kind, ObjectNode config, String seedPath) implements Serializable {

    /** The two kinds of base, named as the {@code mfgkit} subcommands. */
    public enum Kind {
        /** {@code mfgkit run CONFIG.json --json}. */
        RUN,
        /** {@code mfgkit solve --env ... --json}. */
        SOLVE
    }

    /** The keys of a solve base; {@code set.KEY} sets any {@code --set KEY}. */
    public static final List<String> SOLVE_KEYS = List.of("env", "algorithm", "iterations", "set");

    /** Validates the fields. */
    public Base {
        config = config.deepCopy();
        if (kind == Kind.SOLVE) {
            for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!SOLVE_KEYS.contains(k)) {
                    throw new IllegalArgumentException(
                            "base.solve: unknown field \""
                                    + k
                                    + "\" (known: "
                                    + String.join(", ", SOLVE_KEYS)
                                    + ")");
                }
            }
            for (String required : List.of("env", "algorithm")) {
                if (!config.path(required).isTextual()) {
                    throw new IllegalArgumentException(
                            "base.solve: field \"" + required + "\" must be a string");
                }
            }
            JsonNode set = config.get("set");
            if (set != null && !set.isObject()) {
                throw new IllegalArgumentException("base.solve.set must be an object");
            }
            if (set != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isValueNode() && !e.getValue().isArray()) {
                        throw new IllegalArgumentException(
                                "base.solve.set." + e.getKey() + " must be a number, text or list");
                    }
                }
            }
        }
    }

    /**
     * Checks that {@code path} names a parameter of this base: for {@code RUN} it must exist in the
     * config (the config gives its place and default); for {@code SOLVE} it is {@code set.KEY} or
     * one of {@link #SOLVE_KEYS} (the keys are checked by the solver itself before any point runs).
     *
     * @throws IllegalArgumentException {@code field: unknown parameter PATH (...)}
     */
    public void checkPath(String field, String path) {
        String[] parts = path.split("\\.", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException(field + ": bad parameter path \"" + path + "\"");
            }
        }
        if (kind == Kind.SOLVE) {
            boolean ok =
                    parts.length == 2 && parts[0].equals("set")
                            || parts.length == 1
                                    && SOLVE_KEYS.contains(parts[0])
                                    && !parts[0].equals("set");
            if (!ok) {
                throw new IllegalArgumentException(
                        field
                                + ": unknown parameter \""
                                + path
                                + "\" for a solve base (use set.KEY, env, algorithm or iterations)");
            }
            return;
        }
        JsonNode node = config;
        for (String p : parts) {
            node = child(node, p);
            if (node == null) {
                throw new IllegalArgumentException(
                        field
                                + ": unknown parameter \""
                                + path
                                + "\" (not in the base config; known: "
                                + String.join(", ", leafPaths(config, "", new ArrayList<>()))
                                + ")");
            }
        }
    }

    /** The point's config: the base with {@code values} at their paths and {@code seed}. */
    public ObjectNode pointConfig(Map<String, JsonNode> values, long seed) {
        ObjectNode c = config.deepCopy();
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            set(c, e.getKey(), e.getValue());
        }
        if (kind == Kind.RUN) {
            String last = seedPath.substring(seedPath.lastIndexOf('.') + 1);
            if (last.equals("seeds")) {
                ArrayNode one = JsonNodeFactory.instance.arrayNode();
                one.add(seed);
                set(c, seedPath, one);
            } else {
                set(c, seedPath, JsonNodeFactory.instance.numberNode(seed));
            }
        }
        return c;
    }

    /**
     * The arguments of {@code mfgkit} for a point: {@code run FILE --out DIR --threads 1 --json},
     * or {@code solve --env E --algorithm A [--iterations N] --seed S [--set k=v]... --json}.
     *
     * @param pointConfig from {@link #pointConfig}
     * @param configFile where the {@code RUN} config was written
     * @param outDir the {@code RUN} output directory (a scratch directory)
     */
    public List<String> args(ObjectNode pointConfig, long seed, Path configFile, Path outDir) {
        List<String> a = new ArrayList<>();
        if (kind == Kind.RUN) {
            a.addAll(
                    List.of(
                            "run",
                            configFile.toString(),
                            "--out",
                            outDir.toString(),
                            "--threads",
                            "1",
                            "--json"));
            return a;
        }
        a.addAll(
                List.of(
                        "solve",
                        "--env",
                        pointConfig.get("env").asText(),
                        "--algorithm",
                        pointConfig.get("algorithm").asText()));
        JsonNode it = pointConfig.get("iterations");
        if (it != null && !it.isNull()) {
            a.add("--iterations");
            a.add(text(it));
        }
        a.add("--seed");
        a.add(Long.toString(seed));
        JsonNode set = pointConfig.get("set");
        if (set != null) {
            for (Iterator<Map.Entry<String, JsonNode>> i = set.fields(); i.hasNext(); ) {
                Map.Entry<String, JsonNode> e = i.next();
                a.add("--set");
                a.add(e.getKey() + "=" + text(e.getValue()));
            }
        }
        a.add("--json");
        return a;
    }

    /** The {@code --set} text of a JSON value: numbers and strings as is, lists as JSON. */
    static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Writes {@code value} at the dotted {@code path} of {@code root}, creating objects. */
    static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = child(node, parts[i]);
            if (next == null || !next.isContainerNode()) {
                if (!node.isObject()) {
                    throw new IllegalArgumentException("cannot set " + path + ": not an object");
                }
                next = ((ObjectNode) node).putObject(parts[i]);
            }
            node = next;
        }
        String last = parts[parts.length - 1];
        if (node.isArray()) {
            int i = Integer.parseInt(last);
            ((ArrayNode) node).set(i, value);
        } else {
            ((ObjectNode) node).set(last, value);
        }
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node.isArray()) {
            if (!key.matches("[0-9]+")) {
                return null;
            }
            int i = Integer.parseInt(key);
            return i < node.size() ? node.get(i) : null;
        }
        return node.isObject() ? node.get(key) : null;
    }

    private static List<String> leafPaths(JsonNode node, String prefix, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leafPaths(e.getValue(), prefix + e.getKey() + ".", out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                leafPaths(node.get(i), prefix + i + ".", out);
            }
        } else if (!prefix.isEmpty() && !IGNORED.contains(prefix)) {
            out.add(prefix.substring(0, prefix.length() - 1));
        }
        return out;
    }

    private static final Set<String> IGNORED = Set.of("experiment.");
}
