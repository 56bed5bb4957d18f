package org.mfgkit.cli;

import java.util.List;
import java.util.function.Function;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.Experiments;

/**
 * What {@code mfgkit list} shows, one {@link ListSection} per kind of thing. When a module adds a
 * registry (environments in mfg-envs, algorithms, presets), replace the empty entry list of its
 * section here with the registry's contents, e.g.
 * {@code section("environments", "Environments (--env)", Envs.all(), Env::name, Env::description)}.
 */
public final class Catalog {

  private Catalog() {}

  /** The sections, in display order. */
  public static List<ListSection> sections(Experiments experiments, BenchTasks benchTasks) {
    return List.of(
        new ListSection("environments", "Environments (--env)", List.of()),
        new ListSection("algorithms", "Algorithms (--algorithm)", List.of()),
        new ListSection("presets", "Presets", List.of()),
        section("experiments", "Experiment types (mfgkit run FILE.json, field \"experiment\")",
            experiments.all(), Experiment::name, Experiment::description),
        section("bench_tasks", "Bench tasks (mfgkit bench)",
            benchTasks.all(), BenchTask::name, BenchTask::description));
  }

  /** A section from any registry: a name and a description per item. */
  public static <T> ListSection section(String key, String title, List<T> items,
      Function<T, String> name, Function<T, String> description) {
    return new ListSection(key, title,
        items.stream().map(i -> new ListSection.Entry(name.apply(i), description.apply(i))).toList());
  }
}
