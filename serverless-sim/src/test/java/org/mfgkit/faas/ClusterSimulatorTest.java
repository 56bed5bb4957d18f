package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.Tolerances;

class ClusterSimulatorTest {
    /**
     * The mechanisms are tested on small nodes whose whole memory is the invokers' user memory, all
     * invokers managed.
     */
    private static final FaasParams P =
            FaasParams.defaults()
                    .with(FaasParams.USER_MEMORY_MB, null)
                    .with(FaasParams.MANAGED_FRACTION, 1.0);

    /**
     * A function with a deterministic service time (lognormal with sigma 0 is exactly its median).
     */
    private static FunctionProfile fixed(
            String name, int memoryMb, double cpuDemand, double serviceMs, double coldMs) {
        return new FunctionProfile(
                name,
                FunctionClass.CPU,
                memoryMb,
                cpuDemand,
                new ServiceTime.LogNormal(serviceMs, 0.0),
                coldMs);
    }

    /**
     * M/M/c: Poisson arrivals (rate lambda), exponential service (rate mu), c reserved warm
     * containers on one node with c cores (no CPU contention) and memory for exactly c containers,
     * so a request that finds all c busy waits in the node's FIFO buffer. The mean latency is the
     * Erlang-C mean wait plus 1/mu; checked within a 99.9% batch-means confidence interval.
     */
    @Test
    void mmcMeanLatencyMatchesErlangC() {
        int c = 4;
        double mu = 10.0; // per second (mean service 100 ms)
        double lambda = 30.0; // rho = 0.75
        FunctionProfile fn =
                new FunctionProfile(
                        "mmc",
                        FunctionClass.CPU,
                        256,
                        1.0,
                        new ServiceTime.Exponential(1000.0 / mu),
                        0.0);
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(1, c, 256 * c),
                        List.of(fn),
                        P,
                        PoissonArrivals.constant(lambda));
        sim.reset(2024);
        sim.setReserved(0, c);
        double batchMs = 250_000.0;
        sim.runUntil(batchMs); // warm-up batch, discarded
        sim.harvest();
        SummaryStatistics batches = new SummaryStatistics();
        long served = 0;
        for (int b = 0; b < 60; b++) {
            sim.runUntil((b + 2) * batchMs);
            IntervalMetrics m = sim.harvest();
            batches.addValue(m.meanLatencyMs()[0]);
            served += m.completions()[0];
            assertEquals(0, m.coldStarts()[0], "reserved containers serve every request");
        }
        assertEquals(c, sim.containers(0));
        double a = lambda / mu;
        double wq = erlangC(c, a) / (c * mu - lambda) * 1000.0; // ms
        double expected = wq + 1000.0 / mu;
        double halfWidth =
                new TDistribution(batches.getN() - 1).inverseCumulativeProbability(0.9995)
                        * batches.getStandardDeviation()
                        / Math.sqrt(batches.getN());
        assertTrue(served > 400_000, "sample size " + served);
        System.out.printf(
                "M/M/%d: mean latency %.3f ms, Erlang-C %.3f ms, 99.9%% half-width %.3f ms, %d requests%n",
                c, batches.getMean(), expected, halfWidth, served);
        assertEquals(
                expected,
                batches.getMean(),
                halfWidth,
                "mean latency "
                        + batches.getMean()
                        + " vs Erlang-C "
                        + expected
                        + " +- "
                        + halfWidth);
        // the bound must be informative: tighter than 10% of the mean wait
        assertTrue(halfWidth < 0.1 * wq, "confidence half-width " + halfWidth + " vs wait " + wq);
    }

    /**
     * Erlang C probability of waiting, {@code C(c, a)} for offered load {@code a = lambda/mu < c}.
     */
    static double erlangC(int c, double a) {
        double term = 1.0;
        double sum = 0.0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        // term = a^c / c!
        double last = term * c / (c - a);
        return last / (sum + last);
    }

    @Test
    void erlangCClosedFormHandValues() {
        // c = 1: C = rho; c = 2, a = 1: C = (1/2 * 2) / (1 + 1 + 1) = 1/3
        assertEquals(0.7, erlangC(1, 0.7), Tolerances.TEST_EXACT);
        assertEquals(1.0 / 3.0, erlangC(2, 1.0), Tolerances.TEST_EXACT);
    }

    /**
     * Hand-worked processor sharing on one core: A (shares 256) and B (shares 768), both 100 ms of
     * single-core work, arrive together at warm containers. Rates 1/4 and 3/4: B finishes at 400/3
     * ms; A has 200/3 ms of work left and finishes alone at 200 ms = total work / capacity.
     */
    @Test
    void weightedSharingHandWorked() {
        FunctionProfile a = fixed("A", 256, 1.0, 100.0, 0.0);
        FunctionProfile b = fixed("B", 256, 1.0, 100.0, 0.0);
        double t0 = 1000.0;
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(1, 1, 4096),
                        List.of(a, b),
                        P,
                        new ExplicitArrivals(new double[] {t0}, new double[] {t0}));
        sim.setKeepLatencies(true);
        sim.reset(1);
        sim.setShares(0, 256);
        sim.setShares(1, 768);
        sim.setReserved(0, 1);
        sim.setReserved(1, 1);
        sim.runUntil(2000.0);
        IntervalMetrics m = sim.harvest();
        // latencies are stored as float: compare within one float ulp
        assertEquals(200.0, m.latencies()[0][0], Math.ulp(200.0f));
        assertEquals(400.0 / 3.0, m.latencies()[1][0], Math.ulp(400.0f / 3.0f));
        assertEquals(
                200.0,
                IntervalMetrics.sum(m.cpuUsedCoreMs()),
                Tolerances.TEST_EXACT,
                "CPU time = total work");
    }

    /**
     * Work conservation under contention: deterministic service times, heavy Poisson load on a
     * small cluster; once every request has completed, the CPU time handed out equals the work
     * brought (completions x S x demand) and no interval used more than the cluster's cores.
     */
    @Test
    void processorSharingConservesWork() {
        List<FunctionProfile> fns =
                List.of(
                        fixed("x", 256, 1.0, 50.0, 300.0),
                        fixed("y", 512, 2.0, 120.0, 800.0),
                        fixed("z", 128, 0.2, 400.0, 500.0));
        double[][] rates = {{60.0, 150.0}, {10.0, 20.0}, {30.0, 80.0}};
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(3, 4, 4096), fns, P, new PoissonArrivals(60_000.0, rates));
        sim.reset(7);
        sim.setShares(2, 2048);
        double used = 0.0;
        long[] done = new long[3];
        for (int i = 1; i <= 200; i++) {
            sim.runUntil(i * 10_000.0);
            IntervalMetrics m = sim.harvest();
            assertTrue(
                    m.clusterCpuUtilization() <= 1.0 + Tolerances.TEST_EXACT,
                    "interval " + i + " used more than the cluster");
            used += IntervalMetrics.sum(m.cpuUsedCoreMs());
            for (int f = 0; f < 3; f++) {
                done[f] += m.completions()[f];
            }
        }
        assertEquals(0, sim.runningRequests());
        assertEquals(0, sim.waitingRequests());
        double work = 0.0;
        for (int f = 0; f < 3; f++) {
            work += done[f] * fns.get(f).meanWorkCoreMs();
        }
        assertTrue(done[0] > 5000);
        // relative round-off of ~10^6 additions of rate x dt
        assertEquals(work, used, Tolerances.TEST_ITERATIVE * work);
    }

    /**
     * An unreserved idle container is evicted exactly keepAliveMs after it went idle, not earlier.
     */
    @Test
    void keepAliveEvictionAtExactlyTenMinutes() {
        FunctionProfile fn = fixed("f", 256, 1.0, 100.0, 500.0);
        double t0 = 1000.0;
        double idleAt = t0 + 500.0 + 100.0; // cold start, then service
        double reuse = idleAt + 300_000.0; // second request after 5 minutes idle: warm
        double idleAgain = reuse + 100.0;
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(2, 8, 16384),
                        List.of(fn),
                        P,
                        new ExplicitArrivals(new double[] {t0, reuse}));
        sim.setKeepLatencies(true);
        sim.reset(3);
        assertEquals(600_000.0, P.keepAliveMs());
        sim.runUntil(idleAt + 1.0);
        assertEquals(1, sim.containers(0));
        sim.runUntil(idleAgain + 1.0);
        IntervalMetrics m = sim.harvest();
        assertArrayEquals(new float[] {600.0f, 100.0f}, m.latencies()[0], Math.ulp(600.0f));
        assertEquals(1, m.coldStarts()[0]);
        double evictAt = idleAgain + 600_000.0;
        assertEquals(
                evictAt, sim.nextEvictionTime(sim.homeNode(0)), 0.0, "exactly idle time + 10 min");
        sim.runUntil(evictAt); // events strictly before evictAt
        assertEquals(1, sim.containers(0), "still alive just before 10 minutes idle");
        sim.runUntil(Math.nextUp(evictAt));
        assertEquals(0, sim.containers(0), "evicted at exactly 10 minutes idle");
        assertEquals(1, sim.harvest().evictions()[0]);
        assertEquals(0.0, sim.memoryInUseMb());
    }

    /** Reserved containers are never evicted by the keep-alive timer. */
    @Test
    void reservedContainersSurviveKeepAlive() {
        FunctionProfile fn = fixed("f", 256, 1.0, 100.0, 500.0);
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(2, 8, 16384),
                        List.of(fn),
                        P,
                        new ExplicitArrivals(new double[] {1000.0}));
        sim.reset(3);
        sim.setReserved(0, 2);
        sim.runUntil(3_600_000.0);
        assertEquals(2, sim.containers(0));
        IntervalMetrics m = sim.harvest();
        assertEquals(0, m.coldStarts()[0]);
        assertEquals(2, m.prewarms()[0]);
        double released = sim.now();
        sim.setReserved(
                0, 0); // released containers time out like ordinary ones, from the release on
        assertEquals(2, sim.containers(0));
        sim.runUntil(released + 600_000.0);
        assertEquals(2, sim.containers(0));
        sim.runUntil(Math.nextUp(released + 600_000.0));
        assertEquals(0, sim.containers(0));
    }

    /** Under memory pressure the least recently used idle container is evicted. */
    @Test
    void lruEvictionUnderMemoryPressure() {
        List<FunctionProfile> fns =
                List.of(
                        fixed("a", 512, 1.0, 10.0, 100.0),
                        fixed("b", 512, 1.0, 10.0, 100.0),
                        fixed("c", 512, 1.0, 10.0, 100.0));
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(1, 8, 1024),
                        fns,
                        P,
                        new ExplicitArrivals(
                                new double[] {0.0}, new double[] {1000.0}, new double[] {5000.0}));
        sim.reset(1);
        sim.runUntil(4000.0);
        assertEquals(1, sim.containers(0));
        assertEquals(1, sim.containers(1));
        sim.runUntil(6000.0);
        assertEquals(0, sim.containers(0), "a was least recently used");
        assertEquals(1, sim.containers(1));
        assertEquals(1, sim.containers(2));
        assertEquals(1024.0, sim.nodeMemoryUsed(0));
    }

    /** A request that finds no memory (all containers busy) waits in the node's FIFO buffer. */
    @Test
    void requestsWaitWhenMemoryIsFullOfBusyContainers() {
        FunctionProfile fn = fixed("f", 512, 1.0, 100.0, 0.0);
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(1, 8, 512),
                        List.of(fn),
                        P,
                        new ExplicitArrivals(new double[] {0.0, 10.0, 20.0}));
        sim.setKeepLatencies(true);
        sim.reset(1);
        sim.runUntil(1000.0);
        IntervalMetrics m = sim.harvest();
        // served one after another by the single container: done at 100, 200, 300
        assertArrayEquals(new float[] {100f, 190f, 280f}, m.latencies()[0], Math.ulp(280.0f));
        assertEquals(1, m.coldStarts()[0]);
    }

    @Test
    void openWhiskHashingAndCoprimeSteps() {
        assertArrayEquals(
                new int[] {1, 3, 7}, ShardingContainerPoolBalancer.pairwiseCoprimeNumbersUntil(10));
        assertArrayEquals(
                new int[] {1, 2, 5, 11, 13, 17, 19},
                ShardingContainerPoolBalancer.pairwiseCoprimeNumbersUntil(21));
        assertArrayEquals(
                new int[] {1}, ShardingContainerPoolBalancer.pairwiseCoprimeNumbersUntil(1));
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        // OpenWhisk's defaults: managed-fraction 90% of 21 invokers = ceil(18.9) = 19 managed
        ClusterSimulator sim =
                new ClusterSimulator(
                        ClusterSpec.defaults(),
                        fns,
                        FaasParams.defaults(),
                        PoissonArrivals.constant(new double[12]));
        assertEquals(19, sim.managedInvokers());
        int[] steps = ShardingContainerPoolBalancer.pairwiseCoprimeNumbersUntil(19);
        assertArrayEquals(new int[] {1, 2, 3, 5, 7, 11, 13, 17}, steps);
        for (int f = 0; f < fns.size(); f++) {
            int hash = Math.abs("guest".hashCode() ^ ("guest/" + fns.get(f).name()).hashCode());
            assertEquals(hash % 19, sim.homeNode(f));
            assertEquals(steps[hash % steps.length], sim.stepSize(f));
        }
    }

    /**
     * Routing: when the home invoker's slots (in-flight memory) are taken, the next request goes to
     * home + step (mod N), the one after that to home + 2 step.
     */
    @Test
    void overflowFollowsTheCoprimeStep() {
        FunctionProfile fn = fixed("Image-Inference", 512, 1.0, 1000.0, 0.0);
        int nodes = 10;
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(nodes, 8, 512),
                        List.of(fn),
                        P,
                        new ExplicitArrivals(new double[] {0.0, 1.0, 2.0}));
        sim.reset(1);
        sim.runUntil(500.0);
        int home = sim.homeNode(0);
        int step = sim.stepSize(0);
        assertEquals(1, sim.containersOn(home, 0));
        assertEquals(1, sim.containersOn((home + step) % nodes, 0));
        assertEquals(1, sim.containersOn((home + 2 * step) % nodes, 0));
        assertEquals(3, sim.containers(0));
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        List<IntervalMetrics> a = run(99);
        List<IntervalMetrics> b = run(99);
        List<IntervalMetrics> c = run(100);
        assertEquals(a.size(), b.size());
        boolean differs = false;
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).completions(), b.get(i).completions());
            assertArrayEquals(a.get(i).p99Ms(), b.get(i).p99Ms());
            assertArrayEquals(a.get(i).cpuUsedCoreMs(), b.get(i).cpuUsedCoreMs());
            assertArrayEquals(a.get(i).containerMs(), b.get(i).containerMs());
            assertEquals(a.get(i).clusterCpuUtilization(), b.get(i).clusterCpuUtilization());
            differs |= !java.util.Arrays.equals(a.get(i).p99Ms(), c.get(i).p99Ms());
        }
        assertTrue(differs, "another seed gives other numbers");
    }

    private static List<IntervalMetrics> run(long seed) {
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        double[] rates = new double[fns.size()];
        ClusterSpec cluster = new ClusterSpec(4, 8, 16384);
        for (int f = 0; f < rates.length; f++) {
            rates[f] =
                    0.6
                            * cluster.totalCores()
                            / rates.length
                            / (fns.get(f).meanWorkCoreMs() / 1000.0);
        }
        ClusterSimulator sim =
                new ClusterSimulator(cluster, fns, P, PoissonArrivals.constant(rates));
        sim.reset(seed);
        List<IntervalMetrics> out = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            if (i == 5) {
                sim.setShares(3, 2048);
                sim.setReserved(0, 3);
            }
            sim.runUntil(i * 30_000.0);
            out.add(sim.harvest());
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
