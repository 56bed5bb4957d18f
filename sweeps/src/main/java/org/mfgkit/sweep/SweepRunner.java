package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mfgkit.cli.Version;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.output.StagedOutput;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.cli.progress.ProgressFactory;

/**
 * Runs a sweep end to end: checks it, runs the missing points on Spark (journalling each row as it
 * arrives), and writes {@code sweep.csv}, {@code result.json} and the plots into the output
 * directory through a {@link StagedOutput} (all at once, or nothing). A point that fails is a row
 * with its error; the sweep goes on.
 */
public final class SweepRunner {
    private SweepRunner() {}

    /**
     * How to run.
     *
     * @param master the Spark master URL
     * @param out the output directory
     * @param resume keep the rows of an earlier, killed or finished, run of the same sweep
     * @param waitSeconds how long a cluster may take to give the first executor
     */
    public record Options(String master, Path out, boolean resume, int waitSeconds) {}

    /**
     * What a sweep did.
     *
     * @param spec the sweep
     * @param points every point, in order
     * @param results the row of every point, in order
     * @param resumed rows taken from the earlier run
     * @param failedTaskAttempts Spark task attempts that failed (lost executors) and were rerun
     * @param executorsLost executors removed during the run
     * @param elapsedSeconds wall time of the whole sweep
     * @param files the files written, relative to the output directory
     */
    public record SweepReport(
            SweepSpec spec,
            List<SweepPoint> points,
            List<PointResult> results,
            int resumed,
            int failedTaskAttempts,
            int executorsLost,
            double elapsedSeconds,
            List<String> files) {

        /** The number of failed points. */
        public long failed() {
            return results.stream().filter(r -> !r.ok()).count();
        }
    }

