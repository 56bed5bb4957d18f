package org.mfgkit.faas;

/**
 * Weighted, work-conserving processor sharing with per-job caps (SPEC §5: CPU by {@code
 * cpu.shares}). On a node with {@code capacity} cores, job {@code j} has weight {@code w_j} (its
 * container's {@code cpu.shares}) and cap {@code d_j} (its CPU demand: a job cannot use more cores
 * than it has runnable threads). The allocation is the weighted max-min fair ("water-filling") one,
 * as the Linux CFS gives to cgroups with {@code cpu.shares} and no quota: {@code r_j = min(d_j, w_j
 * * x)} with the level {@code x} chosen so that {@code sum_j r_j = min(capacity, sum_j d_j)} — all
 * capacity is used whenever there is demand for it.
 */
public final class WeightedProcessorSharing {
    private WeightedProcessorSharing() {}

    /**
     * Computes the rates of {@code k} jobs. The jobs must be ordered by non-decreasing {@code
     * d_j/w_j} (the caller keeps that order incrementally); then one pass suffices: the jobs whose
     * cap is reached at the water level come first.
     *
     * @param capacity cores of the node
     * @param weight {@code weight[j]}, &gt; 0 (not modified)
     * @param cap {@code cap[j]}, &gt; 0 (not modified)
     * @param k number of jobs (prefix of the arrays)
     * @param rate output {@code rate[j]} in cores
     * @param sumCap {@code sum_j cap[j]} (the caller maintains it)
     * @param sumWeight {@code sum_j weight[j]}
     */
    public static void allocateSorted(
            double capacity,
            double[] weight,
            double[] cap,
            int k,
            double[] rate,
            double sumCap,
            double sumWeight) {
        allocateGroups(capacity, weight, cap, null, k, rate, sumCap, sumWeight);
    }

    /**
     * The same allocation for {@code k} groups of identical jobs: group {@code j} holds {@code
     * count[j]} jobs, each of weight {@code weight[j]} and cap {@code cap[j]}; {@code rate[j]} is
     * the rate of <em>each</em> job of the group. This is the one implementation of the
     * water-filling: {@link #allocateSorted} is the case {@code count = null} (one job per group),
     * and the simulator's nodes ({@link ProcessorSharingNodes}) call it with their (node, function)
     * groups.
     *
     * @param count {@code count[j]} &gt;= 1 jobs in group j, or {@code null} for all ones
     * @param sumCap {@code sum_j count[j] cap[j]}
     * @param sumWeight {@code sum_j count[j] weight[j]}
     */
    public static void allocateGroups(
            double capacity,
            double[] weight,
            double[] cap,
            int[] count,
            int k,
            double[] rate,
            double sumCap,
            double sumWeight) {
        if (sumCap <= capacity) {
            for (int j = 0; j < k; j++) {
                rate[j] = cap[j];
            }
            return;
        }
        double c = capacity;
        double w = sumWeight;
        int j = 0;
        // cap-limited groups: d_j/w_j <= c/w at the current level
        while (j < k && cap[j] * w <= c * weight[j]) {
            rate[j] = cap[j];
            int n = count == null ? 1 : count[j];
            c -= n * cap[j];
            w -= n * weight[j];
            j++;
        }
        double level = c / w;
        for (; j < k; j++) {
            rate[j] = weight[j] * level;
        }
    }

    /**
     * Computes the rates of {@code k} jobs in any order (sorts a copy; for tests and one-off use).
     * Arguments as in {@link #allocateSorted}; returns the rates.
     */
    public static double[] allocate(double capacity, double[] weight, double[] cap) {
        int k = weight.length;
        if (cap.length != k) {
            throw new IllegalArgumentException(
                    "weight and cap lengths differ (" + k + " vs " + cap.length + ")");
        }
        if (!(capacity > 0.0)) {
            throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        }
        Integer[] order = new Integer[k];
        double sumCap = 0.0;
        double sumWeight = 0.0;
        for (int j = 0; j < k; j++) {
            if (!(weight[j] > 0.0) || !(cap[j] > 0.0)) {
                throw new IllegalArgumentException(
                        "job "
                                + j
                                + ": weight and cap must be > 0, got "
                                + weight[j]
                                + ", "
                                + cap[j]);
            }
            order[j] = j;
            sumCap += cap[j];
            sumWeight += weight[j];
        }
        java.util.Arrays.sort(
                order, (a, b) -> Double.compare(cap[a] / weight[a], cap[b] / weight[b]));
        double[] w = new double[k];
        double[] d = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = weight[order[j]];
            d[j] = cap[order[j]];
        }
        double[] r = new double[k];
        allocateSorted(capacity, w, d, k, r, sumCap, sumWeight);
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[order[j]] = r[j];
        }
        return out;
    }
}
