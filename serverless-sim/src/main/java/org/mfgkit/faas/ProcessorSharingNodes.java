package org.mfgkit.faas;

import java.util.Arrays;

/**
 * The CPUs of all nodes: weighted, work-conserving processor sharing with caps ({@link
 * WeightedProcessorSharing#allocateGroups}, the one water-filling), as CFS gives to cgroups with
 * {@code cpu.shares} and, optionally, a CFS quota (Docker {@code --cpus}). A job of function f runs
 * at {@code min(cap_f, w_f x)} cores with {@code cap_f = min(cpuDemand_f, quota_f)}.
 *
 * <p>All jobs of function f on node n ("group" {@code g = n*F + f}) share weight and cap, hence
 * rate {@code gRate[g]}; the group's virtual clock {@code gS[g]} is the work (core-ms) each of its
 * jobs has received since the group last became non-empty, so a job that starts with work w at
 * clock S finishes when the clock reaches S + w whatever the rates do. A per-group min-heap of
 * virtual finish times gives the next completion; an event costs O(active groups + log jobs), not
 * O(jobs).
 */
final class ProcessorSharingNodes {
    /** Residual work (core-ms) treated as finished (round-off of rate*dt updates). */
    private static final double WORK_EPS = 1e-9;

    private final int nN;
    private final int nF;
    private final double cores;

    /** Per function: cap (cores per job), weight ({@code cpu.shares}), water-filling key. */
    private final double[] cap;

    private final double[] weight;
    private final double[] key;
    private boolean changed;

    // per group
    private final int[] gCount;
    private final double[] gS;
    private final double[] gRate;
    private final double[][] gHeapV;
    private final int[][] gHeapC;

    // per node
    private final int[][] act;
    private final int[] actCount;
    private final int[] runCount;
    private final double[] sumCap;
    private final double[] sumRate;
    private final double[] lastUpdate;
    private final double[] pressureMs;
    private final double[] nextFinishTime;
    private final int[] nextFinishF;

    // scratch for the water-filling
    private final double[] sw;
    private final double[] sc;
    private final int[] sn;
    private final double[] sr;

    ProcessorSharingNodes(int nodes, int functions, double cores) {
        this.nN = nodes;
        this.nF = functions;
        this.cores = cores;
        cap = new double[nF];
        weight = new double[nF];
        key = new double[nF];
        int g = nN * nF;
        gCount = new int[g];
        gS = new double[g];
        gRate = new double[g];
        gHeapV = new double[g][4];
        gHeapC = new int[g][4];
        act = new int[nN][nF];
        actCount = new int[nN];
        runCount = new int[nN];
        sumCap = new double[nN];
        sumRate = new double[nN];
        lastUpdate = new double[nN];
        pressureMs = new double[nN];
        nextFinishTime = new double[nN];
        nextFinishF = new int[nN];
        sw = new double[nF];
        sc = new double[nF];
        sn = new int[nF];
        sr = new double[nF];
    }

    /** No jobs; caps and weights as given. */
    void reset(double[] caps, int[] shares) {
        Arrays.fill(gCount, 0);
        Arrays.fill(gS, 0.0);
        Arrays.fill(gRate, 0.0);
        Arrays.fill(actCount, 0);
        Arrays.fill(runCount, 0);
        Arrays.fill(sumCap, 0.0);
        Arrays.fill(sumRate, 0.0);
        Arrays.fill(lastUpdate, 0.0);
        Arrays.fill(pressureMs, 0.0);
        Arrays.fill(nextFinishTime, Double.POSITIVE_INFINITY);
        Arrays.fill(nextFinishF, -1);
        for (int f = 0; f < nF; f++) {
            cap[f] = caps[f];
            weight[f] = shares[f];
            key[f] = cap[f] / weight[f];
        }
        changed = false;
    }

