package org.mfgkit.faas;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The invokers' container pools (OpenWhisk's {@code ContainerPool}, one per node): containers of
 * concurrency 1 holding their function's memory from the start of their cold start until evicted,
 * within {@code user-memory} per invoker ({@code hasPoolSpaceFor}, ContainerPool.scala line 453);
 * idle containers in least-recently-used order (unreserved ones first, reserved ones last), evicted
 * after exactly {@code keepAliveMs} idle; the FIFO run buffer of requests that can neither find an
 * idle warm container nor memory for a new one; and the managers' reservations.
 *
 * <p>Struct of arrays indexed by container id; node lists are doubly linked through {@code cLru*},
 * (node, function) idle lists through {@code cId*}. Keep-alive timers live in the simulator's event
 * queue (one slot per node, {@code timerBase + n}).
 */
final class ContainerPool {
    static final byte FREE = 0;
    static final byte STARTING = 1;
    static final byte IDLE = 2;
    static final byte BUSY = 3;

    private final int nN;
    private final int nF;
    private final int[] mem;
    private final double[] coldMs;
    private final double capacityMb;
    private final double keepAlive;
    private final EventQueue queue;
    private final int timerBase;
    private final IntervalAccounting acc;
    private final ShardingContainerPoolBalancer lb;

    /**
     * Told the node on which a container started a cold start (its node event must be re-timed).
     */
    private IntConsumer onStartup = n -> {};

    // containers
    private int cap;
    int[] cFunc;
    int[] cNode;
    byte[] cState;
    boolean[] cPinned;

    /** Whether the container, while starting, holds a request (false: a reservation pre-warm). */
    boolean[] cHasRequest;

    /** Arrival time of the request the container runs or starts for, and whether it waited. */
    double[] cArrival;

    boolean[] cCold;
    private double[] cReadyAt;
    private double[] cIdleSince;
    private int[] cLruPrev;
    private int[] cLruNext;
    private int[] cIdPrev;
    private int[] cIdNext;
    private int freeHead = -1;

    // nodes
    private final double[] memUsed;
    private final int[] lruHead;
    private final int[] lruTail;
    private final int[] pinLruHead;
    private final int[] pinLruTail;
    private final double[] idleMem;
    private final double[] pinIdleMem;
    private final int[] idleHead;
    private final int[] idleTail;
    private final int[][] startC;
    private final int[] startCount;
    private final int[][] bufF;
    private final double[][] bufT;
    private final int[] bufHead;
    private final int[] bufCount;

    // functions
    final int[] containerCount;
    final int[] pinnedCount;
    final int[] reserved;

    /** Live containers per (node, function), {@code n*F + f}. */
    final int[] live;

    ContainerPool(
            int nodes,
            int[] memoryMb,
            double[] coldStartMs,
            double capacityMb,
            double keepAliveMs,
            EventQueue queue,
            int timerBase,
            IntervalAccounting acc,
            ShardingContainerPoolBalancer lb) {
        this.nN = nodes;
        this.nF = memoryMb.length;
        this.mem = memoryMb.clone();
        this.coldMs = coldStartMs.clone();
        this.capacityMb = capacityMb;
        this.keepAlive = keepAliveMs;
        this.queue = queue;
        this.timerBase = timerBase;
        this.acc = acc;
        this.lb = lb;
        memUsed = new double[nN];
        lruHead = new int[nN];
        lruTail = new int[nN];
        pinLruHead = new int[nN];
        pinLruTail = new int[nN];
        idleMem = new double[nN];
        pinIdleMem = new double[nN];
        idleHead = new int[nN * nF];
        idleTail = new int[nN * nF];
        startC = new int[nN][8];
        startCount = new int[nN];
        bufF = new int[nN][16];
        bufT = new double[nN][16];
        bufHead = new int[nN];
        bufCount = new int[nN];
        containerCount = new int[nF];
        pinnedCount = new int[nF];
        reserved = new int[nF];
        live = new int[nN * nF];
        allocate(256);
    }

    /**
     * The invokers' user memory on {@code cluster} (MB), checked: at most a node's memory, and
     * enough for every function's container (and the simulator's set-up: functions, one arrival
     * stream each).
     */
    static int userMemory(
            ClusterSpec cluster,
            java.util.List<FunctionProfile> profiles,
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
        int u = params.userMemoryMb(cluster);
        if (u > cluster.memoryMb()) {
            throw new IllegalArgumentException(
                    "user_memory_mb "
                            + u
                            + " exceeds a node's memory of "
                            + cluster.memoryMb()
                            + " MB");
        }
        for (FunctionProfile p : profiles) {
            if (p.memoryMb() > u) {
                throw new IllegalArgumentException(
                        "function "
                                + p.name()
                                + " needs "
                                + p.memoryMb()
                                + " MB, more than an invoker's user memory of "
                                + u
                                + " MB");
            }
        }
        return u;
    }

