package org.mfgkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.mfgkit.cli.bench.ScalingBench;
import org.mfgkit.cli.bench.ScalingFiles;
import org.mfgkit.cli.bench.ScalingSeries;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.output.StagedOutput;
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
 *
 * <p>{@code mfgkit bench --scaling SERIES [--sizes N,...] [--out DIR]} instead measures how the
 * uniform policy's exploitability grows with the number of states along a {@link ScalingSeries}
 * ({@link ScalingBench}): median time and allocated bytes per evaluation, power-law exponents; with
 * {@code --out}: {@code result.json}, {@code scaling.csv}, {@code scaling-time.png}, {@code
 * scaling-memory.png} ({@link ScalingFiles}).
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
            description =
                    "Warm-up time per task in milliseconds (default: ${DEFAULT-VALUE}; 3000 per"
                            + " instance with --scaling).")
    long warmupMs;

    @Option(
            names = "--measure-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description =
                    "Measuring time per task in milliseconds (default: ${DEFAULT-VALUE}; 3000 per"
                            + " instance with --scaling).")
    long measureMs;

    @Option(
            names = "--scaling",
            paramLabel = "SERIES",
            description =
                    "Instead of the tasks: time and memory of the uniform policy's exploitability"
                            + " along a series of growing instances, with power-law fits in S:"
                            + " crowd-motion (100^2, 300^2, 1000^2 states, T = 10) or beach-bar"
                            + " (n = 1e4, 1e5, 1e6).")
    String scaling;

    @Option(
            names = "--sizes",
            paramLabel = "N,N,...",
            split = ",",
            description =
                    "With --scaling: other sizes (grid side for crowd-motion, n for beach-bar).")
    List<Integer> sizes;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "With --scaling: write result.json, scaling.csv, scaling-time.png and"
                            + " scaling-memory.png here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (warmupMs < 0 || measureMs < 1) {
            throw new IllegalArgumentException(
                    "--warmup-ms must be >= 0 and --measure-ms >= 1, got "
                            + warmupMs
                            + " and "
                            + measureMs);
        }
        if (scaling != null) {
            return scaling();
        }
        if (sizes != null || out != null) {
            throw new IllegalArgumentException("--sizes and --out go with --scaling SERIES");
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

    /** Default warm-up per instance with {@code --scaling}. */
    static final long SCALING_WARMUP_MS = 3000;

    /** Default measuring time per instance with {@code --scaling}. */
    static final long SCALING_MEASURE_MS = 3000;

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** {@code --scaling SERIES}: measures the series, prints the points and fits, writes files. */
    private int scaling() throws IOException {
        ScalingSeries series = ScalingSeries.get(scaling);
        if (sizes != null) {
            series = series.withSizes(sizes);
        }
        if (filter != null) {
            throw new IllegalArgumentException("--filter does not go with --scaling");
        }
        StagedOutput staged = out == null ? null : StagedOutput.create(out);
        try {
            // the series starts on a cold JIT with its smallest instance: a longer default budget
            long warm = given("--warmup-ms") ? warmupMs : SCALING_WARMUP_MS;
            long measure = given("--measure-ms") ? measureMs : SCALING_MEASURE_MS;
            BenchRunner runner =
                    new BenchRunner(Duration.ofMillis(warm), Duration.ofMillis(measure));
            ScalingBench.ScalingReport report;
            try (Progress progress =
                    main.progress()
                            .start("scaling " + series.name(), series.sizes().size(), "sizes")) {
                report = new ScalingBench(runner).run(series, progress::step);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scaling", report);
            doc.put("fixed", series.fixed());
            doc.put("size_params", series.sizeParams());
            doc.put("warmup_ms", warm);
            doc.put("measure_ms", measure);
            doc.put("java", System.getProperty("java.version"));
            doc.put("processors", Runtime.getRuntime().availableProcessors());
            doc.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
            doc.put(
                    "load_average",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            if (staged != null) {
                ResultWriter writer = new ResultWriter(staged.path());
                writer.json(StagedOutput.MARKER, doc);
                ScalingFiles.write(writer, report);
                staged.commit();
            }
            json.print(spec.commandLine().getOut(), doc, w -> scalingTable(w, report));
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
        return ExitCode.OK;
    }

    private void scalingTable(PrintWriter w, ScalingBench.ScalingReport report) {
        String format = "%10s  %10s  %12s  %14s  %14s%n";
        w.printf(
                Locale.ROOT,
                "exploitability of the uniform policy along %s (game %s)%n",
                report.series(),
                report.game());
        w.printf(Locale.ROOT, format, "size", "states S", "median/op", "allocated/op", "retained");
        for (ScalingBench.ScalingPoint p : report.points()) {
            w.printf(
                    Locale.ROOT,
                    format,
                    p.size(),
                    p.states(),
                    duration(p.medianSeconds() * 1e9),
                    bytes(p.allocatedBytes()),
                    bytes(p.retainedBytes()));
        }
        if (report.time() != null) {
            w.printf(
                    Locale.ROOT,
                    "fit: time ~ S^%.3f, allocated bytes ~ S^%.3f (log-log least squares, %d"
                            + " points)%n",
                    report.time().exponent(),
                    report.memory().exponent(),
                    report.time().points());
        }
        if (out != null) {
            w.println(
                    "  wrote "
                            + out
                            + "/: result.json, scaling.csv, scaling-time.png, scaling-memory.png");
        }
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

    /** {@code 512 B}, {@code 14.1 kB}, {@code 2.26 MB}, {@code 1.79 GB} (powers of 1000). */
    static String bytes(double b) {
        if (b < 1e3) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (b < 1e6) {
            return String.format(Locale.ROOT, "%.3g kB", b / 1e3);
        }
        if (b < 1e9) {
            return String.format(Locale.ROOT, "%.3g MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g GB", b / 1e9);
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