    /** Sets f's weight and cap; {@link #applyChanges} makes them take effect. */
    void set(int f, double w, double c) {
        if (weight[f] != w || cap[f] != c) {
            weight[f] = w;
            cap[f] = c;
            changed = true;
        }
    }

    boolean changed() {
        return changed;
    }

    /**
     * Re-orders every node's groups after weights or caps changed and recomputes the rates at time
     * {@code t}; {@code used} accumulates CPU per function up to t.
     */
    void applyChanges(double t, double[] used) {
        changed = false;
        for (int f = 0; f < nF; f++) {
            key[f] = cap[f] / weight[f];
        }
        for (int n = 0; n < nN; n++) {
            int a = actCount[n];
            if (a == 0) {
                continue;
            }
            advance(n, t, used);
            // sumCap follows the new caps
            int base = n * nF;
            double s = 0.0;
            int[] list = act[n];
            for (int i = 0; i < a; i++) {
                s += gCount[base + list[i]] * cap[list[i]];
            }
            sumCap[n] = s;
            for (int i = 1; i < a; i++) {
                int f = list[i];
                int j = i;
                while (j > 0 && key[list[j - 1]] > key[f]) {
                    list[j] = list[j - 1];
                    j--;
                }
                list[j] = f;
            }
            refresh(n);
        }
    }

    /** Brings node n's groups to time t at their current rates; {@code used[f]} += CPU core-ms. */
    void advance(int n, double t, double[] used) {
        double dt = t - lastUpdate[n];
        if (dt <= 0.0) {
            return;
        }
        lastUpdate[n] = t;
        if (sumCap[n] > cores) {
            pressureMs[n] += dt;
        }
        int a = actCount[n];
        int[] list = act[n];
        int base = n * nF;
        for (int i = 0; i < a; i++) {
            int f = list[i];
            int g = base + f;
            double w = gRate[g] * dt;
            gS[g] += w;
            used[f] += w * gCount[g];
        }
    }

    /**
     * Recomputes node n's rates (call after {@link #advance} to the current time) and returns the
     * time of its next job completion ({@code +inf} if none).
     */
    double refresh(int n) {
        int a = actCount[n];
        int[] list = act[n];
        int base = n * nF;
        double next = Double.POSITIVE_INFINITY;
        int nextF = -1;
        if (a > 0) {
            if (sumCap[n] <= cores) {
                // under-subscribed: every job runs at its cap (no water level to find)
                for (int i = 0; i < a; i++) {
                    sr[i] = cap[list[i]];
                }
            } else {
                double wSum = 0.0;
                for (int i = 0; i < a; i++) {
                    int f = list[i];
                    int k = gCount[base + f];
                    sw[i] = weight[f];
                    sc[i] = cap[f];
                    sn[i] = k;
                    wSum += k * weight[f];
                }
                WeightedProcessorSharing.allocateGroups(cores, sw, sc, sn, a, sr, sumCap[n], wSum);
            }
            double last = lastUpdate[n];
            for (int i = 0; i < a; i++) {
                int g = base + list[i];
                gRate[g] = sr[i];
                double left = gHeapV[g][0] - gS[g];
                double tt = last + (left > 0.0 ? left / sr[i] : 0.0);
                if (tt < next) {
                    next = tt;
                    nextF = list[i];
                }
            }
            sumRate[n] = Math.min(cores, sumCap[n]);
        } else {
            sumRate[n] = 0.0;
        }
        nextFinishTime[n] = next;
        nextFinishF[n] = nextF;
        return next;
    }

    /** Starts a job of f with {@code work} core-ms in container c on node n (advanced to now). */
    void start(int n, int f, int c, double work) {
        int g = n * nF + f;
        if (gCount[g] == 0) {
            // the group becomes active: restart its clock and insert it in key order
            gS[g] = 0.0;
            int[] list = act[n];
            int pos = actCount[n];
            while (pos > 0 && key[list[pos - 1]] > key[f]) {
                list[pos] = list[pos - 1];
                pos--;
            }
            list[pos] = f;
            actCount[n]++;
        }
        heapPush(g, gS[g] + work, c);
        runCount[n]++;
        sumCap[n] += cap[f];
    }

