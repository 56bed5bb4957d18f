package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mfgkit.cli.faas.FaasCompareExperiment;
import org.mfgkit.cli.output.AtomicFiles;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.MemoryBudget;
import org.mfgkit.faas.AzureTrace;
import org.mfgkit.faas.AzureTraceGenerator;
import org.mfgkit.faas.FunctionProfile;
import org.mfgkit.faas.FunctionProfiles;
import org.mfgkit.faas.ServiceTime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit faas ...}: the serverless FaaS cluster simulator (SPEC §5, §6; 004 Appendix E).
 *
 * <ul>
 *   <li>{@code faas run FILE.json [--out DIR] [--threads N] [--json]} — a {@code faas-*} experiment
 *       (e.g. {@code experiments/faas-compare.json}) run exactly as {@code mfgkit run} does, with
 *       the comparison table as the human summary;
 *   <li>{@code faas trace --seed S --out FILE} — writes the synthetic trace in the Azure Functions
 *       2019 schema (the shipped one is {@code --seed 2019});
 *   <li>{@code faas profiles} — the 12 function profiles.
 * </ul>
 */
@Command(
        name = "faas",
        mixinStandardHelpOptions = true,
        description =
                "Serverless FaaS cluster simulator: compare resource managers, generate traces, show profiles.",
        subcommands = {FaasCommand.Run.class, FaasCommand.Trace.class, FaasCommand.Profiles.class})
