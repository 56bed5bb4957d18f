package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.StagedOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit run FILE.json [--out DIR] [--threads N] [--json]}: runs the experiment type named
 * by the config's {@code "experiment"} field (see {@link org.mfgkit.cli.experiment.Experiments}).
 *
 * <p>Outputs go to {@code DIR} (default {@code results/<config base name>} under the current
 * directory) through a {@link StagedOutput}: they appear all at once when the run succeeds, and a
 * failed run leaves no output directory. {@code DIR/result.json} is written by this command:
 *
 * <pre>
 * {"experiment": ..., "config_file": ..., "mfgkit_version": ..., "started_at": "...Z",
 *  "elapsed_seconds": ..., "threads": ..., "config": {the config as given}, "result": {what run returned}}
 * </pre>
 *
 * With {@code --json} stdout gets {@code {"experiment", "out", "files", "elapsed_seconds",
 * "result"}}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Run an experiment described by a JSON config; write result.json, curve.csv, curve.png.")
public final class RunCommand implements Callable<Integer> {

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "Experiment config (JSON object with an \"experiment\" field).")
    Path configFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Output directory (default: results/<FILE base name>). Replaced if it holds an earlier result.")
    Path out;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Seeds run in parallel (default: available processors).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threadCount);
        }
        JsonNode config = Json.read(configFile);
        Experiment experiment = experimentOf(config);
        Path target = out != null ? out : defaultOutDir(configFile);

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<String> files;
        JsonNode result;
        double elapsed;
        try (StagedOutput staged = StagedOutput.create(target)) {
            RunContext ctx =
                    new RunContext(staged.path(), main.progress(), json.enabled(), threadCount);
            Object returned = experiment.run(config, ctx);
            result = returned == null ? NullNode.getInstance() : Json.toTree(returned);
            elapsed = (System.nanoTime() - t0) / 1e9;
            Path resultFile = staged.path().resolve(StagedOutput.MARKER);
            if (Files.exists(resultFile)) {
                throw new IllegalStateException(
                        "experiment "
                                + experiment.name()
                                + " wrote "
                                + StagedOutput.MARKER
                                + " itself; that name is reserved for the frame");
            }
            ObjectNode doc = Json.object();
            doc.put("experiment", experiment.name());
            doc.put("config_file", configFile.toString());
            doc.put("mfgkit_version", Version.get());
            doc.put("started_at", started.truncatedTo(ChronoUnit.MILLIS).toString());
            doc.put("elapsed_seconds", elapsed);
            doc.put("threads", threadCount);
            doc.set("config", config);
            doc.set("result", result);
            ArrayNode warnings = doc.putArray("warnings");
            result.path("warnings").forEach(warnings::add);
            Json.write(resultFile, doc);
            warnings.forEach(w -> main.err().println("mfgkit: warning: " + w.asText()));
            files = listFiles(staged.path());
            staged.commit();
        }

        ObjectNode summary = Json.object();
        summary.put("experiment", experiment.name());
        summary.put("out", target.toString());
        files.forEach(summary.putArray("files")::add);
        summary.put("elapsed_seconds", elapsed);
        summary.set("result", result);
        json.print(
                spec.commandLine().getOut(),
                summary,
                w -> human(w, experiment.name(), elapsed, threadCount, result, target, files));
        return ExitCode.OK;
    }

    /** {@code results/<file name without its extension>}, relative to the current directory. */
    static Path defaultOutDir(Path configFile) {
        String name = configFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of("results", dot > 0 ? name.substring(0, dot) : name);
    }

    private Experiment experimentOf(JsonNode config) {
        String known =
                String.join(", ", main.experiments().all().stream().map(Experiment::name).toList());
        if (!config.isObject()) {
            throw new IllegalArgumentException(
                    configFile
                            + ": expected a JSON object with an \"experiment\" field, got "
                            + config.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        JsonNode type = config.get("experiment");
        if (type == null || type.isNull()) {
            throw new IllegalArgumentException(
                    configFile + ": missing field \"experiment\" (one of: " + known + ")");
        }
        if (!type.isTextual()) {
            throw new IllegalArgumentException(
                    configFile + ": field \"experiment\" must be a string (one of: " + known + ")");
        }
        return main.experiments()
                .find(type.asText())
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        configFile
                                                + ": unknown experiment type \""
                                                + type.asText()
                                                + "\" (known: "
                                                + known
                                                + ")"));
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private static void human(
            PrintWriter w,
            String name,
            double elapsed,
            int threads,
            JsonNode result,
            Path target,
            List<String> files) {
        w.printf(
                Locale.ROOT,
                "%s: done in %.1f s (%d thread%s)%n",
                name,
                elapsed,
                threads,
                threads == 1 ? "" : "s");
        if (result.isObject()) {
            int width = 0;
            for (Iterator<String> it = result.fieldNames(); it.hasNext(); ) {
                width = Math.max(width, it.next().length());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String value = scalar(f.getValue());
                if (value != null) {
                    w.printf(Locale.ROOT, "  %-" + width + "s  %s%n", f.getKey(), value);
                }
            }
        }
        w.println("wrote " + target + "/: " + String.join(", ", files));
    }

    /** A top-level result value for the human summary, or null for arrays and objects. */
    private static String scalar(JsonNode v) {
        if (v.isIntegralNumber() || v.isBoolean() || v.isNull()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return String.format(Locale.ROOT, "%.6g", v.doubleValue());
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return null;
    }
}
