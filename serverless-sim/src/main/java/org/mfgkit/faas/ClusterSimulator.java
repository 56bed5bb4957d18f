package org.mfgkit.faas;

import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.RandomStreams;

/**
 * Deterministic discrete-event simulator of an OpenWhisk cluster (SPEC §5; 004 Appendix E). The
 * parts: the router ({@link ShardingContainerPoolBalancer}), the invokers' container pools ({@link
 * ContainerPool}), the nodes' CPUs ({@link ProcessorSharingNodes}) and the interval accounting
 * ({@link IntervalAccounting}); this class owns the clock, the events and the controls.
 *
 * <p><b>Events</b> live in an {@link EventQueue} ordered by {@code (time, sequence)}: one slot per
 * arrival stream ({@code f}), per node's next service event ({@code F + n}: the earliest job
 * completion or container start-up on the node) and per node's keep-alive timer ({@code F + N +
 * n}).
 *
 * <p><b>A request</b> of f is routed by the balancer (taking its slots), runs in the most recently
 * used idle warm container of f on that node, else cold-starts a container when the pool has room
 * (evicting idle ones least recently used first), else waits in the node's FIFO buffer. Its work is
 * {@code S * cpuDemand} core-ms with {@code S} drawn from its service time, so alone it takes
 * {@code S}; its latency is its time in the cluster plus {@code platformOverheadMs}.
 *
 * <p>Randomness: stream {@code f} of arrivals, stream {@code F + f} of service times and stream
 * {@code 2F} of the balancer's overload choice, all derived from the seed of {@link #reset}. Same
 * seed, same numbers. Not thread-safe.
 */
public final class ClusterSimulator {
    /** Largest {@code cpu.shares} the kernel accepts ({@code MAX_SHARES = 2^18}). */
    static final int KERNEL_MAX_SHARES = 262_144;

    private final ClusterSpec cluster;
    private final List<FunctionProfile> profiles;
    private final FaasParams params;
    private final ArrivalProcess arrivals;
    private final int nF;
    private final int nN;
    private final int userMemory;
    private final double overhead;

    private final int[] mem;
    private final double[] demand;
    private final ServiceSampler service;

    private final int[] shares;
    private final double[] quota;
    private final double[] cap;
    private double[] target;
    private final ArrivalProcess.Stream[] streams;

    private final EventQueue queue;
    private double now;
    private int[][] doneBuf = {new int[16]};

    private final ShardingContainerPoolBalancer lb;
    private final ContainerPool pool;
    private final ProcessorSharingNodes cpu;
    private final IntervalAccounting acc;
    private boolean keepLatencies;

    /**
     * A simulator of {@code profiles} on {@code cluster} fed by {@code arrivals} (one stream per
     * function). Call {@link #reset} before running.
     */
    public ClusterSimulator(
            ClusterSpec cluster,
            List<FunctionProfile> profiles,
            FaasParams params,
            ArrivalProcess arrivals) {
        this.userMemory = ContainerPool.userMemory(cluster, profiles, params, arrivals);
        this.cluster = cluster;
        this.profiles = List.copyOf(profiles);
        this.params = params;
        this.arrivals = arrivals;
        this.nF = profiles.size();
        this.nN = cluster.nodes();
        this.overhead = params.platformOverheadMs();
        mem = new int[nF];
        demand = new double[nF];
        service = new ServiceSampler(profiles);
        double[] coldMs = new double[nF];
        String[] names = new String[nF];
        for (int f = 0; f < nF; f++) {
            FunctionProfile p = profiles.get(f);
            names[f] = p.name();
            mem[f] = p.memoryMb();
            demand[f] = Math.min(p.cpuDemand(), cluster.cores());
            coldMs[f] = p.coldStartMs();
        }
        shares = new int[nF];
        quota = new double[nF];
        cap = new double[nF];
        target = new double[nF];
        Arrays.fill(target, Double.POSITIVE_INFINITY);
        streams = new ArrivalProcess.Stream[nF];
        queue = new EventQueue(nF + 2 * nN);
        lb =
                new ShardingContainerPoolBalancer(
                        names, mem, nN, params.managedFraction(), userMemory);
        acc = new IntervalAccounting(nN, nF, cluster.cores());
        cpu = new ProcessorSharingNodes(nN, nF, cluster.cores());
        pool =
                new ContainerPool(
                        nN, mem, coldMs, userMemory, params.keepAliveMs(), queue, nF + nN, acc, lb);
        pool.onStartup(n -> reschedule(n, cpu.refresh(n)));
        acc.bind(pool.live, shares, cap, pool.containerCount);
    }