    /** Runs {@code spec} (read from {@code sweepFile}) as {@code options} say. */
    public static SweepReport run(
            SweepSpec spec, Path sweepFile, Options options, ProgressFactory progress)
            throws IOException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        List<SweepPoint> points = SweepGrid.points(spec);
        String fingerprint = Journal.fingerprint(spec, points);
        checkNames(spec, points);
        Path journalFile = Journal.fileFor(options.out());
        Map<Integer, PointResult> done =
                options.resume()
                        ? Journal.load(
                                journalFile,
                                options.out().resolve(StagedOutput.MARKER),
                                fingerprint,
                                points.size())
                        : new LinkedHashMap<>();
        PointResult[] results = new PointResult[points.size()];
        done.forEach((i, r) -> results[i] = r);
        List<SweepPoint> missing = new ArrayList<>();
        for (SweepPoint p : points) {
            if (results[p.index()] == null) {
                missing.add(p);
            }
        }
        int failedAttempts;
        int lost;
        try (StagedOutput staged = StagedOutput.create(options.out())) {
            if (missing.isEmpty()) {
                failedAttempts = 0;
                lost = 0;
            } else {
                // Spark first: a master that cannot be reached leaves no journal behind.
                try (SparkSweep spark =
                                SparkSweep.start(
                                        options.master(), spec.name(), options.waitSeconds());
                        Journal journal = Journal.start(journalFile, fingerprint, done.values());
                        Progress bar = progress.start(spec.name(), missing.size(), "point")) {
                    spark.run(
                            missing,
                            new PointRun(spec.base(), spec.metrics()),
                            r -> {
                                results[r.index()] = r;
                                journal.append(r);
                                bar.step();
                            });
                    failedAttempts = spark.failedTaskAttempts();
                    lost = spark.executorsLost();
                }
            }
            List<PointResult> rows = List.of(results);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            Path dir = staged.path();
            SweepTable.write(dir.resolve("sweep.csv"), spec, points, rows);
            SweepPlots.write(new ResultWriter(dir), spec, points, rows);
            SweepReport report =
                    new SweepReport(
                            spec,
                            points,
                            rows,
                            done.size(),
                            failedAttempts,
                            lost,
                            elapsed,
                            List.of());
            ObjectNode doc = resultJson(report, sweepFile, options, started, fingerprint);
            Json.write(dir.resolve(StagedOutput.MARKER), doc);
            List<String> files = listFiles(dir);
            staged.commit();
            Files.deleteIfExists(journalFile);
            return new SweepReport(
                    spec, points, rows, done.size(), failedAttempts, lost, elapsed, files);
        }
    }

    /**
     * For a solve base, runs the first point with {@code --iterations 0} on the driver, so an
     * unknown {@code --set} key, environment or algorithm is one error before any Spark work (a bad
     * value is left to its points, which record it).
     */
    static void checkNames(SweepSpec spec, List<SweepPoint> points) {
        if (spec.base().kind() != Base.Kind.SOLVE || points.isEmpty()) {
            return;
        }
        ObjectNode zero = spec.base().config().deepCopy();
        zero.set("iterations", IntNode.valueOf(0));
        Base probe = new Base(Base.Kind.SOLVE, zero, "seed");
        PointResult r = new PointRun(probe, spec.metrics()).run(points.get(0));
        if (!r.ok() && r.error().startsWith("unknown")) {
            String field = "base.solve";
            for (String name : spec.parameterNames()) {
                String key = name.substring(name.indexOf('.') + 1);
                if (r.error().contains("'" + key + "'") || r.error().contains("\"" + key + "\"")) {
                    field =
                            spec.grid().stream().anyMatch(a -> a.path().equals(name))
                                    ? "grid." + name
                                    : "random.params." + name;
                }
            }
            throw new IllegalArgumentException(field + ": " + r.error());
        }
    }

    /** The {@code result.json} document. */
    static ObjectNode resultJson(
            SweepReport r, Path sweepFile, Options o, Instant started, String fingerprint) {
        SweepSpec spec = r.spec();
        ObjectNode doc = Json.object();
        doc.put("sweep", spec.name());
        doc.put("sweep_file", sweepFile == null ? null : sweepFile.toString());
        doc.put("mfgkit_version", Version.get());
        doc.put("master", o.master());
        doc.put("started_at", started.truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put("elapsed_seconds", r.elapsedSeconds());
        doc.put("fingerprint", fingerprint);
        ObjectNode base = doc.putObject("base");
        base.set(
                spec.base().kind().name().toLowerCase(java.util.Locale.ROOT), spec.base().config());
        ArrayNode params = doc.putArray("parameters");
        spec.parameterNames().forEach(params::add);
        ArrayNode seeds = doc.putArray("seeds");
        for (long s : spec.seeds()) {
            seeds.add(s);
        }
        doc.set("metrics", Json.toTree(spec.metrics()));
        doc.put("points", r.points().size());
        doc.put("ok", r.points().size() - r.failed());
        doc.put("failed", r.failed());
        doc.put("resumed", r.resumed());
        ObjectNode spark = doc.putObject("spark");
        spark.put("task_attempts_failed", r.failedTaskAttempts());
        spark.put("executors_lost", r.executorsLost());
        ObjectNode best = doc.putObject("best");
        List<String> names = new ArrayList<>(spec.metrics().keySet());
        for (int m = 0; m < names.size(); m++) {
            PointResult b = null;
            for (PointResult x : r.results()) {
                if (x.ok() && (b == null || x.metrics()[m] < b.metrics()[m])) {
                    b = x;
                }
            }
            if (b != null) {
                ObjectNode e = best.putObject("lowest_" + names.get(m));
                e.put("point", b.index());
                e.set("values", Json.toTree(r.points().get(b.index()).values()));
                e.put("seed", r.points().get(b.index()).seed());
                e.put("value", b.metrics()[m]);
            }
        }
        ArrayNode rows = doc.putArray("rows");
        for (int i = 0; i < r.points().size(); i++) {
            SweepPoint p = r.points().get(i);
            ObjectNode row = Journal.toJson(r.results().get(i));
            row.set("values", Json.toTree(p.values()));
            row.put("seed", p.seed());
            ObjectNode m = row.putObject("metrics");
            for (int k = 0; k < names.size(); k++) {
                double v = r.results().get(i).metrics()[k];
                if (Double.isFinite(v)) {
                    m.put(names.get(k), v);
                } else {
                    m.putNull(names.get(k));
                }
            }
            rows.add(row);
        }
        return doc;
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }
}
