package org.mfgkit.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mfgkit.cli.faas.FaasBench;
import org.mfgkit.cli.nac.NacBench;
import org.mfgkit.envs.Games;

/**
 * The registry of {@link BenchTask}s that {@code mfgkit bench} runs: a map filled by one {@code
 * register(...)} line per built-in task. An instance is immutable; tests build their own with
 * {@link #of} and {@link #with}.
 */
public final class BenchTasks {

    private final Map<String, BenchTask<?>> byName;

    private BenchTasks(List<BenchTask<?>> tasks) {
        Map<String, BenchTask<?>> map = new LinkedHashMap<>();
        for (BenchTask<?> t : tasks) {
            if (map.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException(
                        "two bench tasks are named \"" + t.name() + "\"");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The tasks shipped with mfgkit, by name, in registration order. */
    private static final Map<String, BenchTask<?>> BUILT_IN = new LinkedHashMap<>();

    static {
        register(JsonRoundTrip.task());
        // every registered game at its defaults (MFGLib's for MFGLib's games), in registry order
        for (String game : Games.builtIn().names()) {
            register(ExploitabilityBench.of(game));
        }
        register(NacBench.of("sis"));
        register(NacBench.of("lq"));
        register(MeanFieldFlowBench.task());
        register(FaasBench.task());
        register(NPlayerBench.exact("sis-fh", 1000));
        register(NPlayerBench.monteCarlo("sis-fh", 10_000));
    }

    /** Adds a built-in task (one line each in the block above). */
    private static void register(BenchTask<?> t) {
        if (BUILT_IN.putIfAbsent(t.name(), t) != null) {
            throw new IllegalArgumentException("two bench tasks are named \"" + t.name() + "\"");
        }
    }

    /** The tasks shipped with mfgkit. */
    public static BenchTasks builtIn() {
        return new BenchTasks(List.copyOf(BUILT_IN.values()));
    }

    /** A registry of exactly these tasks. */
    public static BenchTasks of(BenchTask<?>... tasks) {
        return new BenchTasks(List.of(tasks));
    }

    /** This registry plus {@code extra}. */
    public BenchTasks with(BenchTask<?> extra) {
        List<BenchTask<?>> all = new ArrayList<>(byName.values());
        all.add(extra);
        return new BenchTasks(all);
    }

    /** All tasks, in registration order. */
    public List<BenchTask<?>> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The tasks whose name contains a match of {@code regex} ({@link
     * java.util.regex.Matcher#find}).
     *
     * @throws IllegalArgumentException when the regex is invalid or matches no task
     */
    public List<BenchTask<?>> matching(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid --filter regex \"" + regex + "\": " + e.getDescription());
        }
        List<BenchTask<?>> out =
                byName.values().stream().filter(t -> p.matcher(t.name()).find()).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "no bench task matches --filter \""
                            + regex
                            + "\" (tasks: "
                            + String.join(", ", byName.keySet())
                            + ")");
        }
        return out;
    }
}
