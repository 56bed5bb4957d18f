package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mfgkit.cli.JsonOption;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.ProgressFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit spark-bench}: the speed figures of the sweeps module, measured like {@code mfgkit
 * bench} (a terminal estimate, medians over repeats), not in a unit test.
 *
 * <ul>
 *   <li>Spark's cost per task: jobs of {@code --tasks} empty tasks (one per point, the same
 *       parallelize / runJob / result-handler path as a sweep) on {@code --master}; the median wall
 *       time per task over {@code --repeats} jobs, after one warm-up job.
 *   <li>{@code --speedup FILE}: one untimed warm-up run, then {@code --speedup-repeats} pairs of
 *       runs with {@code local[1]} and {@code local[2]} (scratch output); median wall times
 *       (Spark's start included) and their ratio.
 *   <li>{@code --memory FILE}: the sweep run with {@code local[1]} (one task at a time in this JVM,
 *       so the JVM is one executor with one task slot) and the peak heap in use over the run (the
 *       JVM's heap pools' peak usage, reset after a GC before the run).
 * </ul>
 */
@Command(
        name = "spark-bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure Spark's cost per task, the local[2]/local[1] speed-up of a sweep and the heap of an executor.")
public final class SparkBenchCommand implements Callable<Integer> {

    @ParentCommand SweepMain main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(
            names = "--master",
            defaultValue = "local[2]",
            description = "Master of the per-task measurement (default local[2]).")
    String master;

    @Option(
            names = "--tasks",
            defaultValue = "200",
            description = "Empty tasks per job (default 200).")
    int tasks;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed jobs (default 5).")
    int repeats;

    @Option(
            names = "--speedup",
            paramLabel = "FILE",
            description = "Sweep to time with local[1] and local[2].")
    Path speedup;

    @Option(
            names = "--memory",
            paramLabel = "FILE",
            description = "Sweep whose peak executor heap to measure (local[1]).")
    Path memory;

    @Option(
            names = "--speedup-repeats",
            defaultValue = "1",
            description =
                    "Timed local[1] / local[2] pairs, after one untimed warm-up run (default 1).")
    int speedupRepeats;

    @Override
    public Integer call() throws Exception {
        if (tasks < 1 || repeats < 1 || speedupRepeats < 1) {
            throw new IllegalArgumentException(
                    "--tasks, --repeats and --speedup-repeats must be >= 1");
        }
        ProgressFactory progress = main.progress();
        ObjectNode doc = Json.object();
        doc.put("master", master);
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        ObjectNode perTask = doc.putObject("per_task");
        perTask.put("tasks", tasks);
        double[] ms = new double[repeats];
        double emptyCallNs;
        try (SparkSweep spark = SparkSweep.start(master, "spark-bench", 30)) {
            List<SweepPoint> points = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                points.add(new SweepPoint(i, java.util.Map.of(), i));
            }
            PointTask empty = p -> new PointResult(p.index(), true, "", new double[0], 0.0);
            spark.run(points, empty, r -> {});
            for (int k = 0; k < repeats; k++) {
                long t0 = System.nanoTime();
                spark.run(points, empty, r -> {});
                ms[k] = (System.nanoTime() - t0) / 1e6 / tasks;
            }
            long t0 = System.nanoTime();
            long sink = 0;
            for (SweepPoint p : points) {
                sink += empty.run(p).index();
            }
            emptyCallNs = (System.nanoTime() - t0) / (double) tasks + (sink == -1 ? 1 : 0);
        }
        perTask.put("median_ms_per_task", median(ms));
        perTask.put("min_ms_per_task", Arrays.stream(ms).min().orElse(Double.NaN));
        perTask.put("max_ms_per_task", Arrays.stream(ms).max().orElse(Double.NaN));
        perTask.put("empty_call_ns_in_process", emptyCallNs);
        if (speedup != null) {
            SweepSpec s = SweepFile.read(speedup);
            // One untimed run warms the JIT, then the pairs alternate so neither master runs
            // warmer.
            timeSweep(s, speedup, "local[2]", progress);
            double[] ones = new double[speedupRepeats];
            double[] twos = new double[speedupRepeats];
            for (int k = 0; k < speedupRepeats; k++) {
                ones[k] = timeSweep(s, speedup, "local[1]", progress);
                twos[k] = timeSweep(s, speedup, "local[2]", progress);
            }
            double one = median(ones);
            double two = median(twos);
            ObjectNode sp = doc.putObject("speedup");
            sp.put("sweep", speedup.toString());
            sp.put("points", s.pointCount());
            sp.put("repeats", speedupRepeats);
            sp.put("local1_seconds", one);
            sp.put("local2_seconds", two);
            sp.put("speedup", one / two);
        }
        if (memory != null) {
            SweepSpec s = SweepFile.read(memory);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            System.gc();
            long before = heapPeak(true);
            double seconds = timeSweep(s, memory, "local[1]", progress);
            ObjectNode mem = doc.putObject("memory");
            mem.put("sweep", memory.toString());
            mem.put("points", s.pointCount());
            mem.put("seconds", seconds);
            mem.put("heap_after_gc_before_mb", before / 1048576.0);
            mem.put("peak_heap_mb", heapPeak(false) / 1048576.0);
            mem.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        json.print(spec.commandLine().getOut(), doc, w -> human(w, doc));
        return 0;
    }

    private static double timeSweep(SweepSpec s, Path file, String master, ProgressFactory progress)
            throws Exception {
        Path dir = Files.createTempDirectory("mfgkit-spark-bench-");
        Path out = dir.resolve("out");
        try {
            long t0 = System.nanoTime();
            SweepRunner.SweepReport r =
                    SweepRunner.run(
                            s, file, new SweepRunner.Options(master, out, false, 30), progress);
            double sec = (System.nanoTime() - t0) / 1e9;
            if (r.failed() > 0) {
                throw new IllegalStateException(
                        file + ": " + r.failed() + " points failed under " + master);
            }
            return sec;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The summed current ({@code current}) or peak heap use of the heap pools. */
    private static long heapPeak(boolean current) {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += current ? pool.getUsage().getUsed() : pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static void human(PrintWriter w, ObjectNode doc) {
        ObjectNode t = (ObjectNode) doc.get("per_task");
        w.printf(
                Locale.ROOT,
                "Spark per task (%s, %d empty tasks/job): median %.2f ms (min %.2f, max %.2f); in-process call %.0f ns%n",
                doc.get("master").asText(),
                t.get("tasks").asInt(),
                t.get("median_ms_per_task").asDouble(),
                t.get("min_ms_per_task").asDouble(),
                t.get("max_ms_per_task").asDouble(),
                t.get("empty_call_ns_in_process").asDouble());
        if (doc.has("speedup")) {
            var s = doc.get("speedup");
            w.printf(
                    Locale.ROOT,
                    "speed-up local[2]/local[1] on %s (%d points): %.1f s / %.1f s = %.2fx%n",
                    s.get("sweep").asText(),
                    s.get("points").asInt(),
                    s.get("local1_seconds").asDouble(),
                    s.get("local2_seconds").asDouble(),
                    s.get("speedup").asDouble());
        }
        if (doc.has("memory")) {
            var m = doc.get("memory");
            w.printf(
                    Locale.ROOT,
                    "executor heap on %s (local[1], %d points): peak %.0f MB (before %.0f MB, max %.0f MB)%n",
                    m.get("sweep").asText(),
                    m.get("points").asInt(),
                    m.get("peak_heap_mb").asDouble(),
                    m.get("heap_after_gc_before_mb").asDouble(),
                    m.get("max_heap_mb").asDouble());
        }
    }
}
