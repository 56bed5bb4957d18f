package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;

/** Issue 12: OpenWhisk's deployed defaults and the levers of 004's agents, hand-worked. */
class OpenWhiskDefaultsTest {
    private static FunctionProfile fixed(String name, int memoryMb, double cpu, double serviceMs) {
        return new FunctionProfile(
                name,
                FunctionClass.CPU,
                memoryMb,
                cpu,
                new ServiceTime.LogNormal(serviceMs, 0.0),
                0.0);
    }

    /** ContainerFactory.scala line 77: max(int(1024 / (user-memory / memory)), 2). */
    @Test
    void defaultSharesFollowUserMemory() {
        assertEquals(64, FaasParams.defaultShares(128, 2048));
        assertEquals(128, FaasParams.defaultShares(256, 2048));
        assertEquals(256, FaasParams.defaultShares(512, 2048));
        assertEquals(8, FaasParams.defaultShares(128, 16384));
        assertEquals(32, FaasParams.defaultShares(512, 16384));
        // integer division first: 2048 / 384 = 5 -> 1024 / 5 = 204.8 -> 204
        assertEquals(204, FaasParams.defaultShares(384, 2048));
        // the minimum of 2: 1024 / (65536 / 64 = 1024) = 1 -> 2
        assertEquals(2, FaasParams.defaultShares(64, 65536));
        assertEquals(2048, FaasParams.defaults().userMemoryMb());
        assertEquals(0.9, FaasParams.defaults().managedFraction());
        assertEquals(0.0, FaasParams.defaults().platformOverheadMs());
        assertFalse(FaasParams.defaults().cpuQuota());
    }

