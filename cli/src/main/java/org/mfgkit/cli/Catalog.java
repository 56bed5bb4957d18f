package org.mfgkit.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.solve.Solver;
import org.mfgkit.cli.solve.Solvers;
import org.mfgkit.envs.GamePreset;
import org.mfgkit.envs.Games;
import org.mfgkit.nac.NacPresets;
import org.mfgkit.nac.NacSettings;

/**
 * What {@code mfgkit list} shows, one {@link ListSection} per kind of thing, each derived from its
 * registry: environments and presets from {@link Games}, algorithms from {@link Solvers},
 * experiments and bench tasks from theirs.
 */
public final class Catalog {

    private Catalog() {}

    /** The sections, in display order. */
    public static List<ListSection> sections(Experiments experiments, BenchTasks benchTasks) {
        return List.of(
                section(
                        "environments",
                        "Environments (--env; parameters by --set KEY=VALUE)",
                        Games.builtIn().all(),
                        GamePreset::name,
                        Catalog::environmentLine),
                section(
                        "algorithms",
                        "Algorithms (mfgkit solve --algorithm)",
                        Solvers.builtIn().all(),
                        Solver::name,
                        Solver::description),
                section(
                        "presets",
                        "Presets (parameter sets of a game class)",
                        Games.builtIn().all(),
                        GamePreset::name,
                        Catalog::presetLine),
                section(
                        "nac_presets",
                        "NAC presets (004 App. D hyper-parameters; \"preset\" of a nac experiment,"
                                + " default: the env's name)",
                        NacPresets.names(),
                        name -> name,
                        Catalog::nacPresetLine),
                section(
                        "experiments",
                        "Experiment types (mfgkit run FILE.json, field \"experiment\")",
                        experiments.all(),
                        Experiment::name,
                        Experiment::description),
                section(
                        "bench_tasks",
                        "Bench tasks (mfgkit bench)",
                        benchTasks.all(),
                        BenchTask::name,
                        BenchTask::description));
    }

    /** The summary and every declared parameter with its default ({@code name=text}). */
    private static String environmentLine(GamePreset p) {
        return p.summary()
                + "; "
                + String.join(
                        ", ",
                        p.params().defaults().texts().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }

    /** The preset's settings that differ from the declared defaults ({@code name=text}). */
    private static String nacPresetLine(String name) {
        Map<String, String> defaults = NacSettings.defaults().values().texts();
        List<String> changed =
                NacPresets.get(name).values().texts().entrySet().stream()
                        .filter(e -> !e.getValue().equals(defaults.get(e.getKey())))
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList();
        return changed.isEmpty()
                ? "the declared NAC defaults (" + String.join(", ", defaultsOf(defaults)) + ")"
                : String.join(", ", changed);
    }

    private static List<String> defaultsOf(Map<String, String> texts) {
        return texts.entrySet().stream()
                .filter(e -> List.of("iterations", "eta", "beta").contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    /** {@code Class}, its parameter changes (if any) and the reference. */
    private static String presetLine(GamePreset p) {
        StringBuilder b = new StringBuilder(p.gameClass());
        if (!p.overrides().isEmpty()) {
            b.append(" with ");
            b.append(
                    String.join(
                            ", ",
                            p.overrides().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        return b.append(" (").append(p.reference()).append(")").toString();
    }

    /** A section from any registry: a name and a description per item. */
    public static <T> ListSection section(
            String key,
            String title,
            List<T> items,
            Function<T, String> name,
            Function<T, String> description) {
        return new ListSection(
                key,
                title,
                items.stream()
                        .map(i -> new ListSection.Entry(name.apply(i), description.apply(i)))
                        .toList());
    }
}
