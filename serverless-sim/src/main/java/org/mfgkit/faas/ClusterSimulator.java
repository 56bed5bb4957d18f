package org.mfgkit.faas;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * Deterministic discrete-event simulator of an OpenWhisk-like cluster (SPEC §5; 004 Appendix E).
 *
 * <p><b>Events</b> live in an {@link EventQueue} ordered by {@code (time, sequence)} with one slot
 * per arrival stream ({@code f}), per node's next service event ({@code F + n}: the earliest job
 * completion or container start-up on the node) and per node's keep-alive timer ({@code F + N +
 * n}).
 *
 * <p><b>Routing</b> is OpenWhisk's {@code ShardingContainerPoolBalancer}: the home invoker of a
 * function is {@code hash mod N} with {@code hash = |"guest".hashCode() ^
 * "guest/<name>".hashCode()|}, the step is {@code stepSizes[hash mod |stepSizes|]} from the
 * pairwise co-prime numbers up to {@code N}; nodes are tried from home by that step and the first
 * whose in-flight memory (the load balancer's slot semaphore, {@code user-memory} = node memory)
 * can take the function's memory gets the request; when none can, a node is drawn uniformly at
 * random (OpenWhisk's overload rule).
 *
 * <p><b>Invoker</b> (per node, OpenWhisk's {@code ContainerPool}): a request runs in an idle warm
 * container of its function on that node (the most recently used one); otherwise a new container is
 * cold-started if memory is free, after evicting least-recently-used idle containers if needed
 * (unreserved ones first, reserved ones last); otherwise it waits in the node's FIFO buffer, which
 * is served head-first whenever a container goes idle or memory is freed. Containers have
 * concurrency 1. An unreserved idle container is evicted after exactly {@code keepAliveMs} idle.
 *
 * <p><b>CPU</b>: each node runs its busy containers under weighted, work-conserving processor
 * sharing ({@link WeightedProcessorSharing}) with weights = the function's {@code cpu.shares} and
 * caps = its CPU demand. A request's work is {@code S * cpuDemand} core-ms with {@code S} drawn
 * from its service-time distribution, so in isolation its latency is {@code S}. Cold start is a
 * fixed delay that uses memory but no CPU.
 *
 * <p><b>Reservations</b> (the managers' "warm containers"): {@link #setReserved} keeps a number of
 * containers of a function alive regardless of the keep-alive timeout; they are placed like
 * requests (home invoker first) and serve requests like any warm container.
 *
 * <p>Randomness: stream {@code f} of arrivals, stream {@code F + f} of service times and stream
 * {@code 2F} of the load balancer's overload choice, all derived from the seed of {@link #reset}.
 * Same seed, same numbers. Not thread-safe.
 */
public final class ClusterSimulator {
    private static final byte FREE = 0;
    private static final byte STARTING = 1;
    private static final byte IDLE = 2;
    private static final byte BUSY = 3;

    /** Residual work (core-ms) treated as finished (round-off of rate*dt updates). */
    private static final double WORK_EPS = 1e-9;

    /** OpenWhisk's namespace used in the home-invoker hash. */
    private static final String NAMESPACE = "guest";

    private final ClusterSpec cluster;
    private final List<FunctionProfile> profiles;
    private final FaasParams params;
    private final ArrivalProcess arrivals;

    /** Number of functions F and nodes N. */
    private final int nF;

    private final int nN;
    private final double cores;
    private final double nodeMemory;
    private final double keepAlive;

    // ---- per-function constants
    private final int[] mem;
    private final double[] demand;
    private final double[] coldMs;
    private final ServiceTime[] service;

    /** Lognormal fast path: {@code lnMedian[f] > 0} when the service is lognormal. */
    private final double[] lnMedian;

    private final double[] lnSigma;
    private final int[] home;
    private final int[] step;

    // ---- per-function state
    private final int[] shares;
    private final int[] reserved;
    private final int[] pinnedCount;
    private final int[] containerCount;
    private double[] target;
    private final ArrivalProcess.Stream[] streams;
    private final RandomGenerator[] serviceRng;
    private RandomGenerator lbRng;

    // ---- event queue and clock
    private final EventQueue queue;
    private double now;

    // ---- containers (struct of arrays, index = container id)
    private int cap;
    private int[] cFunc;
    private int[] cNode;
    private byte[] cState;
    private boolean[] cPinned;

    /** Whether the container, while starting, holds a request (false: a reservation pre-warm). */
    private boolean[] cHasRequest;

    /** Arrival time of the request the container runs or starts for. */
    private double[] cArrival;

    /** Whether that request waited for a cold start. */
    private boolean[] cCold;

    private double[] cReadyAt;
    private double[] cIdleSince;

    /** Links of the node's idle list (unreserved or reserved) and of the free list. */
    private int[] cLruPrev;

    private int[] cLruNext;

    /** Links of the (node, function) idle list. */
    private int[] cIdPrev;

    private int[] cIdNext;
    private int freeHead;

    // ---- nodes
    /**
     * Memory of the containers on the node (MB), and memory held by in-flight requests (LB slots).
     */
    private final double[] memUsed;

    private final double[] slotMem;

    /**
     * Idle unreserved containers in LRU order (head = least recently used); the same for reserved
     * ones.
     */
    private final int[] lruHead;

    private final int[] lruTail;
    private final int[] pinLruHead;
    private final int[] pinLruTail;
    private final double[] idleMem;
    private final double[] pinIdleMem;

    /** {@code idleHead[n*F + f]}: idle containers of f on n, tail = most recently used. */
    private final int[] idleHead;

    private final int[] idleTail;

    // Running jobs. All jobs of function f on node n ("group" g = n*F + f) have the same weight
    // and cap, hence the same rate gRate[g]; the group's virtual clock gS[g] is the work (core-ms)
    // each of its jobs has received since the group last became non-empty, so a job that arrives
    // with work w at clock S finishes when the clock reaches S + w: its virtual finish time never
    // changes, whatever the rates do. A per-group min-heap of virtual finish times gives the next
    // completion; every event costs O(active groups + log jobs), not O(jobs).
    /** Jobs per group. */
    private final int[] gCount;

    /** Virtual clock per group (core-ms per job). */
    private final double[] gS;

    /** Rate per job of the group (cores). */
    private final double[] gRate;

    /** Min-heap of virtual finish times per group, and the containers. */
    private final double[][] gHeapV;

    private final int[][] gHeapC;

    /**
     * Active groups (functions with running jobs) per node, ordered by non-decreasing
     * demand/shares.
     */
    private final int[][] act;

    private final int[] actCount;

    /** {@code key[f] = demand[f] / shares[f]}: water-filling order. */
    private final double[] key;

    private final int[] runCount;
    private final double[] sumCap;
    private final double[] sumRate;
    private final double[] lastUpdate;

    /** Completion time of the node's next job completion at its last refresh, and its function. */
    private final double[] nextFinishTime;

    private final int[] nextFinishF;

    /** Scratch buffer for the containers completing at one node event. */
    private int[] doneBuf = new int[16];

    /** Containers starting up on the node. */
    private final int[][] startC;

    private final int[] startCount;

    /** FIFO buffer of waiting requests per node (ring): function and arrival time. */
    private final int[][] bufF;

    private final double[][] bufT;
    private final int[] bufHead;
    private final int[] bufCount;
    private boolean sharesChanged;

    // ---- interval accounting
    private double intervalStart;
    private final int[] mArrivals;
    private final int[] mCompletions;
    private final int[] mViolations;
    private final int[] mColdStarts;
    private final int[] mPrewarms;
    private final int[] mEvictions;
    private final double[] mLatencySum;
    private final double[] mUsedCoreMs;
    private final double[] mContainerMs;
    private final double[] countSince;
    private final float[][] lat;
    private final int[] latCount;
    private boolean keepLatencies;
    private long totalCompletions;

    /**
     * A simulator of {@code profiles} on {@code cluster} fed by {@code arrivals} (one stream per
     * function). Call {@link #reset} before running.
     */
    public ClusterSimulator(
            ClusterSpec cluster,
            List<FunctionProfile> profiles,
            FaasParams params,
            ArrivalProcess arrivals) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one function profile");
        }
        if (arrivals.functions() != profiles.size()) {
            throw new IllegalArgumentException(
                    "the arrival process has "
                            + arrivals.functions()
                            + " streams for "
                            + profiles.size()
                            + " functions");
        }
        for (FunctionProfile p : profiles) {
            if (p.memoryMb() > cluster.memoryMb()) {
                throw new IllegalArgumentException(
                        "function "
                                + p.name()
                                + " needs "
                                + p.memoryMb()
                                + " MB, more than a node's "
                                + cluster.memoryMb()
                                + " MB");
            }
        }
        this.cluster = cluster;
        this.profiles = List.copyOf(profiles);
        this.params = params;
        this.arrivals = arrivals;
        this.nF = profiles.size();
        this.nN = cluster.nodes();
        this.cores = cluster.cores();
        this.nodeMemory = cluster.memoryMb();
        this.keepAlive = params.keepAliveMs();

        mem = new int[nF];
        demand = new double[nF];
        coldMs = new double[nF];
        service = new ServiceTime[nF];
        lnMedian = new double[nF];
        lnSigma = new double[nF];
        home = new int[nF];
        step = new int[nF];
        int[] stepSizes = pairwiseCoprimeNumbersUntil(nN);
        for (int f = 0; f < nF; f++) {
            FunctionProfile p = profiles.get(f);
            mem[f] = p.memoryMb();
            demand[f] = Math.min(p.cpuDemand(), cores);
            coldMs[f] = p.coldStartMs();
            service[f] = p.service();
            if (p.service() instanceof ServiceTime.LogNormal ln) {
                lnMedian[f] = ln.medianMs();
                lnSigma[f] = ln.sigma();
            }
            int hash = homeHash(p.name());
            home[f] = hash % nN;
            step[f] = stepSizes[hash % stepSizes.length];
        }
        shares = new int[nF];
        reserved = new int[nF];
        pinnedCount = new int[nF];
        containerCount = new int[nF];
        target = new double[nF];
        streams = new ArrivalProcess.Stream[nF];
        serviceRng = new RandomGenerator[nF];
        queue = new EventQueue(nF + 2 * nN);

        memUsed = new double[nN];
        slotMem = new double[nN];
        lruHead = new int[nN];
        lruTail = new int[nN];
        pinLruHead = new int[nN];
        pinLruTail = new int[nN];
        idleMem = new double[nN];
        pinIdleMem = new double[nN];
        idleHead = new int[nN * nF];
        idleTail = new int[nN * nF];
        gCount = new int[nN * nF];
        gS = new double[nN * nF];
        gRate = new double[nN * nF];
        gHeapV = new double[nN * nF][4];
        gHeapC = new int[nN * nF][4];
        act = new int[nN][nF];
        actCount = new int[nN];
        key = new double[nF];
        runCount = new int[nN];
        sumCap = new double[nN];
        sumRate = new double[nN];
        lastUpdate = new double[nN];
        nextFinishTime = new double[nN];
        nextFinishF = new int[nN];
        startC = new int[nN][8];
        startCount = new int[nN];
        bufF = new int[nN][16];
        bufT = new double[nN][16];
        bufHead = new int[nN];
        bufCount = new int[nN];

        mArrivals = new int[nF];
        mCompletions = new int[nF];
        mViolations = new int[nF];
        mColdStarts = new int[nF];
        mPrewarms = new int[nF];
        mEvictions = new int[nF];
        mLatencySum = new double[nF];
        mUsedCoreMs = new double[nF];
        mContainerMs = new double[nF];
        countSince = new double[nF];
        lat = new float[nF][256];
        latCount = new int[nF];
        freeHead = -1;
        allocateContainers(256);
        Arrays.fill(target, Double.POSITIVE_INFINITY);
    }

    // =====================================================================================
    // OpenWhisk load-balancer constants
    // =====================================================================================

    /**
     * OpenWhisk's {@code generateHash(namespace, action)} for action {@code guest/<name>}, made
     * non-negative.
     */
    static int homeHash(String name) {
        int h = NAMESPACE.hashCode() ^ (NAMESPACE + "/" + name).hashCode();
        return h == Integer.MIN_VALUE ? 0 : Math.abs(h);
    }

    /** OpenWhisk's {@code pairwiseCoprimeNumbersUntil(x)}: 1..x co-prime to x and to each other. */
    static int[] pairwiseCoprimeNumbersUntil(int x) {
        int[] out = new int[x];
        int k = 0;
        for (int cur = 1; cur <= x; cur++) {
            if (gcd(cur, x) != 1) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < k && ok; i++) {
                ok = gcd(out[i], cur) == 1;
            }
            if (ok) {
                out[k++] = cur;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Home invoker of function {@code f}. */
    public int homeNode(int f) {
        return home[f];
    }

    /** Step size of function {@code f} through the invokers. */
    public int stepSize(int f) {
        return step[f];
    }

    // =====================================================================================
    // lifecycle
    // =====================================================================================

    /**
     * Empties the cluster (no containers, no requests), sets every function's {@code cpu.shares} to
     * OpenWhisk's default and its reservation to 0, rewinds the clock to 0 and reseeds every
     * stream.
     */
    public void reset(long seed) {
        queue.clear();
        now = 0.0;
        intervalStart = 0.0;
        totalCompletions = 0;
        Arrays.fill(memUsed, 0.0);
        Arrays.fill(slotMem, 0.0);
        Arrays.fill(lruHead, -1);
        Arrays.fill(lruTail, -1);
        Arrays.fill(pinLruHead, -1);
        Arrays.fill(pinLruTail, -1);
        Arrays.fill(idleMem, 0.0);
        Arrays.fill(pinIdleMem, 0.0);
        Arrays.fill(idleHead, -1);
        Arrays.fill(idleTail, -1);
        Arrays.fill(gCount, 0);
        Arrays.fill(gS, 0.0);
        Arrays.fill(gRate, 0.0);
        Arrays.fill(actCount, 0);
        Arrays.fill(runCount, 0);
        Arrays.fill(sumCap, 0.0);
        Arrays.fill(sumRate, 0.0);
        Arrays.fill(lastUpdate, 0.0);
        Arrays.fill(nextFinishTime, Double.POSITIVE_INFINITY);
        Arrays.fill(nextFinishF, -1);
        Arrays.fill(startCount, 0);
        Arrays.fill(bufHead, 0);
        Arrays.fill(bufCount, 0);
        Arrays.fill(reserved, 0);
        Arrays.fill(pinnedCount, 0);
        Arrays.fill(containerCount, 0);
        Arrays.fill(countSince, 0.0);
        for (int f = 0; f < nF; f++) {
            shares[f] = params.defaultShares(mem[f]);
            key[f] = demand[f] / shares[f];
        }
        sharesChanged = false;
        // all containers free
        Arrays.fill(cState, FREE);
        for (int c = 0; c < cap; c++) {
            cLruNext[c] = c + 1 < cap ? c + 1 : -1;
        }
        freeHead = 0;
        clearIntervalCounters();
        for (int f = 0; f < nF; f++) {
            streams[f] = arrivals.open(f, RandomStreams.derive(seed, f));
            serviceRng[f] = RandomStreams.derive(seed, nF + f);
            scheduleNextArrival(f);
        }
        lbRng = RandomStreams.derive(seed, 2L * nF);
    }

    private void scheduleNextArrival(int f) {
        double t = streams[f].next();
        if (t < now) {
            throw new IllegalStateException(
                    "arrival stream of function "
                            + f
                            + " went back in time ("
                            + t
                            + " < "
                            + now
                            + ")");
        }
        queue.schedule(f, t < arrivals.horizonMs() ? t : Double.POSITIVE_INFINITY);
    }

    /** Current simulated time (ms). */
    public double now() {
        return now;
    }

    /** Number of functions. */
    public int functions() {
        return nF;
    }

    /** The cluster. */
    public ClusterSpec cluster() {
        return cluster;
    }

    /** The function profiles. */
    public List<FunctionProfile> profiles() {
        return profiles;
    }

    /** The parameters. */
    public FaasParams params() {
        return params;
    }

    /** The arrival process. */
    public ArrivalProcess arrivals() {
        return arrivals;
    }

    /**
     * Sets the QoS latency targets (ms) used to count violations; {@code +inf} counts none. Copied.
     */
    public void setTargets(double[] targetsMs) {
        if (targetsMs.length != nF) {
            throw new IllegalArgumentException(
                    "need " + nF + " QoS targets, got " + targetsMs.length);
        }
        for (int f = 0; f < nF; f++) {
            if (!(targetsMs[f] > 0.0)) {
                throw new IllegalArgumentException(
                        "QoS target of "
                                + profiles.get(f).name()
                                + " must be > 0, got "
                                + targetsMs[f]);
            }
        }
        target = targetsMs.clone();
    }

    /** The QoS targets (ms), a copy. */
    public double[] targets() {
        return target.clone();
    }

    /**
     * Whether per-request latencies of each interval are kept for {@link
     * IntervalMetrics#latencies()}.
     */
    public void setKeepLatencies(boolean keep) {
        keepLatencies = keep;
    }

    /** Total completed invocations since the last reset. */
    public long totalCompletions() {
        return totalCompletions;
    }

    // =====================================================================================
    // main loop
    // =====================================================================================

    /**
     * Processes every event with time {@code < tEnd}, then advances the clock to {@code tEnd} (the
     * CPU and container-time accounting is brought up to {@code tEnd}).
     */
    public void runUntil(double tEnd) {
        if (tEnd < now) {
            throw new IllegalArgumentException("cannot run back in time: " + tEnd + " < " + now);
        }
        if (sharesChanged) {
            applyShares();
        }
        while (queue.peekTime() < tEnd) {
            fire();
        }
        now = tEnd;
        for (int n = 0; n < nN; n++) {
            advance(n, tEnd);
        }
        for (int f = 0; f < nF; f++) {
            flushCount(f);
        }
    }

    /**
     * Processes events until {@code count} more invocations have completed (or no event is left),
     * without moving the clock past the last event. For throughput measurements.
     */
    public void runCompletions(long count) {
        if (sharesChanged) {
            applyShares();
        }
        long target = totalCompletions + count;
        while (totalCompletions < target && !queue.isEmpty()) {
            fire();
        }
    }

    /**
     * Processes the earliest event; its handler moves or cancels its own slot (one heap operation).
     */
    private void fire() {
        int slot = queue.peekSlot();
        now = queue.peekTime();
        if (slot < nF) {
            onArrival(slot);
        } else if (slot < nF + nN) {
            onNodeEvent(slot - nF);
        } else {
            onEvictionTimer(slot - nF - nN);
        }
    }

    // ---- arrivals and routing

    private void onArrival(int f) {
        final double t = now;
        scheduleNextArrival(f);
        mArrivals[f]++;
        int n = route(f);
        slotMem[n] += mem[f];
        if (bufCount[n] > 0 || !tryStart(n, f, t)) {
            enqueue(n, f, t);
        }
        refresh(n);
    }

    /** OpenWhisk's home-invoker progression with the slot (in-flight memory) check. */
    private int route(int f) {
        int idx = home[f];
        double need = mem[f];
        for (int i = 0; i < nN; i++) {
            if (slotMem[idx] + need <= nodeMemory) {
                return idx;
            }
            idx += step[f];
            if (idx >= nN) {
                idx -= nN;
            }
        }
        return lbRng.nextInt(nN);
    }

    /**
     * Tries to run a request of f (arrived at {@code arrival}) on node n now: warm container, else
     * cold start (evicting idle containers if needed). Returns false when it must wait.
     */
    private boolean tryStart(int n, int f, double arrival) {
        int key = n * nF + f;
        int c = idleTail[key];
        if (c >= 0) {
            takeIdle(c);
            cArrival[c] = arrival;
            cCold[c] = false;
            startJob(n, c);
            return true;
        }
        if (!makeRoom(n, mem[f])) {
            return false;
        }
        c = newContainer(n, f, false);
        cHasRequest[c] = true;
        cArrival[c] = arrival;
        cCold[c] = true;
        return true;
    }

    /**
     * Frees {@code need} MB on node n by evicting idle containers (unreserved LRU first); false if
     * impossible.
     */
    private boolean makeRoom(int n, double need) {
        double free = nodeMemory - memUsed[n];
        if (free >= need) {
            return true;
        }
        if (free + idleMem[n] + pinIdleMem[n] < need) {
            return false;
        }
        while (nodeMemory - memUsed[n] < need && lruHead[n] >= 0) {
            evict(lruHead[n]);
        }
        while (nodeMemory - memUsed[n] < need && pinLruHead[n] >= 0) {
            evict(pinLruHead[n]);
        }
        return true;
    }

    private void enqueue(int n, int f, double arrival) {
        int[] bf = bufF[n];
        if (bufCount[n] == bf.length) {
            int len = bf.length;
            int[] nf = new int[2 * len];
            double[] nt = new double[2 * len];
            for (int i = 0; i < len; i++) {
                int j = (bufHead[n] + i) % len;
                nf[i] = bf[j];
                nt[i] = bufT[n][j];
            }
            bufF[n] = nf;
            bufT[n] = nt;
            bufHead[n] = 0;
            bf = nf;
        }
        int tail = (bufHead[n] + bufCount[n]) % bf.length;
        bf[tail] = f;
        bufT[n][tail] = arrival;
        bufCount[n]++;
    }

    /** Serves the node's buffer head-first while its head can start. */
    private void drainBuffer(int n) {
        while (bufCount[n] > 0) {
            int h = bufHead[n];
            if (!tryStart(n, bufF[n][h], bufT[n][h])) {
                return;
            }
            bufHead[n] = (h + 1) % bufF[n].length;
            bufCount[n]--;
        }
    }

    // ---- node events: completions and container start-ups

    private void onNodeEvent(int n) {
        final double t = now;
        advance(n, t);
        // completions: the job that defined this event (forced, so round-off cannot stall it) and
        // any other job within WORK_EPS of its virtual finish; all are taken off first, then
        // completed, because completing may start new jobs on this node
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
                if (done == doneBuf.length) {
                    doneBuf = Arrays.copyOf(doneBuf, 2 * done);
                }
                doneBuf[done++] = gHeapC[g][0];
                heapPop(g);
                runCount[n]--;
                sumCap[n] -= demand[f];
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
        if (done > 0) {
            int[] finished = done == 1 ? null : Arrays.copyOf(doneBuf, done);
            if (finished == null) {
                complete(n, doneBuf[0], t);
            } else {
                for (int i = 0; i < done; i++) {
                    complete(n, finished[i], t);
                }
            }
        }
        // containers whose start-up is over
        for (int i = 0; i < startCount[n]; ) {
            int c = startC[n][i];
            if (cReadyAt[c] <= t) {
                startC[n][i] = startC[n][--startCount[n]];
                onReady(n, c);
                i = 0; // draining may have changed the list; rescan
            } else {
                i++;
            }
        }
        refresh(n);
    }

    private void complete(int n, int c, double t) {
        int f = cFunc[c];
        double latency = t - cArrival[c];
        mCompletions[f]++;
        totalCompletions++;
        mLatencySum[f] += latency;
        if (latency > target[f]) {
            mViolations[f]++;
        }
        if (cCold[c]) {
            mColdStarts[f]++;
        }
        float[] l = lat[f];
        if (latCount[f] == l.length) {
            l = Arrays.copyOf(l, 2 * l.length);
            lat[f] = l;
        }
        l[latCount[f]++] = (float) latency;
        slotMem[n] -= mem[f];
        becomeIdle(n, c, t);
        if (bufCount[n] > 0) {
            drainBuffer(n);
        }
    }

    private void onReady(int n, int c) {
        if (cHasRequest[c]) {
            cHasRequest[c] = false;
            startJob(n, c);
        } else {
            becomeIdle(n, c, now);
            if (bufCount[n] > 0) {
                drainBuffer(n);
            }
        }
    }

    private void onEvictionTimer(int n) {
        final double t = now;
        boolean freed = false;
        int h;
        while ((h = lruHead[n]) >= 0 && cIdleSince[h] + keepAlive <= t) {
            evict(h);
            freed = true;
        }
        queue.schedule(nF + nN + n, h >= 0 ? cIdleSince[h] + keepAlive : Double.POSITIVE_INFINITY);
        if (freed && bufCount[n] > 0) {
            drainBuffer(n);
            refresh(n);
        }
    }

    // ---- processor sharing

    /**
     * Brings the node's groups to time t at their current rates (virtual clocks and CPU
     * accounting).
     */
    private void advance(int n, double t) {
        double dt = t - lastUpdate[n];
        if (dt <= 0.0) {
            return;
        }
        lastUpdate[n] = t;
        int a = actCount[n];
        int[] list = act[n];
        int base = n * nF;
        for (int i = 0; i < a; i++) {
            int f = list[i];
            int g = base + f;
            double w = gRate[g] * dt;
            gS[g] += w;
            mUsedCoreMs[f] += w * gCount[g];
        }
    }

    /**
     * Recomputes the node's rates by water-filling over its groups (weighted, work-conserving,
     * capped, as {@link WeightedProcessorSharing#allocateSorted} on the individual jobs) and
     * reschedules its next service event.
     */
    private void refresh(int n) {
        int a = actCount[n];
        int[] list = act[n];
        int base = n * nF;
        double next = Double.POSITIVE_INFINITY;
        int nextF = -1;
        if (a > 0) {
            if (sumCap[n] <= cores) {
                for (int i = 0; i < a; i++) {
                    int f = list[i];
                    gRate[base + f] = demand[f];
                }
                sumRate[n] = sumCap[n];
            } else {
                double wSum = 0.0;
                for (int i = 0; i < a; i++) {
                    int f = list[i];
                    wSum += gCount[base + f] * (double) shares[f];
                }
                double c = cores;
                int i = 0;
                // groups whose cap binds at the water level come first in key order
                while (i < a) {
                    int f = list[i];
                    if (demand[f] * wSum > c * shares[f]) {
                        break;
                    }
                    gRate[base + f] = demand[f];
                    c -= gCount[base + f] * demand[f];
                    wSum -= gCount[base + f] * (double) shares[f];
                    i++;
                }
                double level = c / wSum;
                for (; i < a; i++) {
                    int f = list[i];
                    gRate[base + f] = shares[f] * level;
                }
                sumRate[n] = cores;
            }
            double last = lastUpdate[n];
            for (int i = 0; i < a; i++) {
                int f = list[i];
                int g = base + f;
                double left = gHeapV[g][0] - gS[g];
                double tt = last + (left > 0.0 ? left / gRate[g] : 0.0);
                if (tt < next) {
                    next = tt;
                    nextF = f;
                }
            }
        } else {
            sumRate[n] = 0.0;
        }
        nextFinishTime[n] = next;
        nextFinishF[n] = nextF;
        int[] sc = startC[n];
        for (int i = 0; i < startCount[n]; i++) {
            double ready = cReadyAt[sc[i]];
            if (ready < next) {
                next = ready;
            }
        }
        queue.schedule(nF + n, next);
    }

    /** Starts the request held by container c on node n now. */
    private void startJob(int n, int c) {
        int f = cFunc[c];
        cState[c] = BUSY;
        double s =
                lnMedian[f] > 0.0
                        ? lnMedian[f] * Math.exp(lnSigma[f] * serviceRng[f].nextGaussian())
                        : service[f].sample(serviceRng[f]);
        advance(n, now);
        int g = n * nF + f;
        if (gCount[g] == 0) {
            // the group becomes active: restart its clock (keeps the numbers small) and insert it
            // in key order
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
        heapPush(g, gS[g] + s * demand[f], c);
        runCount[n]++;
        sumCap[n] += demand[f];
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

    /** Re-orders every node's groups after {@code cpu.shares} changed and recomputes the rates. */
    private void applyShares() {
        sharesChanged = false;
        for (int f = 0; f < nF; f++) {
            key[f] = demand[f] / shares[f];
        }
        for (int n = 0; n < nN; n++) {
            int a = actCount[n];
            if (a == 0) {
                continue;
            }
            advance(n, now);
            int[] list = act[n];
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

    // ---- containers

    private void allocateContainers(int newCap) {
        int old = cap;
        cap = newCap;
        cFunc = Arrays.copyOf(cFunc == null ? new int[0] : cFunc, newCap);
        cNode = Arrays.copyOf(cNode == null ? new int[0] : cNode, newCap);
        cState = Arrays.copyOf(cState == null ? new byte[0] : cState, newCap);
        cPinned = Arrays.copyOf(cPinned == null ? new boolean[0] : cPinned, newCap);
        cHasRequest = Arrays.copyOf(cHasRequest == null ? new boolean[0] : cHasRequest, newCap);
        cArrival = Arrays.copyOf(cArrival == null ? new double[0] : cArrival, newCap);
        cCold = Arrays.copyOf(cCold == null ? new boolean[0] : cCold, newCap);
        cReadyAt = Arrays.copyOf(cReadyAt == null ? new double[0] : cReadyAt, newCap);
        cIdleSince = Arrays.copyOf(cIdleSince == null ? new double[0] : cIdleSince, newCap);
        cLruPrev = Arrays.copyOf(cLruPrev == null ? new int[0] : cLruPrev, newCap);
        cLruNext = Arrays.copyOf(cLruNext == null ? new int[0] : cLruNext, newCap);
        cIdPrev = Arrays.copyOf(cIdPrev == null ? new int[0] : cIdPrev, newCap);
        cIdNext = Arrays.copyOf(cIdNext == null ? new int[0] : cIdNext, newCap);
        // chain the new ids onto the free list
        for (int c = old; c < newCap; c++) {
            cLruNext[c] = c + 1 < newCap ? c + 1 : freeHead;
        }
        freeHead = old < newCap ? old : freeHead;
    }

    /** Creates a container of f on n in state STARTING (memory must be available). */
    private int newContainer(int n, int f, boolean pinned) {
        if (freeHead < 0) {
            allocateContainers(cap * 2);
        }
        int c = freeHead;
        freeHead = cLruNext[c];
        cFunc[c] = f;
        cNode[c] = n;
        cState[c] = STARTING;
        cPinned[c] = pinned;
        cHasRequest[c] = false;
        cCold[c] = false;
        cReadyAt[c] = now + coldMs[f];
        memUsed[n] += mem[f];
        flushCount(f);
        containerCount[f]++;
        if (pinned) {
            pinnedCount[f]++;
        }
        if (startCount[n] == startC[n].length) {
            startC[n] = Arrays.copyOf(startC[n], 2 * startCount[n]);
        }
        startC[n][startCount[n]++] = c;
        return c;
    }

    private void becomeIdle(int n, int c, double t) {
        int f = cFunc[c];
        cState[c] = IDLE;
        cIdleSince[c] = t;
        // (node, function) list: append at the tail (most recently used)
        int key = n * nF + f;
        int tail = idleTail[key];
        cIdPrev[c] = tail;
        cIdNext[c] = -1;
        if (tail >= 0) {
            cIdNext[tail] = c;
        } else {
            idleHead[key] = c;
        }
        idleTail[key] = c;
        // node LRU list
        if (cPinned[c]) {
            appendLru(c, pinLruHead, pinLruTail, n);
            pinIdleMem[n] += mem[f];
        } else {
            appendLru(c, lruHead, lruTail, n);
            idleMem[n] += mem[f];
            int slot = nF + nN + n;
            if (!queue.isScheduled(slot)) {
                queue.schedule(slot, t + keepAlive);
            }
        }
    }

    private void appendLru(int c, int[] head, int[] tail, int n) {
        int t = tail[n];
        cLruPrev[c] = t;
        cLruNext[c] = -1;
        if (t >= 0) {
            cLruNext[t] = c;
        } else {
            head[n] = c;
        }
        tail[n] = c;
    }

    private void unlinkLru(int c, int[] head, int[] tail, int n) {
        int p = cLruPrev[c];
        int x = cLruNext[c];
        if (p >= 0) {
            cLruNext[p] = x;
        } else {
            head[n] = x;
        }
        if (x >= 0) {
            cLruPrev[x] = p;
        } else {
            tail[n] = p;
        }
    }

    /** Removes an idle container from the idle lists (it is about to run or be evicted). */
    private void takeIdle(int c) {
        int n = cNode[c];
        int f = cFunc[c];
        int key = n * nF + f;
        int p = cIdPrev[c];
        int x = cIdNext[c];
        if (p >= 0) {
            cIdNext[p] = x;
        } else {
            idleHead[key] = x;
        }
        if (x >= 0) {
            cIdPrev[x] = p;
        } else {
            idleTail[key] = p;
        }
        if (cPinned[c]) {
            unlinkLru(c, pinLruHead, pinLruTail, n);
            pinIdleMem[n] -= mem[f];
        } else {
            unlinkLru(c, lruHead, lruTail, n);
            idleMem[n] -= mem[f];
            // when c was the head, the timer stays at its earlier time and re-arms itself when it
            // fires
            if (lruHead[n] < 0) {
                queue.cancel(nF + nN + n);
            }
        }
    }

    /** Evicts an idle container. */
    private void evict(int c) {
        takeIdle(c);
        destroy(c);
        mEvictions[cFunc[c]]++;
    }

    private void destroy(int c) {
        int n = cNode[c];
        int f = cFunc[c];
        memUsed[n] -= mem[f];
        flushCount(f);
        containerCount[f]--;
        if (cPinned[c]) {
            pinnedCount[f]--;
        }
        cState[c] = FREE;
        cPinned[c] = false;
        cLruNext[c] = freeHead;
        freeHead = c;
    }

    private void flushCount(int f) {
        mContainerMs[f] += containerCount[f] * (now - countSince[f]);
        countSince[f] = now;
    }

    // =====================================================================================
    // controls (used by resource managers between intervals)
    // =====================================================================================

    /** Current {@code cpu.shares} of function f. */
    public int shares(int f) {
        return shares[f];
    }

    /** Sets the {@code cpu.shares} of every container of f (takes effect immediately). */
    public void setShares(int f, int value) {
        if (value < params.minShares() || value > params.maxShares()) {
            throw new IllegalArgumentException(
                    "cpu.shares of "
                            + profiles.get(f).name()
                            + " must lie in "
                            + params.minShares()
                            + ".."
                            + params.maxShares()
                            + ", got "
                            + value);
        }
        if (shares[f] != value) {
            shares[f] = value;
            sharesChanged = true;
        }
    }

    /** Reservation target (warm containers kept regardless of keep-alive) of f. */
    public int reserved(int f) {
        return reserved[f];
    }

    /** Containers of f that are currently reserved. */
    public int pinned(int f) {
        return pinnedCount[f];
    }

    /** Containers of f alive (starting, idle or busy). */
    public int containers(int f) {
        return containerCount[f];
    }

    /** Idle containers of f. */
    public int idleContainers(int f) {
        int k = 0;
        for (int n = 0; n < nN; n++) {
            for (int c = idleHead[n * nF + f]; c >= 0; c = cIdNext[c]) {
                k++;
            }
        }
        return k;
    }

    /**
     * Sets the reservation of f to {@code k} containers. Raising it reserves idle, then busy or
     * starting, unreserved containers of f and cold-starts new ones (placed like requests: home
     * invoker first, on the first node whose memory can take it after evicting unreserved idle
     * containers) for the rest; what cannot be placed now is retried by {@link #reconcile}.
     * Lowering it releases reservations: the released containers become ordinary ones, subject to
     * the keep-alive timeout (which starts at the release for an idle container).
     */
    public void setReserved(int f, int k) {
        if (k < 0) {
            throw new IllegalArgumentException(
                    "reservation of " + profiles.get(f).name() + " must be >= 0, got " + k);
        }
        reserved[f] = k;
        if (pinnedCount[f] > k) {
            release(f, pinnedCount[f] - k);
        } else {
            reconcile(f);
        }
    }

    /**
     * Brings the reserved containers of every function up to its reservation where memory allows.
     */
    public void reconcile() {
        for (int f = 0; f < nF; f++) {
            if (pinnedCount[f] < reserved[f]) {
                reconcile(f);
            }
        }
    }

    private void reconcile(int f) {
        // adopt existing unreserved containers first: idle, then starting/busy
        for (int n = 0; n < nN && pinnedCount[f] < reserved[f]; n++) {
            for (int c = idleHead[n * nF + f];
                    c >= 0 && pinnedCount[f] < reserved[f];
                    c = cIdNext[c]) {
                if (!cPinned[c]) {
                    unlinkLru(c, lruHead, lruTail, n);
                    idleMem[n] -= mem[f];
                    if (lruHead[n] < 0) {
                        queue.cancel(nF + nN + n);
                    }
                    cPinned[c] = true;
                    pinnedCount[f]++;
                    appendLru(c, pinLruHead, pinLruTail, n);
                    pinIdleMem[n] += mem[f];
                }
            }
        }
        for (int c = 0; c < cap && pinnedCount[f] < reserved[f]; c++) {
            if (cFunc[c] == f && (cState[c] == BUSY || cState[c] == STARTING) && !cPinned[c]) {
                cPinned[c] = true;
                pinnedCount[f]++;
            }
        }
        while (pinnedCount[f] < reserved[f]) {
            int n = placeReserved(f);
            if (n < 0) {
                return;
            }
            newContainer(n, f, true);
            mPrewarms[f]++;
            refresh(n);
        }
    }

    private int placeReserved(int f) {
        int idx = home[f];
        double need = mem[f];
        for (int i = 0; i < nN; i++) {
            if (nodeMemory - memUsed[idx] + idleMem[idx] >= need) {
                makeRoom(idx, need);
                return idx;
            }
            idx += step[f];
            if (idx >= nN) {
                idx -= nN;
            }
        }
        return -1;
    }

    private void release(int f, int count) {
        // idle reserved containers first (least recently used first): they become ordinary idle
        // containers whose keep-alive starts now
        for (int n = 0; n < nN && count > 0; n++) {
            int c = pinLruHead[n];
            while (c >= 0 && count > 0) {
                int next = cLruNext[c];
                if (cFunc[c] == f) {
                    unlinkLru(c, pinLruHead, pinLruTail, n);
                    pinIdleMem[n] -= mem[f];
                    cPinned[c] = false;
                    pinnedCount[f]--;
                    cIdleSince[c] = now;
                    appendLru(c, lruHead, lruTail, n);
                    idleMem[n] += mem[f];
                    int slot = nF + nN + n;
                    if (!queue.isScheduled(slot)) {
                        queue.schedule(slot, now + keepAlive);
                    }
                    count--;
                }
                c = next;
            }
        }
        for (int c = 0; c < cap && count > 0; c++) {
            if (cFunc[c] == f && cPinned[c] && (cState[c] == BUSY || cState[c] == STARTING)) {
                cPinned[c] = false;
                pinnedCount[f]--;
                count--;
            }
        }
    }

    /**
     * Removes the least recently used idle unreserved container of f (scale-in ahead of the
     * keep-alive timeout). Returns whether one was removed.
     */
    public boolean removeIdle(int f) {
        int best = -1;
        for (int n = 0; n < nN; n++) {
            for (int c = idleHead[n * nF + f]; c >= 0; c = cIdNext[c]) {
                if (!cPinned[c]) {
                    if (best < 0 || cIdleSince[c] < cIdleSince[best]) {
                        best = c;
                    }
                    break; // list order is by idle time within a node
                }
            }
        }
        if (best < 0) {
            return false;
        }
        int n = cNode[best];
        evict(best);
        if (bufCount[n] > 0) {
            drainBuffer(n);
            refresh(n);
        }
        return true;
    }

    /**
     * Evicts every idle unreserved container at once (ENSURE's consolidation under memory
     * pressure). Returns how many were removed.
     */
    public int evictAllIdle() {
        int k = 0;
        for (int n = 0; n < nN; n++) {
            while (lruHead[n] >= 0) {
                evict(lruHead[n]);
                k++;
            }
            if (bufCount[n] > 0) {
                drainBuffer(n);
                refresh(n);
            }
        }
        return k;
    }

    // =====================================================================================
    // metrics
    // =====================================================================================

    /** Memory held by all containers now (MB). */
    public double memoryInUseMb() {
        double s = 0.0;
        for (int n = 0; n < nN; n++) {
            s += memUsed[n];
        }
        return s;
    }

    /** Requests waiting in node buffers now. */
    public int waitingRequests() {
        int s = 0;
        for (int n = 0; n < nN; n++) {
            s += bufCount[n];
        }
        return s;
    }

    /** Requests being served now (running jobs). */
    public int runningRequests() {
        int s = 0;
        for (int n = 0; n < nN; n++) {
            s += runCount[n];
        }
        return s;
    }

    /** Total CPU rate allocated on node n now (cores). */
    public double nodeCpuRate(int n) {
        return sumRate[n];
    }

    /**
     * The metrics of the interval since the previous harvest (or reset) up to {@link #now()}, and
     * restarts the interval counters.
     */
    public IntervalMetrics harvest() {
        for (int f = 0; f < nF; f++) {
            flushCount(f);
        }
        double length = now - intervalStart;
        double[] p50 = new double[nF];
        double[] p99 = new double[nF];
        double[] meanLatency = new double[nF];
        float[][] kept = keepLatencies ? new float[nF][] : null;
        double containerMemMs = 0.0;
        for (int f = 0; f < nF; f++) {
            int k = latCount[f];
            if (k > 0) {
                float[] work = Arrays.copyOf(lat[f], k);
                p99[f] = IntervalMetrics.select(work, IntervalMetrics.rankIndex(k, 0.99));
                p50[f] = IntervalMetrics.select(work, IntervalMetrics.rankIndex(k, 0.50));
                meanLatency[f] = mLatencySum[f] / k;
                if (kept != null) {
                    kept[f] = Arrays.copyOf(lat[f], k);
                }
            } else if (kept != null) {
                kept[f] = new float[0];
            }
            containerMemMs += mContainerMs[f] * mem[f];
        }
        double clusterCpu = 0.0;
        for (int f = 0; f < nF; f++) {
            clusterCpu += mUsedCoreMs[f];
        }
        int[] containers = containerCount.clone();
        int[] reservedNow = pinnedCount.clone();
        int[] sharesNow = shares.clone();
        double[] demandCopy = demand.clone();
        IntervalMetrics m =
                new IntervalMetrics(
                        intervalStart,
                        now,
                        mArrivals.clone(),
                        mCompletions.clone(),
                        mViolations.clone(),
                        mColdStarts.clone(),
                        mPrewarms.clone(),
                        mEvictions.clone(),
                        p50,
                        p99,
                        meanLatency,
                        mUsedCoreMs.clone(),
                        mContainerMs.clone(),
                        demandCopy,
                        containers,
                        reservedNow,
                        sharesNow,
                        length > 0 ? clusterCpu / (cluster.totalCores() * length) : 0.0,
                        length > 0 ? containerMemMs / ((double) nodeMemory * nN * length) : 0.0,
                        waitingRequests(),
                        kept);
        clearIntervalCounters();
        intervalStart = now;
        return m;
    }

    private void clearIntervalCounters() {
        Arrays.fill(mArrivals, 0);
        Arrays.fill(mCompletions, 0);
        Arrays.fill(mViolations, 0);
        Arrays.fill(mColdStarts, 0);
        Arrays.fill(mPrewarms, 0);
        Arrays.fill(mEvictions, 0);
        Arrays.fill(mLatencySum, 0.0);
        Arrays.fill(mUsedCoreMs, 0.0);
        Arrays.fill(mContainerMs, 0.0);
        Arrays.fill(latCount, 0);
    }

    // =====================================================================================
    // inspection for tests
    // =====================================================================================

    /** Containers of f on node n (any state). */
    public int containersOn(int n, int f) {
        int k = 0;
        for (int c = 0; c < cap; c++) {
            if (cState[c] != FREE && cNode[c] == n && cFunc[c] == f) {
                k++;
            }
        }
        return k;
    }

    /**
     * Time at which the oldest idle unreserved container of node n will be evicted ({@code +inf} if
     * none).
     */
    public double nextEvictionTime(int n) {
        int h = lruHead[n];
        return h < 0 ? Double.POSITIVE_INFINITY : cIdleSince[h] + keepAlive;
    }

    /** Memory of node n held by containers (MB). */
    public double nodeMemoryUsed(int n) {
        return memUsed[n];
    }

    /** Memory of node n held by in-flight requests (OpenWhisk load-balancer slots, MB). */
    public double nodeSlotMemory(int n) {
        return slotMem[n];
    }
}