    /**
     * The slot semaphore holds user-memory = 2048 MB: 16 concurrent 128-MB requests fit on the home
     * invoker, the 17th goes one step further; each container holds its slots until it completes.
     */
    @Test
    void sixteenSmallRequestsFitTheHomeInvoker() {
        double[] t = new double[17];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(5, 8, 16384),
                        List.of(fixed("HTML-Gen", 128, 1.0, 10_000.0)),
                        FaasParams.defaults().with(FaasParams.MANAGED_FRACTION, 1.0),
                        new ExplicitArrivals(t));
        sim.reset(1);
        sim.runUntil(100.0);
        int home = sim.homeNode(0);
        assertEquals(16, sim.containersOn(home, 0));
        assertEquals(1, sim.containersOn((home + sim.stepSize(0)) % 5, 0));
        assertEquals(64, sim.shares(0));
    }

    /** ceil(21 x 0.9) = 19 managed invokers; ENSURE's concentration re-homes on the first k. */
    @Test
    void managedInvokersAndConcentration() {
        ShardingContainerPoolBalancer lb =
                new ShardingContainerPoolBalancer(
                        new String[] {"HTML-Gen", "Primes"}, new int[] {128, 512}, 21, 0.9, 2048);
        assertEquals(19, lb.managedInvokers());
        int h = ShardingContainerPoolBalancer.homeHash("Primes");
        assertEquals(h % 19, lb.home(1));
        lb.setInvokersInUse(5);
        int[] steps = ShardingContainerPoolBalancer.pairwiseCoprimeNumbersUntil(5);
        // 4 is co-prime to 5 but not to 2
        assertArrayEquals(new int[] {1, 2, 3}, steps);
        assertEquals(h % 5, lb.home(1));
        assertEquals(steps[h % 3], lb.step(1));
        assertThrows(IllegalArgumentException.class, () -> lb.setInvokersInUse(20));
    }

    /**
     * Entitled CPU, by hand: one node of 2 cores, f (256 MB, shares 256) with 1 container and g
     * (128 MB, shares 128) with 2: W = 512, f holds min(1, 2*256/512) = 1 core, each g container
     * min(1, 2*128/512) = 0.5. After g's shares go to 512: W = 1280, f holds 2*256/1280 = 0.4, each
     * g container 2*512/1280 = 0.8.
     */
    @Test
    void entitlementIsTheCfsShareOfTheNode() {
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(1, 2, 1024),
                        List.of(fixed("f", 256, 1.0, 100.0), fixed("g", 128, 1.0, 100.0)),
                        FaasParams.defaults().with(FaasParams.USER_MEMORY_MB, null),
                        new ExplicitArrivals(new double[0], new double[0]));
        sim.reset(3);
        assertEquals(256, sim.shares(0));
        assertEquals(128, sim.shares(1));
        sim.setReserved(0, 1);
        sim.setReserved(1, 2);
        sim.runUntil(10_000.0);
        IntervalMetrics m = sim.harvest();
        assertEquals(10_000.0, m.entitledCoreMs()[0], Tolerances.TEST_EXACT * 1e4);
        assertEquals(10_000.0, m.entitledCoreMs()[1], Tolerances.TEST_EXACT * 1e4);
        assertEquals(0.0, m.containerCpuUtilization(0));
        sim.setShares(1, 512);
        sim.runUntil(20_000.0);
        m = sim.harvest();
        assertEquals(4_000.0, m.entitledCoreMs()[0], Tolerances.TEST_EXACT * 1e4);
        assertEquals(16_000.0, m.entitledCoreMs()[1], Tolerances.TEST_EXACT * 1e4);
        // f's containers share the node with g's: mean co-located shares 512
        assertEquals(512.0, m.colocatedShares()[0], Tolerances.TEST_EXACT);
        // g's containers see the other functions' containers only: f's 256
        assertEquals(256.0, m.colocatedShares()[1], Tolerances.TEST_EXACT);
    }

    /**
     * Docker --cpus 0.5 halves a one-core job's rate: a 1000-ms request takes 2000 ms, plus the
     * platform overhead of 7 ms.
     */
    @Test
    void quotaCapsTheRateAndOverheadAddsToLatency() {
        ClusterSimulator sim =
                new ClusterSimulator(
                        new ClusterSpec(1, 8, 16384),
                        List.of(fixed("f", 512, 1.0, 1000.0)),
                        FaasParams.defaults().with(FaasParams.PLATFORM_OVERHEAD_MS, 7.0),
                        new ExplicitArrivals(new double[] {1000.0}));
        sim.setKeepLatencies(true);
        sim.reset(5);
        sim.setReserved(0, 1);
        sim.setQuota(0, 0.5);
        sim.runUntil(10_000.0);
        IntervalMetrics m = sim.harvest();
        assertEquals(2007.0, m.latencies()[0][0], 1e-3);
        assertEquals(1000.0, m.cpuUsedCoreMs()[0], 1e-6);
        assertEquals(0.5, m.cpuCap()[0]);
    }

    /**
     * The nodes' rates are the water-filling of {@link WeightedProcessorSharing#allocate} over the
     * individual jobs (the one implementation, applied to groups, against the same on jobs).
     */
    @Test
    void groupWaterFillingMatchesTheJobAllocation() {
        RandomGenerator rng = RandomStreams.create(12);
        int nF = 6;
        for (int trial = 0; trial < 300; trial++) {
            double cores = 1 + rng.nextInt(8);
            ProcessorSharingNodes cpu = new ProcessorSharingNodes(1, nF, cores);
            double[] cap = new double[nF];
            int[] shares = new int[nF];
            for (int f = 0; f < nF; f++) {
                cap[f] = 0.1 + 1.9 * rng.nextDouble();
                shares[f] = 2 + rng.nextInt(2047);
            }
            cpu.reset(cap, shares);
            double[] used = new double[nF];
            int[] count = new int[nF];
            int jobs = 1 + rng.nextInt(20);
            for (int j = 0; j < jobs; j++) {
                int f = rng.nextInt(nF);
                count[f]++;
                cpu.start(0, f, j, 1000.0);
            }
            // change weights and caps, as the controls do, then recompute
            for (int f = 0; f < nF; f++) {
                if (rng.nextBoolean()) {
                    shares[f] = 2 + rng.nextInt(2047);
                    cap[f] = 0.1 + 1.9 * rng.nextDouble();
                    cpu.set(f, shares[f], cap[f]);
                }
            }
            cpu.applyChanges(0.0, used);
            cpu.refresh(0);
            double[] w = new double[jobs];
            double[] d = new double[jobs];
            int[] of = new int[jobs];
            int k = 0;
            for (int f = 0; f < nF; f++) {
                for (int i = 0; i < count[f]; i++) {
                    w[k] = shares[f];
                    d[k] = cap[f];
                    of[k++] = f;
                }
            }
            double[] r = WeightedProcessorSharing.allocate(cores, w, d);
            double total = 0.0;
            for (int j = 0; j < jobs; j++) {
                assertEquals(r[j], cpu.jobRate(0, of[j]), 1e-12, "trial " + trial);
                total += r[j];
            }
            assertEquals(Math.min(cores, sumCaps(d)), total, 1e-9);
            assertEquals(Math.min(cores, sumCaps(d)), cpu.rate(0), 1e-9);
        }
    }

    private static double sumCaps(double[] d) {
        double s = 0.0;
        for (double x : d) {
            s += x;
        }
        return s;
    }

    /**
     * The three normalisations: equal CPU (rate x work equal), equal rate (rates equal), native
     * (one scale); each offers load x cores in total over the window.
     */
    @Test
    void normalisationsSplitTheLoadAsDeclared() {
        AzureTrace trace = AzureTrace.resource("azure-2019-synthetic.csv");
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        ClusterSpec cluster = ClusterSpec.defaults();
        int[] rows = {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
        double offered = 0.3 * cluster.totalCores();
        for (TraceReplay.Normalisation how : TraceReplay.Normalisation.values()) {
            TraceReplay r = TraceReplay.atLoad(trace, rows, fns, cluster, 0.3, 720, 130, how);
            double total = 0.0;
            for (int f = 0; f < rows.length; f++) {
                double cpu = r.meanRate(f) * fns.get(f).meanWorkCoreMs() / 1000.0;
                total += cpu;
                switch (how) {
                    case EQUAL_CPU -> assertEquals(offered / rows.length, cpu, 1e-9);
                    case EQUAL_RATE -> assertEquals(r.meanRate(0), r.meanRate(f), 1e-9);
                    case NATIVE -> assertEquals(r.scale(0), r.scale(f), 0.0);
                }
            }
            assertEquals(offered, total, 1e-9, how.label());
        }
        assertEquals(TraceReplay.Normalisation.NATIVE, TraceReplay.Normalisation.of("native"));
        assertThrows(IllegalArgumentException.class, () -> TraceReplay.Normalisation.of("x"));
    }

    /** The quota actions: only with cpu_quota; -0.25 core from the demand, back up removes it. */
    @Test
    void quotaActionsMoveTheLimitWithinItsBounds() {
        List<FunctionProfile> fns = List.of(fixed("f", 512, 1.0, 100.0));
        FaasEnvironment plain =
                FaasEnvironment.of(
                        new ClusterSpec(2, 8, 16384),
                        fns,
                        FaasParams.defaults(),
                        PoissonArrivals.constant(new double[] {1.0}),
                        new double[] {200.0},
                        3);
        plain.reset(1);
        assertEquals(5, plain.actions());
        assertThrows(
                IllegalArgumentException.class,
                () -> plain.step(new int[] {FaasEnvironment.RAISE_QUOTA}));
        FaasEnvironment e =
                FaasEnvironment.of(
                        new ClusterSpec(2, 8, 16384),
                        fns,
                        FaasParams.defaults().with(FaasParams.CPU_QUOTA, true),
                        PoissonArrivals.constant(new double[] {1.0}),
                        new double[] {200.0},
                        8);
        e.reset(1);
        assertEquals(7, e.actions());
        e.step(new int[] {FaasEnvironment.LOWER_QUOTA});
        assertEquals(0.75, e.simulator().quota(0));
        e.step(new int[] {FaasEnvironment.LOWER_QUOTA});
        e.step(new int[] {FaasEnvironment.LOWER_QUOTA});
        assertEquals(0.25, e.simulator().quota(0));
        FaasEnvironment.Step s = e.step(new int[] {FaasEnvironment.RAISE_QUOTA});
        assertEquals(0.5, e.simulator().quota(0));
        // raising after lowering is a reversal: penalised
        double util = s.metrics().containerCpuUtilization(0);
        double slo = s.metrics().sloPreservation(0);
        assertEquals(0.3 * util + 0.7 * slo - 0.1, s.rewards()[0], Tolerances.TEST_EXACT);
        e.step(new int[] {FaasEnvironment.RAISE_QUOTA});
        e.step(new int[] {FaasEnvironment.RAISE_QUOTA});
        assertTrue(Double.isInfinite(e.simulator().quota(0)), "raised to the demand: no limit");
    }
}
