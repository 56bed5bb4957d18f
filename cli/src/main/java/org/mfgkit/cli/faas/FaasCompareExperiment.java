package org.mfgkit.cli.faas;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.output.TextFiles;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Curve;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.faas.AzureTrace;
import org.mfgkit.faas.ClusterSpec;
import org.mfgkit.faas.EnsureManager;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.FaasParams;
import org.mfgkit.faas.FunctionProfile;
import org.mfgkit.faas.FunctionProfiles;
import org.mfgkit.faas.ManagerEvaluation;
import org.mfgkit.faas.TraceReplay;

/**
 * {@code faas-compare} (issue 6; 004 Appendix E): trains the learning resource managers on the
 * training rows and minutes of a trace in the Azure Functions 2019 schema, evaluates every manager
 * on held-out rows and minutes, and writes {@code result.json} (under {@code result}: calibrated
 * targets, training logs, {@code managers.<name>} with the headline metrics, per-function
 * breakdowns and time series, and a verdict per learned manager) plus PNG plots of latency, QoS
 * violations, utilisation and training over time. Config: see {@code experiments/faas-compare.json}
 * and {@code serverless-sim/README.md}.
 */
public final class FaasCompareExperiment implements Experiment {
    @Override
    public String name() {
        return "faas-compare";
    }

    @Override
    public String description() {
        return "serverless FaaS cluster (004 App. E): OpenWhisk default vs ENSURE vs NAC-Linear vs NAC-NN on a held-out trace";
    }

    /** The config parsed into a comparison spec (validated; no simulation yet). */
    public static FaasComparison.Spec spec(JsonNode json) {
        Config c = Config.of(json);
        List<String> allowed =
                new ArrayList<>(
                        List.of(
                                "experiment",
                                "seed",
                                "cluster",
                                "profiles",
                                "trace",
                                "load",
                                "normalisation",
                                "platform",
                                "train",
                                "eval",
                                "managers",
                                "ensure",
                                "ensure_tuning",
                                "nac_linear",
                                "nac_nn",
                                "sweep"));
        c.allowOnly(allowed.toArray(new String[0]));
        long seed = c.integer("seed", 2019);
        ClusterSpec cluster = ClusterSpec.defaults();
        if (c.has("cluster")) {
            Config cc = c.object("cluster");
            cc.allowOnly("nodes", "cores", "memory_mb");
            cluster =
                    new ClusterSpec(
                            cc.integer("nodes", cluster.nodes()),
                            cc.integer("cores", cluster.cores()),
                            cc.integer("memory_mb", cluster.memoryMb()));
        }
        FaasParams params =
                FaasParams.of(
                        values(FaasParams.SCHEMA, c.has("platform") ? c.object("platform") : null));
        EnsureManager ensure =
                EnsureManager.of(
                        values(EnsureManager.SCHEMA, c.has("ensure") ? c.object("ensure") : null));
        List<FunctionProfile> profiles =
                c.has("profiles")
                        ? profiles(existing(c.string("profiles"), "profiles"))
                        : FunctionProfiles.defaults();
        AzureTrace trace = trace(c.string("trace", "azure-2019-synthetic.csv"));
        Config t = c.object("train");
        t.allowOnly("rows", "start_minute", "minutes", "episode_minutes", "seeds");
        Config e = c.object("eval");
        e.allowOnly("rows", "start_minute", "minutes", "warmup_minutes", "seeds");
        List<String> managers =
                c.has("managers") ? c.strings("managers") : FaasComparison.KNOWN_MANAGERS;
        Map<String, FaasComparison.Learner> learners = new LinkedHashMap<>();
        Learners.configure(c, managers, learners, ensure);
        return new FaasComparison.Spec(
                seed,
                cluster,
                params,
                profiles,
                trace,
                c.number("load", 0.15),
                window(t, "train"),
                t.integer("episode_minutes", 30),
                window(e, "eval"),
                e.integer("warmup_minutes", 10),
                e.integer("seeds", 3),
                t.integer("seeds", 1),
                managers,
                learners,
                TraceReplay.Normalisation.of(c.string("normalisation", "native")),
                ensure);
    }

