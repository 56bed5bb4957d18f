package org.mfgkit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mfgkit.cli.bench.BenchResult;
import org.mfgkit.cli.bench.BenchRunner;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.cli.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit bench}: times the registered {@link BenchTask}s (see {@link BenchRunner}) and
 * prints the median time per operation. JSON: {@code {"tasks": [{"name", "median_ns", "ops_per_s",
 * "samples", "batch_size", "min_ns", "max_ns"}], "warmup_ms", "measure_ms", "java", "processors"}}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Time the standard operations and print the median time per operation.")
public final class BenchCommand implements Callable<Integer> {

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(
            names = "--filter",
            paramLabel = "REGEX",
            description = "Only tasks whose name contains a match of REGEX.")
    String filter;

    @Option(
            names = "--warmup-ms",
            paramLabel = "MS",
            defaultValue = "500",
            description = "Warm-up time per task in milliseconds (default: ${DEFAULT-VALUE}).")
    long warmupMs;

    @Option(
            names = "--measure-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description = "Measuring time per task in milliseconds (default: ${DEFAULT-VALUE}).")
    long measureMs;

    @Override
    public Integer call() {
        if (warmupMs < 0 || measureMs < 1) {
            throw new IllegalArgumentException(
                    "--warmup-ms must be >= 0 and --measure-ms >= 1, got "
                            + warmupMs
                            + " and "
                            + measureMs);
        }
        List<BenchTask<?>> tasks =
                filter == null ? main.benchTasks().all() : main.benchTasks().matching(filter);
        BenchRunner runner =
                new BenchRunner(Duration.ofMillis(warmupMs), Duration.ofMillis(measureMs));
        List<BenchResult> results = new ArrayList<>();
        try (Progress progress = main.progress().start("bench", tasks.size(), "tasks")) {
            for (BenchTask<?> task : tasks) {
                results.add(time(runner, task));
                progress.step();
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("tasks", results);
        report.put("warmup_ms", warmupMs);
        report.put("measure_ms", measureMs);
        report.put("java", System.getProperty("java.version"));
        report.put("processors", Runtime.getRuntime().availableProcessors());
        json.print(spec.commandLine().getOut(), report, out -> table(out, results));
        return ExitCode.OK;
    }

    private static BenchResult time(BenchRunner runner, BenchTask<?> task) {
        try {
            return runner.run(task);
        } catch (RuntimeException e) {
            throw new IllegalStateException("bench task " + task.name() + " failed: " + e, e);
        }
    }

    private static void table(PrintWriter out, List<BenchResult> results) {
        int width = Math.max(4, results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = "%-" + width + "s  %12s  %12s  %7s%n";
        out.printf(Locale.ROOT, format, "task", "median/op", "ops/s", "samples");
        for (BenchResult r : results) {
            out.printf(
                    Locale.ROOT,
                    format,
                    r.name(),
                    duration(r.medianNs()),
                    rate(r.opsPerS()),
                    r.samples());
        }
    }

    /** {@code 812 ns}, {@code 12.3 us}, {@code 4.56 ms}, {@code 1.20 s}. */
    static String duration(double ns) {
        if (ns < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (ns < 1e6) {
            return String.format(Locale.ROOT, "%.3g us", ns / 1e3);
        }
        if (ns < 1e9) {
            return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
    }

    /** {@code 81.2 k}, {@code 1.23 M}. */
    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.3g k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", perSecond);
    }
}
