package org.mfgkit.faas;

import java.util.List;

/**
 * The workload of the simulator's speed measurement (SPEC §5 "Speed"; JMH {@code FaasBenchmark} and
 * {@code mfgkit bench faas/invocations}): the default 21-node cluster, the 12 shipped profiles, and
 * Poisson arrivals by which every function offers the same share of {@code load} of the cluster's
 * cores (high load: {@link #HIGH_LOAD}). Metrics are harvested every simulated control interval (30
 * s), as {@link FaasEnvironment} does, so their cost (p50/p99 selection) is included. The invokers'
 * user memory is the node's and all 21 invokers are managed, as in the first pass's measurement
 * (with OpenWhisk's 2048 MB the pools cannot hold 60% of the cores' work and the run buffers grow
 * without bound, which would measure queueing, not the simulator).
 */
public final class ThroughputWorkload {
    /** "High load": 60% of the cluster's cores offered on average. */
    public static final double HIGH_LOAD = 0.6;

    private final ClusterSimulator sim;
    private final double harvestEveryMs;
    private double lastHarvest;

    /** Builds the workload, resets it with {@code seed} and simulates 5 minutes of warm-up. */
    public ThroughputWorkload(double load, long seed) {
        if (!(load > 0.0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("load must be finite and > 0, got " + load);
        }
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        ClusterSpec cluster = ClusterSpec.defaults();
        FaasParams params =
                FaasParams.defaults()
                        .with(FaasParams.USER_MEMORY_MB, null)
                        .with(FaasParams.MANAGED_FRACTION, 1.0);
        double[] rates = new double[fns.size()];
        for (int f = 0; f < rates.length; f++) {
            rates[f] =
                    load
                            * cluster.totalCores()
                            / rates.length
                            / (fns.get(f).meanWorkCoreMs() / 1000.0);
        }
        sim = new ClusterSimulator(cluster, fns, params, PoissonArrivals.constant(rates));
        harvestEveryMs = params.controlIntervalMs();
        sim.reset(seed);
        sim.runUntil(300_000.0);
        sim.harvest();
        lastHarvest = sim.now();
    }

    /**
     * Simulates until {@code invocations} more invocations completed; returns the simulated time
     * (ms).
     */
    public double run(long invocations) {
        long left = invocations;
        while (left > 0) {
            long chunk = Math.min(left, 1000);
            sim.runCompletions(chunk);
            left -= chunk;
            if (sim.now() - lastHarvest >= harvestEveryMs) {
                sim.harvest();
                lastHarvest = sim.now();
            }
        }
        return sim.now();
    }

    /** The simulator. */
    public ClusterSimulator simulator() {
        return sim;
    }
}
