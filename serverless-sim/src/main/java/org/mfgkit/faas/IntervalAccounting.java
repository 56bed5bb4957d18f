package org.mfgkit.faas;

import java.util.Arrays;

/**
 * What the simulator counts between two harvests ({@link ClusterSimulator#harvest}): arrivals,
 * completions, violations, cold starts, pre-warms, evictions and latencies per function; the CPU
 * its jobs received; its live container time; and its <b>entitled CPU</b>, the CPU its containers
 * hold by their {@code cpu.shares} (and quota):
 *
 * <pre>
 *   entitled_f = ∫ sum_n live_{n,f}(t) · min(cap_f(t), C · w_f(t) / W_n(t)) dt,
 *   W_n(t) = sum_g live_{n,g}(t) · w_g(t),
 * </pre>
 *
 * with {@code live_{n,f}} f's live containers on node n (starting, idle or busy), {@code C} the
 * node's cores, {@code w} the {@code cpu.shares} and {@code cap_f = min(cpuDemand_f, quota_f)}:
 * each container's guaranteed share of its node when every container there competes (CFS weights),
 * never more than it can use. Raising one's shares raises it exactly when the node is crowded
 * enough for the shares to matter.
 */
final class IntervalAccounting {
    private final int nN;
    private final int nF;
    private final double cores;

    // bound views of the simulator's state
    private int[] live;
    private int[] shares;
    private double[] cap;
    private int[] containerCount;

    double intervalStart;
    final int[] arrivals;
    final int[] completions;
    final int[] violations;
    final int[] coldStarts;
    final int[] prewarms;
    final int[] evictions;
    final double[] latencySum;
    final double[] usedCoreMs;
    final double[] containerMs;
    final double[] entitledCoreMs;
    private final double[] countSince;
    private final double[] entSince;
    private final double[] pressureAtStart;
    private final float[][] lat;
    private final int[] latCount;
    long totalCompletions;

    IntervalAccounting(int nodes, int functions, double cores) {
        this.nN = nodes;
        this.nF = functions;
        this.cores = cores;
        arrivals = new int[nF];
        completions = new int[nF];
        violations = new int[nF];
        coldStarts = new int[nF];
        prewarms = new int[nF];
        evictions = new int[nF];
        latencySum = new double[nF];
        usedCoreMs = new double[nF];
        containerMs = new double[nF];
        entitledCoreMs = new double[nF];
        countSince = new double[nF];
        entSince = new double[nN];
        pressureAtStart = new double[nN];
        lat = new float[nF][256];
        latCount = new int[nF];
    }

    /** The arrays the entitlement is computed from (owned by the pool and the simulator). */
    void bind(
            int[] liveByNodeFunction, int[] sharesByFunction, double[] capByFunction, int[] count) {
        this.live = liveByNodeFunction;
        this.shares = sharesByFunction;
        this.cap = capByFunction;
        this.containerCount = count;
    }

    void reset() {
        intervalStart = 0.0;
        totalCompletions = 0;
        Arrays.fill(countSince, 0.0);
        Arrays.fill(entSince, 0.0);
        Arrays.fill(pressureAtStart, 0.0);
        clear();
    }

    void clear() {
        Arrays.fill(arrivals, 0);
        Arrays.fill(completions, 0);
        Arrays.fill(violations, 0);
        Arrays.fill(coldStarts, 0);
        Arrays.fill(prewarms, 0);
        Arrays.fill(evictions, 0);
        Arrays.fill(latencySum, 0.0);
        Arrays.fill(usedCoreMs, 0.0);
        Arrays.fill(containerMs, 0.0);
        Arrays.fill(entitledCoreMs, 0.0);
        Arrays.fill(latCount, 0);
    }

    /** A container of f on n is about to be created or destroyed at {@code now}. */
    void beforeContainerChange(int n, int f, double now) {
        flushCount(f, now);
        flushNode(n, now);
    }

    /** Shares or caps are about to change at {@code now}. */
    void beforeControlChange(double now) {
        for (int n = 0; n < nN; n++) {
            flushNode(n, now);
        }
    }

    void flushCount(int f, double now) {
        containerMs[f] += containerCount[f] * (now - countSince[f]);
        countSince[f] = now;
    }

    private void flushNode(int n, double now) {
        double dt = now - entSince[n];
        entSince[n] = now;
        if (dt <= 0.0) {
            return;
        }
        int base = n * nF;
        double w = 0.0;
        for (int f = 0; f < nF; f++) {
            w += live[base + f] * (double) shares[f];
        }
        if (w <= 0.0) {
            return;
        }
        for (int f = 0; f < nF; f++) {
            int k = live[base + f];
            if (k > 0) {
                entitledCoreMs[f] += dt * k * Math.min(cap[f], cores * shares[f] / w);
            }
        }
    }

    /** Brings container time and entitlement of every function and node up to {@code now}. */
    void flushAll(double now) {
        for (int f = 0; f < nF; f++) {
            flushCount(f, now);
        }
        beforeControlChange(now);
    }