    /** Home invoker of function {@code f} among the invokers in use. */
    public int homeNode(int f) {
        return lb.home(f);
    }

    /** Step size of function {@code f} through the invokers. */
    public int stepSize(int f) {
        return lb.step(f);
    }

    /** Invokers that run managed actions ({@code ceil(N * managedFraction)}). */
    public int managedInvokers() {
        return lb.managedInvokers();
    }

    /** The invokers' {@code user-memory} (MB). */
    public int userMemoryMb() {
        return userMemory;
    }

    /**
     * Empties the cluster, sets every function's {@code cpu.shares} to OpenWhisk's default, removes
     * quotas and reservations, routes to all managed invokers, rewinds the clock and reseeds.
     */
    public void reset(long seed) {
        queue.clear();
        now = 0.0;
        pool.reset();
        acc.reset();
        for (int f = 0; f < nF; f++) {
            shares[f] = FaasParams.defaultShares(mem[f], userMemory);
            quota[f] = Double.POSITIVE_INFINITY;
            cap[f] = demand[f];
        }
        cpu.reset(cap, shares);
        for (int f = 0; f < nF; f++) {
            streams[f] = arrivals.open(f, RandomStreams.derive(seed, f));
            scheduleNextArrival(f);
        }
        service.reset(seed);
        lb.reset(RandomStreams.derive(seed, 2L * nF));
    }

    private void scheduleNextArrival(int f) {
        double t = streams[f].next();
        if (t < now) {
            throw new IllegalStateException(
                    "arrival stream of function " + f + " went back in time (" + t + " < " + now);
        }
        queue.schedule(f, t < arrivals.horizonMs() ? t : Double.POSITIVE_INFINITY);
    }

    public double now() {
        return now;
    }

    public int functions() {
        return nF;
    }

    public ClusterSpec cluster() {
        return cluster;
    }

    public List<FunctionProfile> profiles() {
        return profiles;
    }

    public FaasParams params() {
        return params;
    }

    public ArrivalProcess arrivals() {
        return arrivals;
    }

    /** Sets the QoS latency targets (ms) used to count violations; copied. */
    public void setTargets(double[] targetsMs) {
        if (targetsMs.length != nF) {
            throw new IllegalArgumentException(
                    "need " + nF + " QoS targets, got " + targetsMs.length);
        }
        for (int f = 0; f < nF; f++) {
            if (!(targetsMs[f] > 0.0)) {
                throw new IllegalArgumentException(
                        "QoS target of " + profiles.get(f).name() + " must be > 0");
            }
        }
        target = targetsMs.clone();
    }

    public double[] targets() {
        return target.clone();
    }

    /** Whether each interval's latencies are kept for {@link IntervalMetrics#latencies()}. */
    public void setKeepLatencies(boolean keep) {
        keepLatencies = keep;
    }

    // ---- main loop

    /** Processes every event with time {@code < tEnd}, then advances the clock to {@code tEnd}. */
    public void runUntil(double tEnd) {
        if (tEnd < now) {
            throw new IllegalArgumentException("cannot run back in time: " + tEnd + " < " + now);
        }
        applyControls();
        while (queue.peekTime() < tEnd) {
            fire();
        }
        now = tEnd;
        for (int n = 0; n < nN; n++) {
            cpu.advance(n, tEnd, acc.usedCoreMs);
        }
        acc.flushAll(tEnd);
    }