public final class FaasCommand implements Runnable {

    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing faas command (run, trace, profiles)");
    }

    /** {@code faas run}: a faas experiment through the {@code run} machinery, with a table. */
    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description =
                    "Run a faas experiment (e.g. experiments/faas-compare.json); print the comparison table.")
    static final class Run implements Callable<Integer> {
        @ParentCommand FaasCommand faas;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Parameters(
                index = "0",
                paramLabel = "FILE",
                description = "Experiment config with \"experiment\": \"faas-compare\".")
        Path configFile;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Output directory (default: results/<FILE base name>).")
        Path out;

        @Option(
                names = "--threads",
                paramLabel = "N",
                description = "Managers trained/evaluated in parallel (default: processors).")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            JsonNode config = Json.read(configFile);
            JsonNode type = config.isObject() ? config.get("experiment") : null;
            if (type == null || !type.isTextual() || !type.asText().startsWith("faas-")) {
                throw new IllegalArgumentException(
                        configFile
                                + ": \"experiment\" must name a faas experiment (faas-compare), got "
                                + (type == null ? "nothing" : type.toString()));
            }
            RunCommand run = new RunCommand();
            run.main = faas.main;
            CommandLine cl = new CommandLine(run);
            StringWriter buffer = new StringWriter();
            cl.setOut(new PrintWriter(buffer, true));
            List<String> args = new ArrayList<>(List.of(configFile.toString(), "--json"));
            if (out != null) {
                args.addAll(List.of("--out", out.toString()));
            }
            if (threads != null) {
                args.addAll(List.of("--threads", threads.toString()));
            }
            cl.parseArgs(args.toArray(String[]::new));
            run.call();
            JsonNode summary = Json.mapper().readTree(buffer.toString());
            json.print(spec.commandLine().getOut(), summary, w -> table(w, summary));
            return ExitCode.OK;
        }
    }

    /** The human summary of a faas-compare run. */
    static void table(PrintWriter w, JsonNode summary) {
        JsonNode r = summary.path("result");
        if (r.has("cells")) {
            sweepTable(w, summary);
            return;
        }
        w.printf(
                Locale.ROOT,
                "%s: done in %.1f s%n",
                summary.path("experiment").asText(),
                summary.path("elapsed_seconds").asDouble());
        JsonNode eval = r.path("eval");
        w.printf(
                Locale.ROOT,
                "held-out trace: rows %s, minutes %d..%d (first %d min warm-up), %d seeds, load %.2f of the cluster's cores%n",
                eval.path("rows").toString(),
                eval.path("start_minute").asInt(),
                eval.path("start_minute").asInt() + eval.path("minutes").asInt(),
                eval.path("warmup_minutes").asInt(),
                eval.path("seeds").asInt(),
                r.path("load").asDouble());
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("training").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double seconds = 0.0;
            StringBuilder curves = new StringBuilder();
            for (JsonNode run : e.getValue()) {
                seconds += run.path("seconds").asDouble();
                JsonNode rew = run.path("mean_reward");
                curves.append(
                        String.format(
                                Locale.ROOT,
                                "%s%.4f -> %.4f",
                                curves.length() > 0 ? ", " : "",
                                mean(rew, 0, 10),
                                mean(rew, rew.size() - 10, rew.size())));
            }
            JsonNode first = e.getValue().path(0);
            w.printf(
                    Locale.ROOT,
                    "trained %s: %d run%s x %d iterations of %d-minute episodes, %.1f s of training; "
                            + "mean reward (first 10 -> last 10 iterations): %s%n",
                    e.getKey(),
                    e.getValue().size(),
                    e.getValue().size() == 1 ? "" : "s",
                    first.path("iterations").asInt(),
                    first.path("episode_minutes").asInt(),
                    seconds,
                    curves);
        }
        w.println();
        w.printf(
                Locale.ROOT,
                "%-17s %9s %9s %11s %9s %12s %9s %11s%n",
                "manager",
                "p99 (ms)",
                "QoS viol",
                "cold starts",
                "CPU util",
                "cluster CPU",
                "mem util",
                "mean reward");
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("managers").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            w.printf(
                    Locale.ROOT,
                    "%-17s %9s %9s %11.0f %9.3f %12.3f %9.3f %11.4f%n",
                    e.getKey(),
                    number(m.path("p99_ms"), "%.0f", 1),
                    number(m.path("qos_violation_rate"), "%.2f%%", 100),
                    m.path("cold_starts").asDouble(),
                    m.path("cpu_utilization").asDouble(),
                    m.path("cluster_cpu_utilization").asDouble(),
                    m.path("memory_utilization").asDouble(),
                    m.path("mean_reward").asDouble());
        }
        w.println(
                "(pooled over the evaluation episodes; cold starts per episode; CPU util: CPU time used / entitled CPU"
                        + " (cpu.shares and caps); cluster CPU: CPU used / cluster cores)");
        w.println();
        w.printf(
                Locale.ROOT,
                "%-17s %s%n",
                "manager",
                "QoS violations per evaluation episode (training run-major)");
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("managers").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            StringBuilder sb = new StringBuilder();
            for (JsonNode sd : e.getValue().path("seeds")) {
                sb.append(
                        String.format(
                                Locale.ROOT,
                                " %7s",
                                number(sd.path("qos_violation_rate"), "%.2f%%", 100)));
            }
            w.printf(Locale.ROOT, "%-17s%s%n", e.getKey(), sb);
        }
        w.println();
        w.printf(
                Locale.ROOT,
                "%-17s %-13s %24s %24s %5s%n",
                "manager",
                "vs",
                "violations pp [95% CI]",
                "CPU util [95% CI]",
                "sig");
        for (JsonNode v : r.path("comparisons")) {
            w.printf(
                    Locale.ROOT,
                    "%-17s %-13s %+7.2f [%+6.2f, %+6.2f] %+7.3f [%+6.3f, %+6.3f] %5s  (over %s)%n",
                    v.path("manager").asText(),
                    v.path("baseline").asText(),
                    100 * v.path("violation_difference").asDouble(),
                    100 * v.path("violation_ci_low").asDouble(),
                    100 * v.path("violation_ci_high").asDouble(),
                    v.path("cpu_utilization_difference").asDouble(),
                    v.path("cpu_ci_low").asDouble(),
                    v.path("cpu_ci_high").asDouble(),
                    v.path("significant").asBoolean() ? "yes" : "no",
                    v.path("unit").asText());
        }
        List<String> files = new ArrayList<>();
        summary.path("files").forEach(f -> files.add(f.asText()));
        w.println("wrote " + summary.path("out").asText() + "/: " + String.join(", ", files));
    }

    /** The human summary of a faas-sweep run: violations and utilisation per cell and manager. */
    static void sweepTable(PrintWriter w, JsonNode summary) {
        w.printf(
                Locale.ROOT,
                "%s: done in %.1f s%n",
                summary.path("experiment").asText(),
                summary.path("elapsed_seconds").asDouble());
        w.printf(
                Locale.ROOT,
                "%-6s %-6s %-17s %9s %9s %26s%n",
                "load",
                "memory",
                "manager",
                "QoS viol",
                "CPU util",
                "vs openwhisk pp [95% CI]");
        for (JsonNode cell : summary.path("result").path("cells")) {
            JsonNode rep = cell.path("report");
            for (Iterator<Map.Entry<String, JsonNode>> it = rep.path("managers").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String ci = "";
                for (JsonNode c : rep.path("comparisons")) {
                    if (c.path("manager").asText().equals(e.getKey())
                            && c.path("baseline").asText().equals("openwhisk")) {
                        ci =
                                String.format(
                                        Locale.ROOT,
                                        "%+6.2f [%+6.2f, %+6.2f]%s",
                                        100 * c.path("violation_difference").asDouble(),
                                        100 * c.path("violation_ci_low").asDouble(),
                                        100 * c.path("violation_ci_high").asDouble(),
                                        c.path("significant").asBoolean() ? " *" : "");
                    }
                }
                w.printf(
                        Locale.ROOT,
                        "%-6.2f %-6s %-17s %9s %9.3f %26s%n",
                        cell.path("load").asDouble(),
                        cell.path("user_memory_mb").asText(),
                        e.getKey(),
                        number(e.getValue().path("qos_violation_rate"), "%.2f%%", 100),
                        e.getValue().path("cpu_utilization").asDouble(),
                        ci);
            }
        }
        List<String> files = new ArrayList<>();
        summary.path("files").forEach(f -> files.add(f.asText()));
        w.println("wrote " + summary.path("out").asText() + "/: " + String.join(", ", files));
    }

    /**
     * {@code scale x n} in {@code format}, or {@code n/a} for a {@code null} (no completed
     * invocation: never shown as 0).
     */
    private static String number(JsonNode n, String format, double scale) {
        return n.isNumber() ? String.format(Locale.ROOT, format, scale * n.asDouble()) : "n/a";
    }

    private static double mean(JsonNode arr, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(arr.size(), to);
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += arr.get(i).asDouble();
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    /** {@code faas trace}: the synthetic Azure-schema trace. */
    @Command(
            name = "trace",
            mixinStandardHelpOptions = true,
            description =
                    "Write a synthetic trace in the Azure Functions 2019 schema (the shipped one: --seed 2019).")
    static final class Trace implements Callable<Integer> {
        @ParentCommand FaasCommand faas;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Option(
                names = "--seed",
                description = "Seed (default: ${DEFAULT-VALUE}).",
                defaultValue = "2019")
        long seed;

        @Option(
                names = "--rows",
                description = "Function rows (default: ${DEFAULT-VALUE}).",
                defaultValue = "24")
        int rows;

        @Option(
                names = "--minutes",
                description = "Minute columns, at most 1440 (default: ${DEFAULT-VALUE}).",
                defaultValue = "1440")
        int minutes;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                required = true,
                description = "CSV file to write (replaced atomically).")
        Path out;

        @Override
        public Integer call() throws Exception {
            AzureTraceGenerator.Params p =
                    AzureTraceGenerator.Params.defaults().withRows(rows).withMinutes(minutes);
            admit(p);
            long[] total = {0};
            try (Progress progress = faas.main.progress().start("faas trace", rows, "rows")) {
                AtomicFiles.write(
                        out,
                        os -> {
                            Writer w =
                                    new BufferedWriter(
                                            new OutputStreamWriter(os, StandardCharsets.UTF_8),
                                            1 << 16);
                            AzureTrace.writeHeader(w, minutes);
                            AzureTraceGenerator.generate(
                                    p,
                                    seed,
                                    row -> {
                                        AzureTrace.writeRow(w, row);
                                        total[0] += row.total(0, minutes);
                                        progress.step();
                                    });
                            w.flush();
                        });
            }
            ObjectNode o = Json.object();
            o.put("file", out.toString());
            o.put("seed", seed);
            o.put("rows", rows);
            o.put("minutes", minutes);
            o.put("invocations", total[0]);
            json.print(
                    spec.commandLine().getOut(),
                    o,
                    w ->
                            w.printf(
                                    Locale.ROOT,
                                    "wrote %s: %d functions x %d minutes, %d invocations (seed %d)%n",
                                    out,
                                    rows,
                                    minutes,
                                    total[0],
                                    seed));
            return ExitCode.OK;
        }

        /**
         * Refuses a trace that cannot fit on the target's file system, before writing: at least
         * {@link AzureTrace#minRowBytes} per row (the rows are streamed, so the heap is not the
         * limit).
         */
        private void admit(AzureTraceGenerator.Params p) throws IOException {
            long need = Math.multiplyExact((long) p.rows(), AzureTrace.minRowBytes(p.minutes()));
            Path existing = out.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return;
            }
            long free = Files.getFileStore(existing).getUsableSpace();
            if (need > free) {
                throw new IllegalArgumentException(
                        "--rows "
                                + p.rows()
                                + " x --minutes "
                                + p.minutes()
                                + " needs at least "
                                + MemoryBudget.format(need)
                                + " for "
                                + out
                                + ", more than the "
                                + MemoryBudget.format(free)
                                + " free there (lower --rows or --minutes)");
            }
        }
    }

    /** {@code faas profiles}: the function profiles. */
    @Command(
            name = "profiles",
            mixinStandardHelpOptions = true,
            description = "Show the function profiles of 004 (or of --file).")
    static final class Profiles implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Option(
                names = "--file",
                paramLabel = "FILE",
                description = "Profiles JSON (default: the shipped 12 functions).")
        Path file;

        @Override
        public Integer call() {
            List<FunctionProfile> ps =
                    file == null
                            ? FunctionProfiles.defaults()
                            : FaasCompareExperiment.profiles(file);
            ObjectNode root = Json.object();
            var arr = root.putArray("functions");
            for (FunctionProfile p : ps) {
                ObjectNode o = arr.addObject();
                o.put("name", p.name());
                o.put("class", p.functionClass().jsonName());
                o.put("memory_mb", p.memoryMb());
                o.put("cpu_demand", p.cpuDemand());
                o.put("mean_service_ms", p.service().mean());
                o.put("p99_service_ms", p.service().quantile(0.99));
                o.put("cold_start_ms", p.coldStartMs());
                if (p.service() instanceof ServiceTime.LogNormal ln) {
                    o.put(
                            "service",
                            "lognormal(median " + ln.medianMs() + " ms, sigma " + ln.sigma() + ")");
                } else {
                    o.put("service", p.service().toString());
                }
            }
            json.print(
                    spec.commandLine().getOut(),
                    root,
                    w -> {
                        w.printf(
                                Locale.ROOT,
                                "%-19s %-6s %7s %6s %10s %10s %9s%n",
                                "function",
                                "class",
                                "mem MB",
                                "cores",
                                "mean ms",
                                "p99 ms",
                                "cold ms");
                        for (FunctionProfile p : ps) {
                            w.printf(
                                    Locale.ROOT,
                                    "%-19s %-6s %7d %6.1f %10.1f %10.1f %9.0f%n",
                                    p.name(),
                                    p.functionClass().jsonName(),
                                    p.memoryMb(),
                                    p.cpuDemand(),
                                    p.service().mean(),
                                    p.service().quantile(0.99),
                                    p.coldStartMs());
                        }
                    });
            return ExitCode.OK;
        }
    }
}