    /**
     * Takes off node n (advanced to t) the job that defined its next completion and every other job
     * within round-off of its virtual finish; returns how many, their containers in {@code out[0]}
     * (grown if needed).
     */
    int popCompleted(int n, double t, int[][] out) {
        int done = 0;
        int forced = nextFinishTime[n] <= t ? nextFinishF[n] : -1;
        int[] list = act[n];
        int a = actCount[n];
        int base = n * nF;
        boolean emptied = false;
        for (int i = 0; i < a; i++) {
            int f = list[i];
            int g = base + f;
            double[] hv = gHeapV[g];
            double s = gS[g];
            boolean force = f == forced;
            while (gCount[g] > 0 && (hv[0] - s <= WORK_EPS || force)) {
                force = false;
                if (done == out[0].length) {
                    out[0] = Arrays.copyOf(out[0], 2 * done);
                }
                out[0][done++] = gHeapC[g][0];
                heapPop(g);
                runCount[n]--;
                sumCap[n] -= cap[f];
            }
            emptied |= gCount[g] == 0;
        }
        if (emptied) {
            int w = 0;
            for (int i = 0; i < a; i++) {
                if (gCount[base + list[i]] > 0) {
                    list[w++] = list[i];
                }
            }
            actCount[n] = w;
            if (w == 0) {
                sumCap[n] = 0.0;
            }
        }
        nextFinishTime[n] = Double.POSITIVE_INFINITY;
        nextFinishF[n] = -1;
        return done;
    }

    private void heapPush(int g, double v, int c) {
        int k = gCount[g];
        double[] hv = gHeapV[g];
        int[] hc = gHeapC[g];
        if (k == hv.length) {
            hv = Arrays.copyOf(hv, 2 * k);
            hc = Arrays.copyOf(hc, 2 * k);
            gHeapV[g] = hv;
            gHeapC[g] = hc;
        }
        int p = k;
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (hv[parent] <= v) {
                break;
            }
            hv[p] = hv[parent];
            hc[p] = hc[parent];
            p = parent;
        }
        hv[p] = v;
        hc[p] = c;
        gCount[g] = k + 1;
    }

    private void heapPop(int g) {
        int k = gCount[g] - 1;
        gCount[g] = k;
        if (k == 0) {
            return;
        }
        double[] hv = gHeapV[g];
        int[] hc = gHeapC[g];
        double v = hv[k];
        int c = hc[k];
        int p = 0;
        int half = k >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            if (child + 1 < k && hv[child + 1] < hv[child]) {
                child++;
            }
            if (hv[child] >= v) {
                break;
            }
            hv[p] = hv[child];
            hc[p] = hc[child];
            p = child;
        }
        hv[p] = v;
        hc[p] = c;
    }

    /** Running jobs on all nodes. */
    int running() {
        int s = 0;
        for (int n = 0; n < nN; n++) {
            s += runCount[n];
        }
        return s;
    }

    /** Running jobs on node n. */
    int running(int n) {
        return runCount[n];
    }

    /** Total CPU rate allocated on node n (cores). */
    double rate(int n) {
        return sumRate[n];
    }

    /** Rate of each running job of f on node n (cores; 0 when none runs). */
    double jobRate(int n, int f) {
        return gCount[n * nF + f] > 0 ? gRate[n * nF + f] : 0.0;
    }

    /** Running jobs of f on node n. */
    int jobs(int n, int f) {
        return gCount[n * nF + f];
    }

    /**
     * Time node n has been oversubscribed (runnable demand above its cores) since the reset (ms).
     */
    double pressureMs(int n) {
        return pressureMs[n];
    }
}