    /**
     * The values of {@code schema} with the fields of {@code section} (defaults where absent; an
     * unknown field is an error naming the known ones).
     */
    static ParamValues values(ParamSchema schema, Config section) {
        ParamValues v = schema.defaults();
        if (section == null) {
            return v;
        }
        section.allowOnly(schema.names().toArray(new String[0]));
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = section.node().fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            v = v.withJson(e.getKey(), json(e.getValue()));
        }
        return v;
    }

    /** A JSON scalar as the object {@link org.mfgkit.core.param.Param#fromJson} takes. */
    static Object json(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(json(x)));
            return out;
        }
        return n.asText();
    }

    private static FaasComparison.Window window(Config w, String name) {
        JsonNode rows = w.node().get("rows");
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw new IllegalArgumentException(
                    "config field \""
                            + name
                            + "\": \"rows\" must be a non-empty list of trace row indices");
        }
        int[] r = new int[rows.size()];
        for (int i = 0; i < r.length; i++) {
            if (!rows.get(i).canConvertToInt() || !rows.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "config field \""
                                + name
                                + "\": rows["
                                + i
                                + "] must be an integer, got "
                                + rows.get(i));
            }
            r[i] = rows.get(i).intValue();
        }
        return new FaasComparison.Window(r, w.integer("start_minute"), w.integer("minutes"));
    }

    /** A trace file path, or the name of a trace shipped with serverless-sim. */
    static AzureTrace trace(String name) {
        Path p = Path.of(name);
        if (Files.isRegularFile(p)) {
            try {
                return AzureTrace.parse(new StringReader(TextFiles.read(p, "a trace file")), name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read trace " + name + ": " + e, e);
            }
        }
        if (AzureTrace.class.getResource(name) != null) {
            return AzureTrace.resource(name);
        }
        throw new IllegalArgumentException(
                "config field \"trace\": no file "
                        + name
                        + " and no shipped trace of that name (shipped: azure-2019-synthetic.csv)");
    }

    /** The function profiles of a JSON file (read by {@link TextFiles}). */
    public static List<FunctionProfile> profiles(Path file) {
        try {
            return FunctionProfiles.parse(
                    TextFiles.read(file, "a JSON file of function profiles"), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read function profiles " + file + ": " + e, e);
        }
    }

    private static Path existing(String name, String field) {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("config field \"" + field + "\": no file " + name);
        }
        return p;
    }

    @Override
    public Object run(JsonNode config, RunContext ctx) throws Exception {
        if (config.has("sweep")) {
            throw new IllegalArgumentException(
                    "config field \"sweep\" belongs to a faas-sweep experiment");
        }
        FaasComparison.Spec spec = spec(config);
        ProgressListener listener = new ProgressListener(ctx);
        FaasComparison.Result r;
        try {
            r = FaasComparison.run(spec, listener, ctx.threads());
        } finally {
            listener.close();
        }
        writePlots(ctx.writer(), r);
        return Report.of(spec, r);
    }

    /** One progress bar for all training iterations, one for all evaluation intervals. */
    private static final class ProgressListener implements FaasComparison.Listener {
        private final RunContext ctx;
        private final Map<String, Integer> training = new LinkedHashMap<>();
        private Progress train;
        private Progress eval;

        ProgressListener(RunContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public synchronized void trainingStarted(String name, int iterations) {
            training.put(name, iterations);
        }

        @Override
        public void trainingStep(String name) {
            Progress p;
            synchronized (this) {
                if (train == null) {
                    int total = training.values().stream().mapToInt(Integer::intValue).sum();
                    train =
                            ctx.progress()
                                    .start(
                                            "faas training " + String.join("+", training.keySet()),
                                            total,
                                            "iterations");
                }
                p = train;
            }
            p.step();
        }

        @Override
        public synchronized void evaluationStarted(int managers, int intervals) {
            if (train != null) {
                train.close();
            }
            eval =
                    ctx.progress()
                            .start("faas evaluation", (long) managers * intervals, "intervals");
        }

        @Override
        public void evaluationStep() {
            eval.step();
        }

        synchronized void close() {
            if (train != null) {
                train.close();
            }
            if (eval != null) {
                eval.close();
            }
        }
    }

    private static void writePlots(ResultWriter out, FaasComparison.Result r) throws Exception {
        List<Curve> p99 = new ArrayList<>();
        List<Curve> viol = new ArrayList<>();
        List<Curve> util = new ArrayList<>();
        List<Curve> cluster = new ArrayList<>();
        List<Curve> mem = new ArrayList<>();
        List<Curve> containers = new ArrayList<>();
        for (Map.Entry<String, ManagerEvaluation.ManagerMetrics> e : r.managers().entrySet()) {
            ManagerEvaluation.TimeSeries s = e.getValue().series();
            p99.add(Curve.single(e.getKey(), s.minutes(), s.p99Ms()));
            viol.add(Curve.single(e.getKey(), s.minutes(), s.qosViolationRate()));
            util.add(Curve.single(e.getKey(), s.minutes(), s.cpuUtilization()));
            cluster.add(Curve.single(e.getKey(), s.minutes(), s.clusterCpuUtilization()));
            mem.add(Curve.single(e.getKey(), s.minutes(), s.memoryUtilization()));
            containers.add(Curve.single(e.getKey(), s.minutes(), s.containers()));
        }
        String x = "minutes of the held-out trace (after warm-up)";
        out.plotLines(
                "latency.png",
                PlotSpec.of(
                                "p99 latency per control interval, all functions",
                                x,
                                "p99 latency (ms)")
                        .withLogY(true),
                p99);
        out.plotLines(
                "violations.png",
                PlotSpec.of(
                        "QoS-violation rate per control interval", x, "violations / completions"),
                viol);
        out.plotLines(
                "utilization.png",
                PlotSpec.of(
                        "CPU utilisation of the functions' containers",
                        x,
                        "CPU used / (demand x container time)"),
                util);
        out.plotLines(
                "cluster-cpu.png",
                PlotSpec.of("cluster CPU utilisation", x, "CPU used / cluster cores"),
                cluster);
        out.plotLines(
                "memory.png",
                PlotSpec.of(
                        "memory utilisation (containers)", x, "container memory / cluster memory"),
                mem);
        out.plotLines(
                "containers.png", PlotSpec.of("live containers", x, "containers"), containers);
        if (!r.training().isEmpty()) {
            List<Curve> tr = new ArrayList<>();
            for (Map.Entry<String, List<FaasComparison.TrainingLog>> e : r.training().entrySet()) {
                List<double[]> runs = new ArrayList<>();
                double[] xs = null;
                for (FaasComparison.TrainingLog log : e.getValue()) {
                    double[] y = log.meanReward();
                    xs = Curve.range(y.length);
                    for (int i = 0; i < xs.length; i++) {
                        xs[i] += 1;
                    }
                    runs.add(trailingMean(y, 10));
                }
                tr.add(Curve.of(e.getKey(), xs, runs));
            }
            out.plot(
                    "training.png",
                    PlotSpec.of(
                            "training reward (trailing 10-iteration mean; band: min..max over runs)",
                            "iteration",
                            "mean agent reward"),
                    tr,
                    org.mfgkit.core.Curve.Band.MIN_MAX);
        }
    }

    /** {@code out[i]} = mean of {@code y[max(0, i-w+1) .. i]}. */
    static double[] trailingMean(double[] y, int w) {
        double[] out = new double[y.length];
        double sum = 0.0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i];
            if (i >= w) {
                sum -= y[i - w];
            }
            out[i] = sum / Math.min(i + 1, w);
        }
        return out;
    }
}