    void onStartup(IntConsumer listener) {
        onStartup = listener;
    }

    void reset() {
        Arrays.fill(memUsed, 0.0);
        Arrays.fill(lruHead, -1);
        Arrays.fill(lruTail, -1);
        Arrays.fill(pinLruHead, -1);
        Arrays.fill(pinLruTail, -1);
        Arrays.fill(idleMem, 0.0);
        Arrays.fill(pinIdleMem, 0.0);
        Arrays.fill(idleHead, -1);
        Arrays.fill(idleTail, -1);
        Arrays.fill(startCount, 0);
        Arrays.fill(bufHead, 0);
        Arrays.fill(bufCount, 0);
        Arrays.fill(containerCount, 0);
        Arrays.fill(pinnedCount, 0);
        Arrays.fill(reserved, 0);
        Arrays.fill(live, 0);
        Arrays.fill(cState, FREE);
        for (int c = 0; c < cap; c++) {
            cLruNext[c] = c + 1 < cap ? c + 1 : -1;
        }
        freeHead = 0;
    }

    private void allocate(int newCap) {
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
        for (int c = old; c < newCap; c++) {
            cLruNext[c] = c + 1 < newCap ? c + 1 : freeHead;
        }
        freeHead = old < newCap ? old : freeHead;
    }

    // ---- requests

    /** The most recently used idle container of f on n, or -1. */
    int idle(int n, int f) {
        return idleTail[n * nF + f];
    }

    /**
     * Frees {@code need} MB on node n by evicting idle containers (unreserved LRU first); false if
     * impossible.
     */
    boolean makeRoom(int n, double need, double now) {
        double free = capacityMb - memUsed[n];
        if (free >= need) {
            return true;
        }
        if (free + idleMem[n] + pinIdleMem[n] < need) {
            return false;
        }
        while (capacityMb - memUsed[n] < need && lruHead[n] >= 0) {
            evict(lruHead[n], now);
        }
        while (capacityMb - memUsed[n] < need && pinLruHead[n] >= 0) {
            evict(pinLruHead[n], now);
        }
        return true;
    }

