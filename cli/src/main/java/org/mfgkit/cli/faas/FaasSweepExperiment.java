package org.mfgkit.cli.faas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Curve;
import org.mfgkit.core.param.Param;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.FaasParams;
import org.mfgkit.faas.FaasSweep;
import org.mfgkit.faas.ManagerEvaluation;

/**
 * {@code faas-sweep} (issue 12): the {@code faas-compare} protocol at every (load, invoker user
 * memory) of {@code sweep.loads} x {@code sweep.user_memory_mb} ({@code "node"} = the node's
 * memory), by {@link FaasSweep}. Writes {@code result.json} ({@code cells}: per cell the whole
 * faas-compare report) and, per user memory, the QoS-violation rate and the CPU utilisation of
 * every manager against the load.
 */
public final class FaasSweepExperiment implements Experiment {
    private static final Param<double[]> LOADS =
            Param.vector("loads", new double[] {0.15, 0.3, 0.6}, "offered loads of the sweep");

    @Override
    public String name() {
        return "faas-sweep";
    }

    @Override
    public String description() {
        return "serverless FaaS cluster: the faas-compare protocol over load x invoker user memory";
    }

    @Override
    public Object run(JsonNode config, RunContext ctx) throws Exception {
        FaasComparison.Spec base = FaasCompareExperiment.spec(config);
        Config c = Config.of(config);
        List<Double> loads = new ArrayList<>();
        List<Integer> mems = new ArrayList<>();
        if (c.has("sweep")) {
            Config s = c.object("sweep");
            s.allowOnly("loads", "user_memory_mb");
            for (double l : LOADS.fromJson(FaasCompareExperiment.json(s.node().get("loads")))) {
                loads.add(l);
            }
            JsonNode m = s.node().get("user_memory_mb");
            if (m != null) {
                for (JsonNode x : m) {
                    mems.add(FaasParams.USER_MEMORY_MB.fromJson(FaasCompareExperiment.json(x)));
                }
            }
        }
        if (loads.isEmpty()) {
            for (double l : LOADS.defaultValue()) {
                loads.add(l);
            }
        }
        if (mems.isEmpty()) {
            mems.add(2048);
            mems.add(null);
        }
        Progress[] bar = new Progress[1];
        List<FaasSweep.Cell> cells =
                FaasSweep.run(
                        base,
                        loads,
                        mems,
                        new FaasSweep.CellListener() {
                            @Override
                            public void cellStarted(
                                    int index, int count, double load, Integer mem) {
                                if (bar[0] == null) {
                                    bar[0] = ctx.progress().start("faas sweep", count, "cells");
                                } else {
                                    bar[0].step();
                                }
                            }
                        },
                        ctx.threads());
        if (bar[0] != null) {
            bar[0].step();
            bar[0].close();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (FaasSweep.Cell cell : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("load", cell.load());
            m.put("user_memory_mb", cell.userMemoryLabel());
            FaasComparison.Spec spec =
                    base.withLoad(cell.load())
                            .withParams(
                                    base.params()
                                            .with(FaasParams.USER_MEMORY_MB, cell.userMemoryMb()));
            Report report = Report.of(spec, cell.result());
            m.put("report", report);
            out.add(m);
            for (String w : report.warnings()) {
                warnings.add(
                        "load "
                                + cell.load()
                                + ", user memory "
                                + cell.userMemoryLabel()
                                + ": "
                                + w);
            }
        }
        for (Integer mem : mems) {
            String label = mem == null ? "node" : mem.toString();
            Map<String, double[][]> viol = new LinkedHashMap<>();
            Map<String, double[][]> util = new LinkedHashMap<>();
            List<Double> xs = new ArrayList<>();
            for (FaasSweep.Cell cell : cells) {
                if (!label.equals(cell.userMemoryLabel())) {
                    continue;
                }
                xs.add(cell.load());
                for (Map.Entry<String, ManagerEvaluation.ManagerMetrics> e :
                        cell.result().managers().entrySet()) {
                    viol.computeIfAbsent(e.getKey(), k -> new double[1][0]);
                    util.computeIfAbsent(e.getKey(), k -> new double[1][0]);
                    viol.get(e.getKey())[0] =
                            append(viol.get(e.getKey())[0], e.getValue().qosViolationRate());
                    util.get(e.getKey())[0] =
                            append(util.get(e.getKey())[0], e.getValue().cpuUtilization());
                }
            }
            double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
            List<Curve> vc = new ArrayList<>();
            List<Curve> uc = new ArrayList<>();
            for (String k : viol.keySet()) {
                vc.add(Curve.single(k, x, viol.get(k)[0]));
                uc.add(Curve.single(k, x, util.get(k)[0]));
            }
            ctx.writer()
                    .plotLines(
                            "sweep-violations-" + label + ".png",
                            PlotSpec.of(
                                    "QoS-violation rate, user memory " + label,
                                    "offered load (fraction of the cluster's cores)",
                                    "violations / completions"),
                            vc);
            ctx.writer()
                    .plotLines(
                            "sweep-utilization-" + label + ".png",
                            PlotSpec.of(
                                    "CPU utilisation (used / entitled), user memory " + label,
                                    "offered load (fraction of the cluster's cores)",
                                    "CPU used / entitled CPU"),
                            uc);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cells", out);
        result.put("warnings", warnings);
        return result;
    }

    private static double[] append(double[] a, double v) {
        double[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
