package org.mfgkit.faas;

import java.util.Arrays;
import java.util.List;

/**
 * QoS targets from a calibration run (004 Appendix E: "the 99th percentile latency when running in
 * isolation ... with 15% relaxation"). Each function runs alone on the cluster with enough reserved
 * warm containers that no request waits or cold-starts, under Poisson arrivals offering {@code
 * offeredLoad} busy containers on average; after a warm-up, the p99 (nearest rank) of {@code
 * samples} completions is its isolated p99 and the target is {@code qosRelaxation x p99}. With no
 * contention this p99 estimates the service-time quantile {@code F_S^{-1}(0.99)}.
 *
 * @param isolatedP99Ms per-function isolated p99 latency (ms)
 * @param targetsMs per-function QoS target (ms)
 * @param samples completions measured per function
 */
public record QosCalibration(double[] isolatedP99Ms, double[] targetsMs, int samples) {
    /** Mean busy containers of the calibration workload. */
    public static final double OFFERED_LOAD = 0.2;

    /** Completions measured per function by default. */
    public static final int DEFAULT_SAMPLES = 20_000;

    public QosCalibration {
        isolatedP99Ms = isolatedP99Ms.clone();
        targetsMs = targetsMs.clone();
    }

    /** Calibrates every function of {@code profiles} on {@code cluster}. */
    public static QosCalibration run(
            ClusterSpec cluster, List<FunctionProfile> profiles, FaasParams params, long seed) {
        return run(cluster, profiles, params, seed, DEFAULT_SAMPLES);
    }

    /** Calibrates with {@code samples} completions per function. */
    public static QosCalibration run(
            ClusterSpec cluster,
            List<FunctionProfile> profiles,
            FaasParams params,
            long seed,
            int samples) {
        if (samples < 100) {
            throw new IllegalArgumentException(
                    "calibration needs at least 100 samples per function, got " + samples);
        }
        int nF = profiles.size();
        double[] p99 = new double[nF];
        double[] targets = new double[nF];
        for (int f = 0; f < nF; f++) {
            FunctionProfile p = profiles.get(f);
            double meanMs = p.service().mean();
            double rate = OFFERED_LOAD / (meanMs / 1000.0);
            ClusterSimulator sim =
                    new ClusterSimulator(
                            cluster, List.of(p), params, PoissonArrivals.constant(rate));
            sim.setKeepLatencies(true);
            sim.reset(org.mfgkit.core.RandomStreams.deriveSeed(seed, f));
            // enough reserved containers that P(more busy than reserved) is negligible for
            // Poisson(0.2)
            // occupancy; at 0.2 busy containers CPU contention on the 8-core home node is
            // negligible too
            sim.setReserved(0, 16);
            double warmup = p.coldStartMs() + 10 * meanMs;
            sim.runUntil(warmup);
            sim.harvest();
            double horizon = warmup + samples / rate * 1000.0 * 1.2;
            sim.runUntil(horizon);
            IntervalMetrics m = sim.harvest();
            float[] lat = m.latencies()[0];
            if (lat.length < samples / 2) {
                throw new IllegalStateException(
                        "calibration of " + p.name() + " produced only " + lat.length + " samples");
            }
            Arrays.sort(lat);
            p99[f] = IntervalMetrics.nearestRank(lat, 0.99);
            targets[f] = params.qosRelaxation() * p99[f];
        }
        return new QosCalibration(p99, targets, samples);
    }
}
