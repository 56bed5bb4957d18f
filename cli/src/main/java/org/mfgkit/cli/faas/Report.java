package org.mfgkit.cli.faas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.ManagerEvaluation;

/**
 * The {@code result} of {@code faas-compare} in {@code result.json} (snake_case keys).
 *
 * @param seed        master seed
 * @param evalSeeds   seeds of the shared evaluation episodes (every manager sees the same ones)
 * @param load        offered CPU load (fraction of the cluster's cores)
 * @param train       training window
 * @param eval        held-out evaluation window
 * @param targets     calibrated QoS targets
 * @param training    training logs of the learning managers
 * @param managers    evaluation of every manager: headline metrics, per-function breakdown, time series
 * @param verdicts    per learned manager: does it beat OpenWhisk on QoS violations at equal or better CPU utilisation?
 */
public record Report(long seed, long[] evalSeeds, double load, Window train, Window eval,
                     List<FaasComparison.Target> targets, Map<String, FaasComparison.TrainingLog> training,
                     Map<String, ManagerEvaluation.Result> managers, List<Verdict> verdicts) {

    /**
     * A replayed window of the trace.
     *
     * @param rows          trace rows, one per function
     * @param startMinute   first minute
     * @param minutes       length
     * @param episodeMinutes training episode length (0 for the evaluation window)
     * @param warmupMinutes unrecorded warm-up (0 for the training window)
     * @param seeds         evaluation seeds (0 for the training window)
     */
    public record Window(int[] rows, int startMinute, int minutes, int episodeMinutes, int warmupMinutes, int seeds) {
    }

    /**
     * @param manager                   learned or heuristic manager compared with OpenWhisk
     * @param qosViolationRate          its violation rate
     * @param openwhiskQosViolationRate OpenWhisk's
     * @param cpuUtilization            its container CPU utilisation
     * @param openwhiskCpuUtilization   OpenWhisk's
     * @param fewerViolations           strictly fewer violations than OpenWhisk (pooled over the seeds)
     * @param cpuUtilizationNotWorse    CPU utilisation at least OpenWhisk's
     * @param beatsOpenwhisk            both
     * @param violationDifferencePerSeed its violation rate minus OpenWhisk's, per evaluation seed (paired:
     *                                   the same arrival and service-time streams)
     * @param violationDifferenceMean   mean of those differences
     * @param violationDifferenceSe     their standard error ({@code sd / sqrt(seeds)}; 0 with one seed)
     * @param fewerOnEverySeed          the difference is negative on every seed
     */
    public record Verdict(String manager, double qosViolationRate, double openwhiskQosViolationRate, double cpuUtilization,
                          double openwhiskCpuUtilization, boolean fewerViolations, boolean cpuUtilizationNotWorse,
                          boolean beatsOpenwhisk, double[] violationDifferencePerSeed, double violationDifferenceMean,
                          double violationDifferenceSe, boolean fewerOnEverySeed) {
    }

    static Report of(FaasComparison.Spec spec, FaasComparison.Result r) {
        List<Verdict> verdicts = new ArrayList<>();
        ManagerEvaluation.Result ow = r.managers().get("openwhisk");
        if (ow != null) {
            for (Map.Entry<String, ManagerEvaluation.Result> e : r.managers().entrySet()) {
                if (e.getKey().equals("openwhisk")) {
                    continue;
                }
                ManagerEvaluation.Result m = e.getValue();
                boolean fewer = m.qosViolationRate() < ow.qosViolationRate();
                boolean cpu = m.cpuUtilization() >= ow.cpuUtilization();
                int k = Math.min(m.seeds().size(), ow.seeds().size());
                double[] diff = new double[k];
                double mean = 0.0;
                boolean every = k > 0;
                for (int i = 0; i < k; i++) {
                    diff[i] = m.seeds().get(i).qosViolationRate() - ow.seeds().get(i).qosViolationRate();
                    mean += diff[i] / k;
                    every &= diff[i] < 0.0;
                }
                double var = 0.0;
                for (int i = 0; i < k; i++) {
                    var += (diff[i] - mean) * (diff[i] - mean) / Math.max(1, k - 1);
                }
                double se = k > 1 ? Math.sqrt(var / k) : 0.0;
                verdicts.add(new Verdict(e.getKey(), m.qosViolationRate(), ow.qosViolationRate(), m.cpuUtilization(),
                        ow.cpuUtilization(), fewer, cpu, fewer && cpu, diff, mean, se, every));
            }
        }
        return new Report(r.seed(), r.evalSeeds(), spec.load(),
                new Window(spec.train().rows(), spec.train().startMinute(), spec.train().minutes(), spec.episodeMinutes(), 0, 0),
                new Window(spec.eval().rows(), spec.eval().startMinute(), spec.eval().minutes(), 0, spec.warmupMinutes(),
                        spec.evalSeeds()),
                r.targets(), r.training(), r.managers(), verdicts);
    }
}
