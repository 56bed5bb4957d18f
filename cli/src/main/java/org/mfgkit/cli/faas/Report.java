package org.mfgkit.cli.faas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mfgkit.faas.EnsureManager;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.ManagerEvaluation;
import org.mfgkit.faas.PairedComparison;

/**
 * The {@code result} of {@code faas-compare} in {@code result.json} (snake_case keys).
 *
 * @param seed master seed
 * @param evalSeeds seeds of the shared evaluation episodes (every manager sees the same ones)
 * @param load offered CPU load (fraction of the cluster's cores)
 * @param normalisation how trace rows were scaled to the load
 * @param platform the platform parameters (every declared one)
 * @param ensure ENSURE's settings under {@code ensure}
 * @param train training window
 * @param eval held-out evaluation window
 * @param targets calibrated QoS targets
 * @param training training logs of the learning managers, one per training run
 * @param managers evaluation of every manager: headline metrics, per-function breakdown, time
 *     series
 * @param comparisons paired comparisons of every manager against OpenWhisk and ENSURE
 * @param warnings one line per manager or function without a completed invocation in the evaluation
 *     window (its {@code p50_ms}, {@code p99_ms} and {@code qos_violation_rate} are {@code null});
 *     {@code mfgkit run} prints them and copies them to {@code result.json}'s {@code warnings}
 */
public record Report(
        long seed,
        long[] evalSeeds,
        double load,
        String normalisation,
        Map<String, Object> platform,
        EnsureManager ensure,
        ReportedWindow train,
        ReportedWindow eval,
        List<FaasComparison.Target> targets,
        Map<String, List<FaasComparison.TrainingLog>> training,
        Map<String, ManagerEvaluation.ManagerMetrics> managers,
        List<PairedComparison> comparisons,
        List<String> warnings) {

    /**
     * A replayed window of the trace.
     *
     * @param rows trace rows, one per function
     * @param startMinute first minute
     * @param minutes length
     * @param episodeMinutes training episode length (0 for the evaluation window)
     * @param warmupMinutes unrecorded warm-up (0 for the training window)
     * @param seeds evaluation seeds, or training runs for the training window
     */
    public record ReportedWindow(
            int[] rows,
            int startMinute,
            int minutes,
            int episodeMinutes,
            int warmupMinutes,
            int seeds) {}

    static Report of(FaasComparison.Spec spec, FaasComparison.Result r) {
        return new Report(
                r.seed(),
                r.evalSeeds(),
                spec.load(),
                spec.normalisation().label(),
                spec.params().values().echo(),
                spec.ensure(),
                new ReportedWindow(
                        spec.train().rows(),
                        spec.train().startMinute(),
                        spec.train().minutes(),
                        spec.episodeMinutes(),
                        0,
                        spec.trainSeeds()),
                new ReportedWindow(
                        spec.eval().rows(),
                        spec.eval().startMinute(),
                        spec.eval().minutes(),
                        0,
                        spec.warmupMinutes(),
                        spec.evalSeeds()),
                r.targets(),
                r.training(),
                r.managers(),
                r.comparisons(),
                warnings(spec, r.managers()));
    }

    /**
     * The warnings of an evaluation: a manager without any completed invocation, and each function
     * without one (with the managers concerned).
     */
    static List<String> warnings(
            FaasComparison.Spec spec, Map<String, ManagerEvaluation.ManagerMetrics> managers) {
        int from = spec.eval().startMinute() + spec.warmupMinutes();
        String window =
                "in the evaluation window (minutes ["
                        + from
                        + ", "
                        + (spec.eval().startMinute() + spec.eval().minutes())
                        + ") of trace "
                        + spec.trace().source()
                        + ")";
        List<String> out = new ArrayList<>();
        managers.forEach(
                (name, m) -> {
                    if (m.completions() == 0) {
                        out.add(
                                "manager "
                                        + name
                                        + ": no completed invocation "
                                        + window
                                        + "; its p50_ms, p99_ms and qos_violation_rate are null");
                    }
                });
        for (int f = 0; f < spec.profiles().size(); f++) {
            List<String> idle = new ArrayList<>();
            for (Map.Entry<String, ManagerEvaluation.ManagerMetrics> e : managers.entrySet()) {
                if (e.getValue().completions() > 0
                        && e.getValue().functions().get(f).completions() == 0) {
                    idle.add(e.getKey());
                }
            }
            if (!idle.isEmpty()) {
                out.add(
                        "function "
                                + spec.profiles().get(f).name()
                                + " (trace row "
                                + spec.eval().rows()[f]
                                + ") has no completed invocation "
                                + window
                                + " under "
                                + String.join(", ", idle)
                                + "; its p50_ms, p99_ms and qos_violation_rate are null");
            }
        }
        return List.copyOf(out);
    }
}
