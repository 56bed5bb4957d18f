package org.mfgkit.cli.faas;

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
 * @param verdicts per learned manager: does it beat OpenWhisk on QoS violations at equal or better
 *     CPU utilisation?
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
        List<PairedComparison> comparisons) {

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
                r.comparisons());
    }
}