    /** Processes events until {@code count} more invocations completed (throughput runs). */
    public void runCompletions(long count) {
        applyControls();
        long goal = acc.totalCompletions + count;
        while (acc.totalCompletions < goal && !queue.isEmpty()) {
            fire();
        }
    }

    private void fire() {
        int slot = queue.peekSlot();
        now = queue.peekTime();
        if (slot < nF) {
            onArrival(slot);
        } else if (slot < nF + nN) {
            onNodeEvent(slot - nF);
        } else {
            int n = slot - nF - nN;
            if (pool.expire(n, now) && pool.buffered(n) > 0) {
                drain(n);
                refresh(n);
            }
        }
    }

    private void onArrival(int f) {
        final double t = now;
        scheduleNextArrival(f);
        acc.arrivals[f]++;
        int n = lb.route(f);
        if (pool.buffered(n) > 0 || !tryStart(n, f, t)) {
            pool.enqueue(n, f, t);
        }
        refresh(n);
    }

    /** Warm container, else cold start; false when the request must wait. */
    private boolean tryStart(int n, int f, double arrival) {
        int c = pool.idle(n, f);
        if (c >= 0) {
            pool.takeIdle(c);
            pool.cArrival[c] = arrival;
            pool.cCold[c] = false;
            startJob(n, c);
            return true;
        }
        if (!pool.makeRoom(n, mem[f], now)) {
            return false;
        }
        c = pool.create(n, f, false, now);
        pool.cHasRequest[c] = true;
        pool.cArrival[c] = arrival;
        pool.cCold[c] = true;
        return true;
    }

    private void drain(int n) {
        while (pool.buffered(n) > 0 && tryStart(n, pool.headFunction(n), pool.headArrival(n))) {
            pool.dequeue(n);
        }
    }

    private void onNodeEvent(int n) {
        final double t = now;
        cpu.advance(n, t, acc.usedCoreMs);
        int done = cpu.popCompleted(n, t, doneBuf);
        if (done == 1) {
            complete(n, doneBuf[0][0], t);
        } else if (done > 1) {
            // completing may start new jobs on this node (and reuse the buffer)
            int[] finished = Arrays.copyOf(doneBuf[0], done);
            for (int c : finished) {
                complete(n, c, t);
            }
        }
        int c;
        while ((c = pool.popReady(n, t)) >= 0) {
            if (pool.cHasRequest[c]) {
                pool.cHasRequest[c] = false;
                startJob(n, c);
            } else {
                pool.becomeIdle(c, t);
                drain(n);
            }
        }
        refresh(n);
    }

    private void complete(int n, int c, double t) {
        int f = pool.cFunc[c];
        acc.completed(f, t - pool.cArrival[c] + overhead, target[f], pool.cCold[c]);
        lb.release(n, f);
        pool.becomeIdle(c, t);
        if (pool.buffered(n) > 0) {
            drain(n);
        }
    }

    private void startJob(int n, int c) {
        int f = pool.cFunc[c];
        pool.cState[c] = ContainerPool.BUSY;
        double s = service.sample(f);
        cpu.advance(n, now, acc.usedCoreMs);
        cpu.start(n, f, c, s * demand[f]);
    }

    private void refresh(int n) {
        reschedule(n, cpu.refresh(n));
    }

    private void reschedule(int n, double nextFinish) {
        queue.schedule(nF + n, Math.min(nextFinish, pool.nextReady(n)));
    }

    private void applyControls() {
        if (cpu.changed()) {
            acc.beforeControlChange(now);
            cpu.applyChanges(now, acc.usedCoreMs);
            for (int n = 0; n < nN; n++) {
                refresh(n);
            }
        }
    }

    // ---- controls (between intervals)

    public int shares(int f) {
        return shares[f];
    }

