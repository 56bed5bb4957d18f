package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Reads a sweep file. Format (every field but {@code base} optional):
 *
 * <pre>
 * {"name": "nac-sis",
 *  "base": {"solve": {"env": "sis", "algorithm": "nac", "iterations": 300, "set": {"eta": 0.05}}}
 *       or {"run": "sis-nac.json"} (relative to the sweep file) or {"run": {an inline config}},
 *  "grid": {"set.eta": [0.02, 0.05, 0.1],                                    (a list)
 *           "set.beta": {"min": 0.005, "max": 0.05, "count": 3, "scale": "log"}},  (a range)
 *  "random": {"samples": 8, "seed": 1,
 *             "params": {"set.eta": {"min": 0.01, "max": 0.3, "scale": "log"}, "set.features": ["one-hot", "polynomial:2"]}},
 *  "seeds": 5 (seeds 0..4) or [11, 12, 13],
 *  "seed_path": "seeds",          (run bases: where the seed goes; default "seeds" or "seed", whichever the config has)
 *  "metrics": {"exploitability": "/exploitability"}}   (JSON pointers into the command's --json output)
 * </pre>
 *
 * A solve base's metrics default to {@code {"exploitability": "/exploitability"}}. Points: grid
 * (first axis slowest) x random samples x seeds (fastest). Every problem is one {@code
 * IllegalArgumentException} naming the field.
 */
public final class SweepFile {
    private SweepFile() {}

    static final Param<String> NAME = Param.text("name", "sweep", "name of the sweep");
    static final Param<Integer> SAMPLES =
            Param.integer("samples", 1, "number of random samples")
                    .check(Checks.range(1, SweepSpec.MAX_POINTS));
    static final Param<Long> SEED = Param.longInteger("seed", 0L, "seed of the random samples");
    static final Param<Double> MIN = Param.real("min", 0.0, "lower end of a range");
    static final Param<Double> MAX = Param.real("max", 1.0, "upper end of a range");
    static final Param<Integer> COUNT =
            Param.integer("count", 2, "number of grid values of a range")
                    .check(Checks.range(1, SweepSpec.MAX_POINTS));
    static final Param<String> SCALE =
            Param.choice("scale", "linear", List.of("linear", "log"), "spacing of a range");
    static final Param<Boolean> INTEGER =
            Param.bool("integer", false, "round the values of a range to integers");

    /** The fields of a grid range. */
    static final ParamSchema GRID_RANGE = ParamSchema.of("range", MIN, MAX, COUNT, SCALE, INTEGER);

    /** The fields of a random range (no count: the sample count is {@code random.samples}). */
    static final ParamSchema RANDOM_RANGE = ParamSchema.of("range", MIN, MAX, SCALE, INTEGER);

    /** The fields of {@code random}, besides {@code params}. */
    static final ParamSchema RANDOM = ParamSchema.of("random", SAMPLES, SEED);

    static final List<String> FIELDS =
            List.of("name", "base", "grid", "random", "seeds", "seed_path", "metrics");

    /** Reads and checks {@code file}; messages start with the file name. */
    public static SweepSpec read(Path file) throws IOException {
        JsonNode root = Json.read(file);
        try {
            return parse(root, file.toAbsolutePath().getParent(), baseName(file), FIELDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a sweep object.
     *
     * @param dir where relative {@code base.run} paths are resolved
     * @param defaultName the name when the file gives none
     * @param allowed the allowed top-level fields (the tuner adds its own)
     */
    public static SweepSpec parse(JsonNode root, Path dir, String defaultName, List<String> allowed)
            throws IOException {
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        onlyFields("", root, allowed);
        String name =
                root.has("name")
                        ? NAME.fromJson(scalar(root.get("name")))
                        : NAME.validate(defaultName);
        Base base = base(root, dir);
        List<Axis> grid = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        JsonNode g = root.path("grid");
        if (root.has("grid") && !g.isObject()) {
            throw new IllegalArgumentException("grid must be an object {\"PATH\": values}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "grid." + e.getKey();
            base.checkPath(field, e.getKey());
            unique(paths, field, e.getKey());
            grid.add(axis(field, e.getKey(), e.getValue()));
        }
        List<RandomParam> random = new ArrayList<>();
        int samples = 1;
        long randomSeed = 0;
        if (root.has("random")) {
            JsonNode r = root.get("random");
            if (!r.isObject()) {
                throw new IllegalArgumentException("random must be an object");
            }
            onlyFields("random.", r, List.of("samples", "seed", "params"));
            ParamValues v = values("random", RANDOM, r, Set.of("params"));
            samples = v.get(SAMPLES);
            randomSeed = v.get(SEED);
            JsonNode ps = r.path("params");
            if (!ps.isObject() || ps.isEmpty()) {
                throw new IllegalArgumentException(
                        "random.params must be a non-empty object {\"PATH\": range or [choices]}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = "random.params." + e.getKey();
                base.checkPath(field, e.getKey());
                unique(paths, field, e.getKey());
                random.add(randomParam(field, e.getKey(), e.getValue()));
            }
        }
        long[] seeds = seeds(root.get("seeds"));
        Map<String, String> metrics = metrics(root.get("metrics"), base);
        return new SweepSpec(name, base, grid, random, samples, randomSeed, seeds, metrics);
    }

    private static Base base(JsonNode root, Path dir) throws IOException {
        JsonNode b = root.get("base");
        if (b == null || !b.isObject() || b.size() != 1 || !(b.has("run") || b.has("solve"))) {
            throw new IllegalArgumentException(
                    "base must be {\"run\": CONFIG.json or {config}} or {\"solve\": {\"env\", \"algorithm\", ...}}");
        }
        if (b.has("solve")) {
            if (root.has("seed_path")) {
                throw new IllegalArgumentException(
                        "seed_path: a solve base takes its seed as --seed; remove seed_path");
            }
            JsonNode s = b.get("solve");
            if (!s.isObject()) {
                throw new IllegalArgumentException("base.solve must be an object");
            }
            return new Base(Base.Kind.SOLVE, (ObjectNode) s, "seed");
        }
        JsonNode r = b.get("run");
        JsonNode config;
        if (r.isTextual()) {
            Path p = dir == null ? Path.of(r.asText()) : dir.resolve(r.asText());
            config = Json.read(p);
        } else {
            config = r;
        }
        if (!config.isObject() || !config.path("experiment").isTextual()) {
            throw new IllegalArgumentException(
                    "base.run: expected an experiment config (an object with an \"experiment\" field)");
        }
        String seedPath;
        if (root.has("seed_path")) {
            if (!root.get("seed_path").isTextual()) {
                throw new IllegalArgumentException("seed_path must be a string");
            }
            seedPath = root.get("seed_path").asText();
        } else if (config.has("seeds")) {
            seedPath = "seeds";
        } else if (config.has("seed")) {
            seedPath = "seed";
        } else {
            throw new IllegalArgumentException(
                    "seed_path: the base config has neither \"seeds\" nor \"seed\"; say where the seed goes");
        }
        Base base = new Base(Base.Kind.RUN, (ObjectNode) config, seedPath);
        base.checkPath("seed_path", seedPath);
        return base;
    }

    private static Axis axis(String field, String path, JsonNode v) {
        if (v.isArray()) {
            if (v.isEmpty()) {
                throw new IllegalArgumentException(
                        field + ": empty grid (give at least one value)");
            }
            List<com.fasterxml.jackson.databind.JsonNode> values = new ArrayList<>();
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode x : v) {
                if (!x.isValueNode() && !x.isArray() || x.isNull()) {
                    throw new IllegalArgumentException(
                            field + ": grid values must be numbers, strings or booleans, got " + x);
                }
                if (!seen.add(x)) {
                    throw new IllegalArgumentException(field + ": value " + x + " listed twice");
                }
                values.add(x);
            }
            return new Axis(path, values, false);
        }
        if (v.isObject()) {
            ParamValues p = values(field, GRID_RANGE, v, Set.of());
            requireEnds(field, v);
            Range range =
                    Range.of(
                            field,
                            p.get(MIN),
                            p.get(MAX),
                            p.get(SCALE).equals("log"),
                            p.get(INTEGER));
            return new Axis(path, range.grid(field, p.get(COUNT)), range.log());
        }
        throw new IllegalArgumentException(
                field
                        + ": expected a list of values or a range {\"min\", \"max\", \"count\", \"scale\"}");
    }

    private static RandomParam randomParam(String field, String path, JsonNode v) {
        if (v.isArray()) {
            return new RandomParam(path, null, axis(field, path, v).values());
        }
        if (v.isObject()) {
            ParamValues p = values(field, RANDOM_RANGE, v, Set.of());
            requireEnds(field, v);
            return new RandomParam(
                    path,
                    Range.of(
                            field,
                            p.get(MIN),
                            p.get(MAX),
                            p.get(SCALE).equals("log"),
                            p.get(INTEGER)),
                    List.of());
        }
        throw new IllegalArgumentException(
                field + ": expected a list of choices or a range {\"min\", \"max\", \"scale\"}");
    }

    private static void requireEnds(String field, JsonNode v) {
        for (String k : List.of("min", "max")) {
            if (!v.has(k)) {
                throw new IllegalArgumentException(field + ": a range needs \"" + k + "\"");
            }
        }
    }

    /** Seeds: a count {@code n} (0..n-1) or a list of distinct integers; absent: {@code [0]}. */
    static long[] seeds(JsonNode v) {
        if (v == null) {
            return new long[] {0};
        }
        if (v.isIntegralNumber() || v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
            long n = v.asLong();
            if (n < 1 || n > SweepSpec.MAX_POINTS) {
                throw new IllegalArgumentException(
                        "seeds: a count must be in 1.." + SweepSpec.MAX_POINTS + ", got " + v);
            }
            long[] s = new long[(int) n];
            for (int i = 0; i < s.length; i++) {
                s[i] = i;
            }
            return s;
        }
        if (v.isArray()) {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("seeds: empty list");
            }
            long[] s = new long[v.size()];
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < s.length; i++) {
                JsonNode e = v.get(i);
                if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                    throw new IllegalArgumentException(
                            "seeds[" + i + "]: expected an integer, got " + e);
                }
                s[i] = e.asLong();
                if (!seen.add(s[i])) {
                    throw new IllegalArgumentException("seeds: " + s[i] + " listed twice");
                }
            }
            return s;
        }
        throw new IllegalArgumentException(
                "seeds: expected a count or a list of integers, got " + v);
    }

    private static Map<String, String> metrics(JsonNode v, Base base) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v == null) {
            if (base.kind() == Base.Kind.SOLVE) {
                m.put("exploitability", "/exploitability");
                return m;
            }
            throw new IllegalArgumentException(
                    "metrics: a run base needs {\"NAME\": \"/json/pointer\"} into the run's --json output");
        }
        if (!v.isObject() || v.isEmpty()) {
            throw new IllegalArgumentException(
                    "metrics must be a non-empty object {\"NAME\": \"/pointer\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(
                        "metrics: name \"" + e.getKey() + "\" must be an identifier");
            }
            if (!e.getValue().isTextual() || !e.getValue().asText().startsWith("/")) {
                throw new IllegalArgumentException(
                        "metrics."
                                + e.getKey()
                                + ": expected a JSON pointer such as \"/exploitability\"");
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    /** The declared fields of {@code schema} read from {@code obj} (skipping {@code skip}). */
    static ParamValues values(String field, ParamSchema schema, JsonNode obj, Set<String> skip) {
        ParamValues p = schema.defaults();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skip.contains(e.getKey())) {
                continue;
            }
            if (!schema.has(e.getKey())) {
                throw new IllegalArgumentException(
                        field
                                + ": unknown field \""
                                + e.getKey()
                                + "\" (known: "
                                + String.join(", ", schema.names())
                                + ")");
            }
            try {
                p = p.withJson(e.getKey(), scalar(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(field + ": " + ex.getMessage(), ex);
            }
        }
        return p;
    }

    /** A JSON value node as the Java object {@code Param.fromJson} takes. */
    static Object scalar(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.asLong() : v.decimalValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNull()) {
            return null;
        }
        return Json.mapper().convertValue(v, Object.class);
    }

    static void onlyFields(String prefix, JsonNode obj, List<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(
                        prefix + k + ": unknown field (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static void unique(Set<String> paths, String field, String path) {
        if (!paths.add(path)) {
            throw new IllegalArgumentException(field + ": " + path + " is varied twice");
        }
    }

    /** The file name without its extension. */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