    /** Creates a container of f on n in state STARTING (memory must be available). */
    int create(int n, int f, boolean pinned, double now) {
        if (freeHead < 0) {
            allocate(cap * 2);
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
        acc.beforeContainerChange(n, f, now);
        containerCount[f]++;
        live[n * nF + f]++;
        if (pinned) {
            pinnedCount[f]++;
        }
        if (startCount[n] == startC[n].length) {
            startC[n] = Arrays.copyOf(startC[n], 2 * startCount[n]);
        }
        startC[n][startCount[n]++] = c;
        onStartup.accept(n);
        return c;
    }

    /** Earliest end of a cold start on node n ({@code +inf} if none). */
    double nextReady(int n) {
        double next = Double.POSITIVE_INFINITY;
        int[] sc = startC[n];
        for (int i = 0; i < startCount[n]; i++) {
            next = Math.min(next, cReadyAt[sc[i]]);
        }
        return next;
    }

    /** A container of node n whose cold start is over at t (taken off the list), or -1. */
    int popReady(int n, double t) {
        int[] sc = startC[n];
        for (int i = 0; i < startCount[n]; i++) {
            int c = sc[i];
            if (cReadyAt[c] <= t) {
                sc[i] = sc[--startCount[n]];
                return c;
            }
        }
        return -1;
    }

    void enqueue(int n, int f, double arrival) {
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

    int buffered(int n) {
        return bufCount[n];
    }

    int headFunction(int n) {
        return bufF[n][bufHead[n]];
    }

    double headArrival(int n) {
        return bufT[n][bufHead[n]];
    }

    void dequeue(int n) {
        bufHead[n] = (bufHead[n] + 1) % bufF[n].length;
        bufCount[n]--;
    }

    // ---- idle lists

    void becomeIdle(int c, double t) {
        int n = cNode[c];
        int f = cFunc[c];
        cState[c] = IDLE;
        cIdleSince[c] = t;
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
        if (cPinned[c]) {
            appendLru(c, pinLruHead, pinLruTail, n);
            pinIdleMem[n] += mem[f];
        } else {
            appendLru(c, lruHead, lruTail, n);
            idleMem[n] += mem[f];
            if (!queue.isScheduled(timerBase + n)) {
                queue.schedule(timerBase + n, t + keepAlive);
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
    void takeIdle(int c) {
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
            // when c was the head, the timer stays at its earlier time and re-arms when it fires
            if (lruHead[n] < 0) {
                queue.cancel(timerBase + n);
            }
        }
    }

    void evict(int c, double now) {
        takeIdle(c);
        int n = cNode[c];
        int f = cFunc[c];
        memUsed[n] -= mem[f];
        acc.beforeContainerChange(n, f, now);
        containerCount[f]--;
        live[n * nF + f]--;
        if (cPinned[c]) {
            pinnedCount[f]--;
        }
        cState[c] = FREE;
        cPinned[c] = false;
        cLruNext[c] = freeHead;
        freeHead = c;
        acc.evicted(f);
    }

    /**
     * Evicts node n's idle unreserved containers whose keep-alive ran out by t; re-arms the timer.
     * Returns whether any was evicted.
     */
    boolean expire(int n, double t) {
        boolean freed = false;
        int h;
        while ((h = lruHead[n]) >= 0 && cIdleSince[h] + keepAlive <= t) {
            evict(h, t);
            freed = true;
        }
        queue.schedule(
                timerBase + n, h >= 0 ? cIdleSince[h] + keepAlive : Double.POSITIVE_INFINITY);
        return freed;
    }

    /** Evicts every idle unreserved container of node n; returns how many. */
    int evictIdle(int n, double now) {
        int k = 0;
        while (lruHead[n] >= 0) {
            evict(lruHead[n], now);
            k++;
        }
        return k;
    }

    /**
     * Evicts the least recently used idle unreserved container of f; returns its node or -1 when
     * there is none.
     */
    int removeIdle(int f, double now) {
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
            return -1;
        }
        int n = cNode[best];
        evict(best, now);
        return n;
    }

    // ---- reservations

    /**
     * Sets the reservation of f to {@code k} containers kept warm regardless of the keep-alive.
     * Raising it adopts idle, then busy or starting, unreserved containers of f and cold-starts new
     * ones placed like requests (home invoker first, the first node whose pool can take it after
     * evicting unreserved idle containers); what cannot be placed now is retried by {@link
     * #reconcile}. Lowering it turns reserved containers into ordinary ones whose keep-alive starts
     * now.
     */
    void setReserved(int f, int k, double now) {
        reserved[f] = k;
        if (pinnedCount[f] > k) {
            release(f, pinnedCount[f] - k, now);
        } else {
            reconcile(f, now);
        }
    }

    void reconcile(int f, double now) {
        // adopt existing unreserved containers first: idle, then starting/busy
        for (int n = 0; n < nN && pinnedCount[f] < reserved[f]; n++) {
            for (int c = idleHead[n * nF + f];
                    c >= 0 && pinnedCount[f] < reserved[f];
                    c = cIdNext[c]) {
                if (!cPinned[c]) {
                    unlinkLru(c, lruHead, lruTail, n);
                    idleMem[n] -= mem[f];
                    if (lruHead[n] < 0) {
                        queue.cancel(timerBase + n);
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
            int n = placeReserved(f, now);
            if (n < 0) {
                return;
            }
            create(n, f, true, now);
            acc.prewarmed(f);
        }
    }

    /** Home invoker first, along the balancer's progression: the first node with memory. */
    private int placeReserved(int f, double now) {
        int k = lb.invokersInUse();
        int idx = lb.home(f);
        double need = mem[f];
        for (int i = 0; i < k; i++) {
            if (capacityMb - memUsed[idx] + idleMem[idx] >= need) {
                makeRoom(idx, need, now);
                return idx;
            }
            idx += lb.step(f);
            if (idx >= k) {
                idx -= k;
            }
        }
        return -1;
    }

    private void release(int f, int count, double now) {
        // idle reserved containers first: they become ordinary idle containers whose keep-alive
        // starts now
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
                    if (!queue.isScheduled(timerBase + n)) {
                        queue.schedule(timerBase + n, now + keepAlive);
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

    // ---- inspection

    int idleCount(int f) {
        int k = 0;
        for (int n = 0; n < nN; n++) {
            for (int c = idleHead[n * nF + f]; c >= 0; c = cIdNext[c]) {
                k++;
            }
        }
        return k;
    }

    double memoryInUse() {
        double s = 0.0;
        for (int n = 0; n < nN; n++) {
            s += memUsed[n];
        }
        return s;
    }

    int waiting() {
        int s = 0;
        for (int n = 0; n < nN; n++) {
            s += bufCount[n];
        }
        return s;
    }

    double memoryUsed(int n) {
        return memUsed[n];
    }

    double nextEviction(int n) {
        int h = lruHead[n];
        return h < 0 ? Double.POSITIVE_INFINITY : cIdleSince[h] + keepAlive;
    }
}
