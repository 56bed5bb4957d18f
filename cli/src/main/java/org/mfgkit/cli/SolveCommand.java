package org.mfgkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.output.StagedOutput;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.cli.solve.SolveRequest;
import org.mfgkit.cli.solve.Solver;
import org.mfgkit.cli.solve.Solvers;
import org.mfgkit.core.Curve.Band;
import org.mfgkit.envs.EquilibriumSolver;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.SolverRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit solve --env ENV --algorithm ALG [--iterations N] [--seed S] [--set k=v]... [--out
 * DIR] [--json]} (SPEC §6): runs one solver of {@link Solvers} and reports the exploitability of
 * every iterate. With {@code --out DIR}: {@code result.json}, {@code curve.csv}, {@code curve.png},
 * written through a {@link StagedOutput} (all or nothing). {@code result.json} (and the {@code
 * --json} output):
 *
 * <pre>
 * {"env", "finite_horizon", "params", "algorithm", "settings", "iterations_requested", "iterations",
 *  "converged", "exploitability", "seed", "seeds", "mean_field",
 *  "policy": {"env", "probabilities": [nS][nA] | [T+1][nS][nA]},
 *  "curve": [{"iteration", "exploitability", "seconds"}, ...],
 *  "timings": {"started_at", "total_seconds", "seconds_per_iteration"}, "mfgkit_version"}
 * </pre>
 *
 * A policy or mean field of more than {@link ResultArrays#INLINE_LIMIT} numbers is written to a
 * NumPy side file ({@code policy.npy}, {@code mean_field.npy}) that {@code result.json} references
 * instead (see {@link ResultArrays}).
 */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description =
                "Run one equilibrium solver on an environment; report its exploitability curve.")
public final class SolveCommand implements Callable<Integer> {

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin EnvOptions envOptions;

    @Option(
            names = "--algorithm",
            required = true,
            paramLabel = "ALG",
            completionCandidates = SolveCommand.Algorithms.class,
            description = "${COMPLETION-CANDIDATES} (see 'mfgkit list').")
    String algorithm;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "Iterations (default: the algorithm's).")
    Integer iterations;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description =
                    "Seed for sampling solvers (recorded; the exact solvers take none). Default 0.")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Write result.json, curve.csv and curve.png here (replaced if it holds an earlier result).")
    Path out;

    /** The registered algorithm names, for the {@code --algorithm} help. */
    static final class Algorithms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Solvers.builtIn().all().stream().map(Solver::name).iterator();
        }
    }

    /** The solver registry (tests may replace it). */
    Solvers solvers = Solvers.builtIn();

    @Override
    public Integer call() throws Exception {
        Solver solver = solvers.get(algorithm);
        List<Map<String, String>> split =
                envOptions.split(solver.settingKeys(), "algorithm " + solver.name());
        GameModel env = envOptions.preset().create(split.get(0));
        int n = iterations == null ? solver.defaultIterations(env) : iterations;
        EquilibriumSolver.ITERATIONS.validate(n);
        StagedOutput staged = out == null ? null : StagedOutput.create(out);
        try {
            Instant started = Instant.now();
            SolverRun run;
            try (Progress progress =
                    main.progress().start(solver.name() + " on " + env.name(), n + 1, "it")) {
                run =
                        solver.solve(
                                new SolveRequest(
                                        env,
                                        n,
                                        seed,
                                        split.get(1),
                                        (iteration, value, seconds) -> progress.step()));
            }
            ResultWriter writer = staged == null ? null : new ResultWriter(staged.path());
            ObjectNode doc = result(env, solver, n, run, started, writer);
            if (staged != null) {
                writer.json(StagedOutput.MARKER, doc);
                writer.curves(
                        "curve",
                        List.of(run.curve()),
                        "iteration",
                        Band.NONE,
                        PlotSpec.of(
                                        solver.name() + " on " + env.name(),
                                        "iteration",
                                        "exploitability")
                                .withLogY(true));
                staged.commit();
            }
            json.print(spec.commandLine().getOut(), doc, w -> human(w, env, run, doc));
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
        return ExitCode.OK;
    }

    /**
     * The result document; a policy or mean field above {@link ResultArrays#INLINE_LIMIT} numbers
     * goes to a side file written by {@code writer} (left out when it is null).
     */
    private ObjectNode result(
            GameModel env,
            Solver solver,
            int requested,
            SolverRun run,
            Instant started,
            ResultWriter writer)
            throws IOException {
        ObjectNode doc = EnvJson.header(env);
        doc.put("algorithm", solver.name());
        doc.set("settings", Json.toTree(run.settings()));
        doc.put("iterations_requested", requested);
        doc.put("iterations", run.iterations());
        doc.put("converged", run.converged());
        doc.put("exploitability", run.finalExploitability());
        if (solver.usesSeed()) {
            doc.put("seed", seed);
            doc.putArray("seeds").add(seed);
        } else {
            doc.putNull("seed");
            doc.putArray("seeds");
        }
        doc.set("mean_field", ResultArrays.DEFAULT.meanField(env, run.last().meanField(), writer));
        doc.set("policy", ResultArrays.DEFAULT.policy(env, run.policy(), writer));
        ArrayNode curve = doc.putArray("curve");
        for (int i = 0; i < run.curve().size(); i++) {
            ObjectNode point = curve.addObject();
            point.put("iteration", run.iteration(i));
            point.put("exploitability", run.exploitability(i));
            point.put("seconds", run.seconds()[i]);
        }
        ObjectNode timings = doc.putObject("timings");
        timings.put("started_at", started.truncatedTo(ChronoUnit.MILLIS).toString());
        timings.put("total_seconds", run.totalSeconds());
        timings.put("seconds_per_iteration", run.totalSeconds() / Math.max(1, run.curve().size()));
        doc.put("mfgkit_version", Version.get());
        return doc;
    }

    private void human(PrintWriter w, GameModel env, SolverRun run, ObjectNode doc) {
        List<String> sideFiles = new ArrayList<>();
        for (String key : List.of("mean_field", "policy")) {
            if (doc.path(key).has("file")) {
                sideFiles.add(doc.get(key).get("file").asText());
            }
        }
        w.printf(
                Locale.ROOT,
                "%s on %s: exploitability %.6g after %d iteration%s%s, %.3f s%n",
                run.algorithm(),
                env.name(),
                run.finalExploitability(),
                run.iterations(),
                run.iterations() == 1 ? "" : "s",
                run.converged() ? " (converged)" : "",
                run.totalSeconds());
        int size = run.curve().size();
        StringBuilder b = new StringBuilder("  curve:");
        int step = Math.max(1, size / 6);
        for (int i = 0; i < size; i += step) {
            b.append(
                    String.format(
                            Locale.ROOT, " [%d] %.3g", run.iteration(i), run.exploitability(i)));
        }
        if ((size - 1) % step != 0) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            " [%d] %.3g",
                            run.iteration(size - 1),
                            run.exploitability(size - 1)));
        }
        w.println(b);
        if (!run.settings().isEmpty()) {
            w.println("  settings " + run.settings());
        }
        if (out != null) {
            w.println(
                    "  wrote "
                            + out
                            + "/: result.json, curve.csv, curve.png"
                            + (sideFiles.isEmpty() ? "" : ", " + String.join(", ", sideFiles)));
        }
    }
}
