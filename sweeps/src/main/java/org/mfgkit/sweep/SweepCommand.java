package org.mfgkit.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mfgkit.cli.JsonOption;
import org.mfgkit.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit sweep FILE.json [--master URL] [--out DIR] [--resume] [--json]}: runs a sweep
 * ({@link SweepFile}) as a Spark job, one task per point, and writes {@code DIR/sweep.csv}, {@code
 * result.json} and plots.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description =
                "Run a parameter sweep (grid, ranges, random samples x seeds) of a run or solve as a Spark job.")
public final class SweepCommand implements Callable<Integer> {

    @ParentCommand SweepMain main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep file (JSON).")
    Path file;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master: local[*] (default, in process; under spark-submit its --master), local[N], spark://HOST:PORT, ...")
    String master;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: results/<FILE base name>).")
    Path out;

    @Option(
            names = "--resume",
            description =
                    "Keep the rows of an earlier, killed run of this sweep; run only the missing points.")
    boolean resume;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description =
                    "How long a cluster master may take to give the first executor (default 30).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 1) {
            throw new IllegalArgumentException("--wait must be >= 1, got " + waitSeconds);
        }
        SweepSpec s = SweepFile.read(file);
        Path target = out != null ? out : Path.of("results", SweepFile.baseName(file));
        SweepRunner.SweepReport r =
                SweepRunner.run(
                        s,
                        file,
                        new SweepRunner.Options(
                                SweepMain.master(master), target, resume, waitSeconds),
                        main.progress());
        var summary = Json.object();
        summary.put("sweep", s.name());
        summary.put("out", target.toString());
        summary.put("points", r.points().size());
        summary.put("failed", r.failed());
        summary.put("resumed", r.resumed());
        summary.put("task_attempts_failed", r.failedTaskAttempts());
        summary.put("elapsed_seconds", r.elapsedSeconds());
        r.files().forEach(summary.putArray("files")::add);
        json.print(spec.commandLine().getOut(), summary, w -> human(w, r, target));
        return 0;
    }

    private static void human(PrintWriter w, SweepRunner.SweepReport r, Path target) {
        w.printf(
                Locale.ROOT,
                "%s: %d points (%d failed, %d resumed) in %.1f s%n",
                r.spec().name(),
                r.points().size(),
                r.failed(),
                r.resumed(),
                r.elapsedSeconds());
        if (r.failedTaskAttempts() > 0) {
            w.printf(
                    Locale.ROOT,
                    "  %d task attempt(s) lost with their executor were run again%n",
                    r.failedTaskAttempts());
        }
        w.println("wrote " + target + "/: " + String.join(", ", r.files()));
    }
}