    void evicted(int f) {
        evictions[f]++;
    }

    void prewarmed(int f) {
        prewarms[f]++;
    }

    /** A request of f completed with {@code latency} (ms) against {@code target}. */
    void completed(int f, double latency, double target, boolean cold) {
        completions[f]++;
        totalCompletions++;
        latencySum[f] += latency;
        if (latency > target) {
            violations[f]++;
        }
        if (cold) {
            coldStarts[f]++;
        }
        float[] l = lat[f];
        if (latCount[f] == l.length) {
            l = Arrays.copyOf(l, 2 * l.length);
            lat[f] = l;
        }
        l[latCount[f]++] = (float) latency;
    }

    /** p50 and p99 (nearest rank) of f's latencies this interval, 0 without completions. */
    double[] quantiles(int f) {
        int k = latCount[f];
        if (k == 0) {
            return new double[2];
        }
        float[] work = Arrays.copyOf(lat[f], k);
        double p99 = IntervalMetrics.select(work, IntervalMetrics.rankIndex(k, 0.99));
        double p50 = IntervalMetrics.select(work, IntervalMetrics.rankIndex(k, 0.50));
        return new double[] {p50, p99};
    }

    /** This interval's latencies of f, a copy. */
    float[] latencies(int f) {
        return Arrays.copyOf(lat[f], latCount[f]);
    }

    /**
     * Mean {@code cpu.shares} of the other functions' containers on the nodes that host f's
     * containers now (weighted by f's containers per node); 0 when f has none or is alone.
     */
    double colocatedShares(int f) {
        double num = 0.0;
        double den = 0.0;
        for (int n = 0; n < nN; n++) {
            int base = n * nF;
            int mine = live[base + f];
            if (mine == 0) {
                continue;
            }
            double w = 0.0;
            int k = 0;
            for (int g = 0; g < nF; g++) {
                if (g != f) {
                    w += live[base + g] * (double) shares[g];
                    k += live[base + g];
                }
            }
            if (k > 0) {
                num += mine * (w / k);
                den += mine;
            }
        }
        return den > 0.0 ? num / den : 0.0;
    }

    /**
     * Mean over the nodes hosting f's containers now (weighted by f's containers there) of the
     * share of the interval the node was oversubscribed ({@code nodePressure[n]}); 0 when f has no
     * container.
     */
    double pressure(int f, double[] nodePressure) {
        double num = 0.0;
        int den = 0;
        for (int n = 0; n < nN; n++) {
            int mine = live[n * nF + f];
            num += mine * nodePressure[n];
            den += mine;
        }
        return den > 0 ? num / den : 0.0;
    }

    /**
     * The interval's metrics up to {@code now} (the nodes advanced to now); restarts the interval.
     */
    IntervalMetrics harvest(
            double now,
            ProcessorSharingNodes cpu,
            ContainerPool pool,
            int[] mem,
            double[] demand,
            int totalCores,
            double memoryCapacityMb,
            int waiting,
            boolean keep) {
        flushAll(now);
        double length = now - intervalStart;
        double[] p50 = new double[nF];
        double[] p99 = new double[nF];
        double[] meanLatency = new double[nF];
        float[][] kept = keep ? new float[nF][] : null;
        double containerMemMs = 0.0;
        double clusterCpu = 0.0;
        double[] pressure = new double[nN];
        for (int n = 0; n < nN; n++) {
            double p = cpu.pressureMs(n);
            pressure[n] = length > 0 ? (p - pressureAtStart[n]) / length : 0.0;
            pressureAtStart[n] = p;
        }
        double[] colocated = new double[nF];
        double[] nodePressure = new double[nF];
        for (int f = 0; f < nF; f++) {
            if (completions[f] > 0) {
                double[] q = quantiles(f);
                p50[f] = q[0];
                p99[f] = q[1];
                meanLatency[f] = latencySum[f] / completions[f];
            }
            if (kept != null) {
                kept[f] = latencies(f);
            }
            containerMemMs += containerMs[f] * mem[f];
            clusterCpu += usedCoreMs[f];
            colocated[f] = colocatedShares(f);
            nodePressure[f] = pressure(f, pressure);
        }
        IntervalMetrics m =
                new IntervalMetrics(
                        intervalStart,
                        now,
                        arrivals.clone(),
                        completions.clone(),
                        violations.clone(),
                        coldStarts.clone(),
                        prewarms.clone(),
                        evictions.clone(),
                        p50,
                        p99,
                        meanLatency,
                        usedCoreMs.clone(),
                        containerMs.clone(),
                        entitledCoreMs.clone(),
                        demand.clone(),
                        cap.clone(),
                        pool.containerCount.clone(),
                        pool.pinnedCount.clone(),
                        shares.clone(),
                        colocated,
                        nodePressure,
                        length > 0 ? clusterCpu / (totalCores * length) : 0.0,
                        length > 0 ? containerMemMs / (memoryCapacityMb * length) : 0.0,
                        waiting,
                        kept);
        clear();
        intervalStart = now;
        return m;
    }
}
