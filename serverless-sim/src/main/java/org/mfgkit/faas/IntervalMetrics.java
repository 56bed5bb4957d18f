package org.mfgkit.faas;

/**
 * What happened in one control interval {@code [startMs, endMs)} (SPEC §5 metrics). Latencies are
 * counted for the invocations that <em>completed</em> in the interval; arrays are indexed by
 * function.
 *
 * @param startMs interval start (ms)
 * @param endMs interval end (ms)
 * @param arrivals invocations that arrived
 * @param completions invocations that completed
 * @param violations completed invocations whose latency exceeded the QoS target
 * @param coldStarts completed invocations that waited for a container start-up
 * @param prewarms containers started for reservations (not for a request)
 * @param evictions containers evicted (keep-alive timeout or memory pressure)
 * @param p50Ms median latency of the completions (0 when none)
 * @param p99Ms 99th percentile latency of the completions, nearest rank (0 when none)
 * @param meanLatencyMs mean latency of the completions (0 when none)
 * @param cpuUsedCoreMs CPU time the function's invocations received (core-ms)
 * @param containerMs integral of the function's live container count over the interval (ms)
 * @param entitledCoreMs CPU the function's containers were entitled to by their {@code cpu.shares}
 *     and caps (core-ms; formula in {@link IntervalAccounting})
 * @param cpuDemand the function's CPU demand per container (cores)
 * @param cpuCap the function's per-job CPU cap at the end of the interval: {@code min(demand,
 *     quota)} (cores)
 * @param containers live containers at the end of the interval
 * @param reserved reserved containers at the end of the interval
 * @param shares {@code cpu.shares} at the end of the interval
 * @param colocatedShares mean {@code cpu.shares} of the other functions' containers on the nodes
 *     hosting the function's containers at the end of the interval (0 when none)
 * @param nodePressure share of the interval the nodes hosting the function's containers were
 *     oversubscribed (runnable CPU demand above their cores), weighted by its containers there
 * @param clusterCpuUtilization CPU time used / cluster cores x interval length
 * @param memoryUtilization container memory x time / (invokers' user memory x nodes x interval
 *     length)
 * @param waiting requests waiting in node buffers at the end of the interval
 * @param latencies per-function latencies of the completions (ms), or {@code null} when not kept
 */
public record IntervalMetrics(
        double startMs,
        double endMs,
        int[] arrivals,
        int[] completions,
        int[] violations,
        int[] coldStarts,
        int[] prewarms,
        int[] evictions,
        double[] p50Ms,
        double[] p99Ms,
        double[] meanLatencyMs,
        double[] cpuUsedCoreMs,
        double[] containerMs,
        double[] entitledCoreMs,
        double[] cpuDemand,
        double[] cpuCap,
        int[] containers,
        int[] reserved,
        int[] shares,
        double[] colocatedShares,
        double[] nodePressure,
        double clusterCpuUtilization,
        double memoryUtilization,
        int waiting,
        float[][] latencies) {

    /** Number of functions. */
    public int functions() {
        return arrivals.length;
    }

    /** Interval length in seconds. */
    public double seconds() {
        return (endMs - startMs) / 1000.0;
    }

    /**
     * CPU utilisation of function f against what it holds: {@code min(1, CPU time received /
     * entitled CPU time)} (see {@link IntervalAccounting}); 1 when the function held nothing in the
     * interval (nothing allocated, nothing wasted). Work borrowed beyond the entitlement from idle
     * neighbours counts as full use.
     */
    public double containerCpuUtilization(int f) {
        double held = entitledCoreMs[f];
        return held > 0.0 ? Math.min(1.0, cpuUsedCoreMs[f] / held) : 1.0;
    }

    /**
     * SLO preservation of f: share of its completions within the target (1 when none completed).
     */
    public double sloPreservation(int f) {
        return completions[f] > 0 ? 1.0 - (double) violations[f] / completions[f] : 1.0;
    }

    /** Arrival rate of f in invocations per second. */
    public double arrivalRate(int f) {
        double s = seconds();
        return s > 0.0 ? arrivals[f] / s : 0.0;
    }

    /** Sum of an int array. */
    public static long sum(int[] x) {
        long s = 0;
        for (int v : x) {
            s += v;
        }
        return s;
    }

    /** Sum of a double array. */
    public static double sum(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    /** Nearest-rank quantile of an ascending array: {@code sorted[ceil(p*n) - 1]}. */
    public static double nearestRank(float[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        int idx = (int) Math.ceil(p * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, idx))];
    }

    /** Nearest-rank quantile of an ascending array. */
    public static double nearestRank(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        int idx = (int) Math.ceil(p * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, idx))];
    }

    /**
     * 0-based index of the nearest-rank {@code p}-quantile in a sorted sample of size n: {@code
     * ceil(p n) - 1}.
     */
    public static int rankIndex(int n, double p) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
    }

    /**
     * The k-th smallest element (0-based) of {@code a[0..n-1]} by quickselect (Hoare partition,
     * median-of-three pivot); {@code a} is permuted. Expected O(n).
     */
    public static float select(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        if (k < 0 || k > hi) {
            throw new IllegalArgumentException("rank " + k + " outside 0.." + hi);
        }
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three into a[mid]
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
