package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * A parsed tune file. Format:
 *
 * <pre>
 * {"name": "tune-omd",
 *  "base": {"solve": {"env": "lq-fh", "algorithm": "omd", "iterations": 270}},   (as in a sweep)
 *  "space": {"set.alpha": {"min": 0.01, "max": 100, "scale": "log"}},         (as random.params)
 *  "trials": 27, "seed": 1,          (random configurations, drawn as a sweep's random samples)
 *  "seeds": 1,                       (each trial's score is the mean over these seeds)
 *  "metrics": {...}, "metric": "exploitability", "goal": "min",
 *  "halving": {"eta": 3, "min_budget": 10, "budget_path": "iterations"}}   (optional)
 * </pre>
 *
 * Without {@code halving} every trial runs at the base's budget (random search).
 *
 * @param sweep the trials as a sweep: {@code trials} random samples of {@code space} x seeds
 * @param metric the index of the metric to optimise in {@code sweep.metrics()}
 * @param minimise whether lower is better
 * @param eta the halving rate (keep the best {@code 1/eta} at each rung; 0 without halving)
 * @param minBudget the budget of the first rung
 * @param maxBudget the budget of the last rung (the base's value at the budget path)
 * @param budgetPath where the budget goes in a point's config
 */
public record TuneSpec(
        SweepSpec sweep,
        int metric,
        boolean minimise,
        int eta,
        long minBudget,
        long maxBudget,
        String budgetPath) {

    static final Param<Integer> TRIALS =
            Param.integer("trials", 16, "number of random configurations")
                    .check(Checks.range(1, 100_000));
    static final Param<Long> SEED = Param.longInteger("seed", 0L, "seed of the configurations");
    static final Param<String> METRIC =
            Param.text("metric", "exploitability", "metric to optimise");
    static final Param<String> GOAL =
            Param.choice("goal", "min", List.of("min", "max"), "minimise or maximise the metric");
    static final ParamSchema TUNE = ParamSchema.of("tune", TRIALS, SEED, METRIC, GOAL);

    static final Param<Integer> ETA =
            Param.integer("eta", 3, "halving rate: keep the best 1/eta of each rung")
                    .check(Checks.range(2, 100));
    static final Param<Long> MIN_BUDGET =
            Param.longInteger("min_budget", 1L, "budget of the first rung")
                    .check(Checks.range(1, Long.MAX_VALUE));
    static final Param<String> BUDGET_PATH =
            Param.text("budget_path", "iterations", "where the budget goes in the base");
    static final ParamSchema HALVING = ParamSchema.of("halving", ETA, MIN_BUDGET, BUDGET_PATH);

    static final List<String> FIELDS =
            List.of(
                    "name",
                    "base",
                    "space",
                    "trials",
                    "seed",
                    "seeds",
                    "seed_path",
                    "metrics",
                    "metric",
                    "goal",
                    "halving");

    /** Reads and checks a tune file; messages start with the file name. */
    public static TuneSpec read(Path file) throws IOException {
        JsonNode root = Json.read(file);
        try {
            return parse(root, file.toAbsolutePath().getParent(), SweepFile.baseName(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a tune object. */
    public static TuneSpec parse(JsonNode root, Path dir, String defaultName) throws IOException {
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        SweepFile.onlyFields("", root, FIELDS);
        ParamValues t =
                SweepFile.values(
                        "tune",
                        TUNE,
                        root,
                        Set.of(
                                "name",
                                "base",
                                "space",
                                "seeds",
                                "seed_path",
                                "metrics",
                                "halving"));
        if (!root.path("space").isObject() || root.path("space").isEmpty()) {
            throw new IllegalArgumentException(
                    "space must be a non-empty object {\"PATH\": range or [choices]}");
        }
        ObjectNode s = Json.object();
        for (String k : List.of("name", "base", "seeds", "seed_path", "metrics")) {
            if (root.has(k)) {
                s.set(k, root.get(k));
            }
        }
        ObjectNode random = s.putObject("random");
        random.put("samples", t.get(TRIALS));
        random.put("seed", t.get(SEED));
        random.set("params", root.get("space"));
        SweepSpec sweep;
        try {
            sweep = SweepFile.parse(s, dir, defaultName, SweepFile.FIELDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().replace("random.params.", "space."), e);
        }
        List<String> names = new ArrayList<>(sweep.metrics().keySet());
        int metric = names.indexOf(t.get(METRIC));
        if (metric < 0) {
            throw new IllegalArgumentException(
                    "metric: \""
                            + t.get(METRIC)
                            + "\" is not one of the metrics ("
                            + String.join(", ", names)
                            + ")");
        }
        boolean min = t.get(GOAL).equals("min");
        if (!root.has("halving")) {
            return new TuneSpec(sweep, metric, min, 0, 0, 0, "");
        }
        JsonNode h = root.get("halving");
        if (!h.isObject()) {
            throw new IllegalArgumentException("halving must be an object");
        }
        ParamValues hv = SweepFile.values("halving", HALVING, h, Set.of());
        String path = hv.get(BUDGET_PATH);
        sweep.base().checkPath("halving.budget_path", path);
        JsonNode max = at(sweep.base().config(), path);
        if (max == null || !max.canConvertToLong() || !max.isIntegralNumber()) {
            throw new IllegalArgumentException(
                    "halving.budget_path: the base needs an integer at "
                            + path
                            + " (the budget of the last rung)");
        }
        long minBudget = hv.get(MIN_BUDGET);
        if (minBudget > max.asLong()) {
            throw new IllegalArgumentException(
                    "halving: min_budget "
                            + minBudget
                            + " > max budget "
                            + max.asLong()
                            + " (base "
                            + path
                            + ")");
        }
        if (sweep.parameterNames().contains(path)) {
            throw new IllegalArgumentException("space." + path + ": the budget cannot be tuned");
        }
        return new TuneSpec(sweep, metric, min, hv.get(ETA), minBudget, max.asLong(), path);
    }

    /** The budgets of the rungs: {@code min_budget * eta^k} below the max, then the max. */
    public List<Long> budgets() {
        List<Long> b = new ArrayList<>();
        if (eta == 0) {
            b.add(0L);
            return b;
        }
        for (long x = minBudget; x < maxBudget; x *= eta) {
            b.add(x);
        }
        b.add(maxBudget);
        return b;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String p : path.split("\\.")) {
            n = n.isArray() && p.matches("[0-9]+") ? n.get(Integer.parseInt(p)) : n.get(p);
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}
