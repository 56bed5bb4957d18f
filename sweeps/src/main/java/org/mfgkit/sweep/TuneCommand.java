package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mfgkit.cli.JsonOption;
import org.mfgkit.cli.Version;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.output.StagedOutput;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;
import org.mfgkit.sweep.SuccessiveHalving.TrialEvaluation;
import org.mfgkit.sweep.SuccessiveHalving.TuneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit tune FILE.json [--master URL] [--out DIR] [--json]}: random search with successive
 * halving ({@link SuccessiveHalving}) over a {@link TuneSpec}'s space. Writes {@code
 * DIR/trials.csv} (one row per trial and rung), {@code result.json} (the best trial, the rungs,
 * every evaluation) and {@code best.png} (the best score so far against the number of evaluations).
 */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description =
                "Search parameters for the best value of a metric (random search + successive halving) as Spark jobs.")
public final class TuneCommand implements Callable<Integer> {

    @ParentCommand SweepMain main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "FILE", description = "Tune file (JSON).")
    Path file;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default local[*]; under spark-submit its --master).")
    String master;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: results/<FILE base name>).")
    Path out;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "How long a cluster master may take to give the first executor.")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        TuneSpec tune = TuneSpec.read(file);
        Path target = out != null ? out : Path.of("results", SweepFile.baseName(file));
        SweepRunner.checkNames(tune.sweep(), SweepGrid.points(tune.sweep()));
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        TuneResult o;
        List<String> files;
        try (StagedOutput staged = StagedOutput.create(target)) {
            try (SparkSweep spark =
                    SparkSweep.start(SweepMain.master(master), tune.sweep().name(), waitSeconds)) {
                o = SuccessiveHalving.run(tune, spark, main.progress());
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            writeTrials(staged.path().resolve("trials.csv"), tune, o.evaluations());
            double[] best = SuccessiveHalving.bestSoFar(o.evaluations(), tune.minimise());
            double[] x = new double[best.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            String metric = metricName(tune);
            new ResultWriter(staged.path())
                    .curves(
                            "best",
                            List.of(Curve.single("best " + metric, x, best)),
                            "evaluations",
                            Band.NONE,
                            PlotSpec.of(
                                    tune.sweep().name() + ": best " + metric + " so far",
                                    "trial evaluations",
                                    metric));
            Json.write(
                    staged.path().resolve(StagedOutput.MARKER), result(tune, o, started, elapsed));
            files = new ArrayList<>(List.of("best.csv", "best.png", "result.json", "trials.csv"));
            staged.commit();
        }
        ObjectNode summary = Json.object();
        summary.put("tune", tune.sweep().name());
        summary.put("out", target.toString());
        summary.put("evaluations", o.evaluations().size());
        summary.set("best", o.best() == null ? null : evaluation(tune, o.best()));
        files.forEach(summary.putArray("files")::add);
        json.print(spec.commandLine().getOut(), summary, w -> human(w, tune, o, target, files));
        return 0;
    }

    private static void human(
            PrintWriter w, TuneSpec tune, TuneResult o, Path target, List<String> files) {
        if (o.best() == null) {
            w.println(tune.sweep().name() + ": every trial of the last rung failed");
        } else {
            TrialEvaluation b = o.best();
            w.printf(
                    Locale.ROOT,
                    "%s: best %s %.6g (trial %d, budget %d): %s%n",
                    tune.sweep().name(),
                    metricName(tune),
                    b.score(),
                    b.trial(),
                    b.budget(),
                    b.values());
        }
        w.printf(
                Locale.ROOT,
                "  %d evaluations over %d rung(s)%n",
                o.evaluations().size(),
                tune.budgets().size());
        w.println("wrote " + target + "/: " + String.join(", ", files));
    }

    static String metricName(TuneSpec tune) {
        return new ArrayList<>(tune.sweep().metrics().keySet()).get(tune.metric());
    }

    private static ObjectNode evaluation(TuneSpec tune, TrialEvaluation e) {
        ObjectNode n = Json.object();
        n.put("trial", e.trial());
        n.put("rung", e.rung());
        n.put("budget", e.budget());
        n.set("values", Json.toTree(e.values()));
        if (e.ok()) {
            n.put(metricName(tune), e.score());
        } else {
            n.putNull(metricName(tune));
        }
        n.put("status", e.ok() ? "ok" : "failed");
        n.put("error", e.error());
        n.put("seconds", e.seconds());
        return n;
    }

    private static ObjectNode result(TuneSpec tune, TuneResult o, Instant started, double elapsed) {
        ObjectNode doc = Json.object();
        doc.put("tune", tune.sweep().name());
        doc.put("mfgkit_version", Version.get());
        doc.put("started_at", started.truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put("elapsed_seconds", elapsed);
        doc.put("metric", metricName(tune));
        doc.put("goal", tune.minimise() ? "min" : "max");
        doc.put("algorithm", tune.eta() > 0 ? "successive-halving" : "random-search");
        doc.put("trials", tune.sweep().samples());
        doc.put("eta", tune.eta());
        ArrayNode budgets = doc.putArray("budgets");
        tune.budgets().forEach(budgets::add);
        doc.put("task_attempts_failed", o.failedTaskAttempts());
        doc.set("best", o.best() == null ? null : evaluation(tune, o.best()));
        ArrayNode ev = doc.putArray("evaluations");
        o.evaluations().forEach(e -> ev.add(evaluation(tune, e)));
        return doc;
    }

    private static void writeTrials(Path file, TuneSpec tune, List<TrialEvaluation> evaluations)
            throws IOException {
        List<String> params = tune.sweep().parameterNames();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> head = new ArrayList<>(List.of("trial", "rung", "budget"));
            head.addAll(params);
            head.addAll(List.of(metricName(tune), "status", "error", "seconds"));
            w.write(String.join(",", head) + "\n");
            for (TrialEvaluation e : evaluations) {
                List<String> c = new ArrayList<>();
                c.add(Integer.toString(e.trial()));
                c.add(Integer.toString(e.rung()));
                c.add(Long.toString(e.budget()));
                for (String p : params) {
                    c.add(SweepTable.cell(e.values().get(p)));
                }
                c.add(Double.toString(e.score()));
                c.add(e.ok() ? "ok" : "failed");
                c.add(quote(e.error()));
                c.add(Double.toString(e.seconds()));
                w.write(String.join(",", c) + "\n");
            }
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