    /** Sets the {@code cpu.shares} of every container of f (Docker accepts 2..262144). */
    public void setShares(int f, int value) {
        if (value < 2 || value > KERNEL_MAX_SHARES) {
            throw new IllegalArgumentException(
                    "cpu.shares of "
                            + profiles.get(f).name()
                            + " must lie in 2.."
                            + KERNEL_MAX_SHARES
                            + ", got "
                            + value);
        }
        shares[f] = value;
        cpu.set(f, value, cap[f]);
    }

    /** The hard CPU limit of each container of f (cores; {@code +inf} = none). */
    public double quota(int f) {
        return quota[f];
    }

    /**
     * Sets the hard CPU limit of f's containers (Docker {@code --cpus}: a CFS quota of {@code
     * cores} per period), {@code +inf} for none; a job then runs at most at {@code min(cpuDemand,
     * cores)}.
     */
    public void setQuota(int f, double cores) {
        if (!(cores > 0.0)) {
            throw new IllegalArgumentException(
                    "CPU limit of " + profiles.get(f).name() + " must be > 0, got " + cores);
        }
        quota[f] = cores;
        cap[f] = Math.min(demand[f], cores);
        cpu.set(f, shares[f], cap[f]);
    }

    public int reserved(int f) {
        return pool.reserved[f];
    }

    public int containers(int f) {
        return pool.containerCount[f];
    }

    /**
     * Sets the reservation of f to {@code k} warm containers ({@link ContainerPool#setReserved}).
     */
    public void setReserved(int f, int k) {
        if (k < 0) {
            throw new IllegalArgumentException(
                    "reservation of " + profiles.get(f).name() + " must be >= 0, got " + k);
        }
        pool.setReserved(f, k, now);
    }

    /** Brings every function's reserved containers up to its reservation where memory allows. */
    public void reconcile() {
        for (int f = 0; f < nF; f++) {
            if (pool.pinnedCount[f] < pool.reserved[f]) {
                pool.reconcile(f, now);
            }
        }
    }

    /** Removes the least recently used idle unreserved container of f; whether there was one. */
    public boolean removeIdle(int f) {
        int n = pool.removeIdle(f, now);
        if (n < 0) {
            return false;
        }
        if (pool.buffered(n) > 0) {
            drain(n);
            refresh(n);
        }
        return true;
    }

    /** Evicts every idle unreserved container at once (ENSURE's consolidation); how many. */
    public int evictAllIdle() {
        int k = 0;
        for (int n = 0; n < nN; n++) {
            k += pool.evictIdle(n, now);
            if (pool.buffered(n) > 0) {
                drain(n);
                refresh(n);
            }
        }
        return k;
    }

    /** Routes new requests and reservations to the first {@code k} managed invokers only. */
    public void setInvokersInUse(int k) {
        lb.setInvokersInUse(k);
    }

    // ---- metrics

    public double memoryInUseMb() {
        return pool.memoryInUse();
    }

    public int waitingRequests() {
        return pool.waiting();
    }

    public int runningRequests() {
        return cpu.running();
    }

    /** The metrics of the interval since the previous harvest (or reset); restarts the counters. */
    public IntervalMetrics harvest() {
        for (int n = 0; n < nN; n++) {
            cpu.advance(n, now, acc.usedCoreMs);
        }
        return acc.harvest(
                now,
                cpu,
                pool,
                mem,
                demand,
                cluster.totalCores(),
                (double) userMemory * nN,
                waitingRequests(),
                keepLatencies);
    }

    // ---- inspection for tests

    /** Containers of f on node n (any state). */
    public int containersOn(int n, int f) {
        return pool.live[n * nF + f];
    }

    /** When the oldest idle unreserved container of node n will be evicted ({@code +inf}: none). */
    public double nextEvictionTime(int n) {
        return pool.nextEviction(n);
    }

    /** Memory of node n held by containers (MB). */
    public double nodeMemoryUsed(int n) {
        return pool.memoryUsed(n);
    }
}
