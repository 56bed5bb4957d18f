package org.mfgkit.cli.faas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.ManagerEvaluation;

/**
 * The {@code result} of {@code faas-compare} in {@code result.json} (snake_case keys).
 *
 * @param seed master seed
 * @param evalSeeds seeds of the shared evaluation episodes (every manager sees the same ones)
 * @param load offered CPU load (fraction of the cluster's cores)
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
        Window train,
        Window eval,
        List<FaasComparison.Target> targets,
        Map<String, List<FaasComparison.TrainingLog>> training,
        Map<String, ManagerEvaluation.Result> managers,
        List<Verdict> verdicts) {

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
    public record Window(
            int[] rows,
            int startMinute,
            int minutes,
            int episodeMinutes,
            int warmupMinutes,
            int seeds) {}

    /**
     * @param manager learned or heuristic manager compared with OpenWhisk
     * @param qosViolationRate its violation rate
     * @param openwhiskQosViolationRate OpenWhisk's
     * @param cpuUtilization its container CPU utilisation
     * @param openwhiskCpuUtilization OpenWhisk's
     * @param fewerViolations strictly fewer violations than OpenWhisk (pooled over the seeds)
     * @param cpuUtilizationNotWorse CPU utilisation at least OpenWhisk's
     * @param beatsOpenwhisk both
     * @param violationDifferencePerSeed its violation rate minus OpenWhisk's, per evaluation
     *     episode (training run-major; paired: the same arrival and service-time streams)
     * @param violationDifferenceMean mean of those differences
     * @param violationDifferenceSe standard error of that mean over the independent units: the
     *     training runs' mean differences when there are several runs, else the episodes
     * @param fewerOnEverySeed the difference is negative on every episode
     * @param violationDifferencePerRun mean difference of each training run (one entry for
     *     untrained managers)
     * @param runsWithFewerViolations training runs whose mean difference is negative
     * @param significant {@code mean + t(0.975, units-1) se < 0}: fewer violations beyond the
     *     run-to-run (or seed-to-seed) spread, two-sided 95%
     */
    public record Verdict(
            String manager,
            double qosViolationRate,
            double openwhiskQosViolationRate,
            double cpuUtilization,
            double openwhiskCpuUtilization,
            boolean fewerViolations,
            boolean cpuUtilizationNotWorse,
            boolean beatsOpenwhisk,
            double[] violationDifferencePerSeed,
            double violationDifferenceMean,
            double violationDifferenceSe,
            boolean fewerOnEverySeed,
            double[] violationDifferencePerRun,
            int runsWithFewerViolations,
            boolean significant) {}

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
                java.util.Map<Long, Double> base = new java.util.HashMap<>();
                for (var sd : ow.seeds()) {
                    base.put(sd.seed(), sd.qosViolationRate());
                }
                int k = m.seeds().size();
                double[] diff = new double[k];
                double mean = 0.0;
                boolean every = k > 0;
                int runs = 0;
                for (var sd : m.seeds()) {
                    runs = Math.max(runs, sd.run() + 1);
                }
                double[] perRun = new double[runs];
                int[] perRunCount = new int[runs];
                for (int i = 0; i < k; i++) {
                    var sd = m.seeds().get(i);
                    diff[i] = sd.qosViolationRate() - base.get(sd.seed());
                    mean += diff[i] / k;
                    every &= diff[i] < 0.0;
                    perRun[sd.run()] += diff[i];
                    perRunCount[sd.run()]++;
                }
                int better = 0;
                for (int run = 0; run < runs; run++) {
                    perRun[run] /= Math.max(1, perRunCount[run]);
                    better += perRun[run] < 0.0 ? 1 : 0;
                }
                double[] units = runs > 1 ? perRunMeans(diff, m) : diff;
                int u = units.length;
                double var = 0.0;
                for (double x : units) {
                    var += (x - mean) * (x - mean) / Math.max(1, u - 1);
                }
                double se = u > 1 ? Math.sqrt(var / u) : 0.0;
                double t =
                        u > 1
                                ? new org.apache.commons.math3.distribution.TDistribution(
                                                null, u - 1)
                                        .inverseCumulativeProbability(0.975)
                                : Double.POSITIVE_INFINITY;
                verdicts.add(
                        new Verdict(
                                e.getKey(),
                                m.qosViolationRate(),
                                ow.qosViolationRate(),
                                m.cpuUtilization(),
                                ow.cpuUtilization(),
                                fewer,
                                cpu,
                                fewer && cpu,
                                diff,
                                mean,
                                se,
                                every,
                                perRun,
                                better,
                                u > 1 && mean + t * se < 0.0));
            }
        }
        return new Report(
                r.seed(),
                r.evalSeeds(),
                spec.load(),
                new Window(
                        spec.train().rows(),
                        spec.train().startMinute(),
                        spec.train().minutes(),
                        spec.episodeMinutes(),
                        0,
                        spec.trainSeeds()),
                new Window(
                        spec.eval().rows(),
                        spec.eval().startMinute(),
                        spec.eval().minutes(),
                        0,
                        spec.warmupMinutes(),
                        spec.evalSeeds()),
                r.targets(),
                r.training(),
                r.managers(),
                verdicts);
    }

    /** The mean difference of each training run (episodes of a run weigh equally). */
    private static double[] perRunMeans(double[] diff, ManagerEvaluation.Result m) {
        int runs = 0;
        for (var sd : m.seeds()) {
            runs = Math.max(runs, sd.run() + 1);
        }
        double[] sum = new double[runs];
        int[] n = new int[runs];
        for (int i = 0; i < diff.length; i++) {
            int r = m.seeds().get(i).run();
            sum[r] += diff[i];
            n[r]++;
        }
        for (int r = 0; r < runs; r++) {
            sum[r] /= Math.max(1, n[r]);
        }
        return sum;
    }
}
