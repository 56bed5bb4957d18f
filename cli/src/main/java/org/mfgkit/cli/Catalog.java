package org.mfgkit.cli;

import java.util.List;
import java.util.function.Function;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.solve.Solver;
import org.mfgkit.cli.solve.Solvers;
import org.mfgkit.envs.Environments;

/**
 * What {@code mfgkit list} shows, one {@link ListSection} per kind of thing. When a module adds a
 * registry (environments in mfg-envs, algorithms, presets), replace the empty entry list of its
 * section here with the registry's contents, e.g. {@code section("environments", "Environments
 * (--env)", Envs.all(), Env::name, Env::description)}.
 */
public final class Catalog {

    private Catalog() {}

    /** The sections, in display order. */
    public static List<ListSection> sections(Experiments experiments, BenchTasks benchTasks) {
        return List.of(
                section(
                        "environments",
                        "Environments (--env; parameters by --set KEY=VALUE)",
                        List.copyOf(Environments.types()),
                        t -> t.name(),
                        t -> t.summary() + "; keys " + String.join(", ", t.keys())),
                section(
                        "algorithms",
                        "Algorithms (mfgkit solve --algorithm)",
                        Solvers.builtIn().all(),
                        Solver::name,
                        Solver::description),
                section(
                        "presets",
                        "Presets (environments identical to another library's defaults)",
                        Environments.presets(),
                        t -> t.name(),
                        t -> t.reference()),
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
