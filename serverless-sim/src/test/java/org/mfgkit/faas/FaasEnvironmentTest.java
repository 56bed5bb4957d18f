package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.Tolerances;

class FaasEnvironmentTest {
    private static FaasEnvironment env(long episodes) {
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        ClusterSpec cluster = new ClusterSpec(6, 8, 16384);
        double[] rates = new double[fns.size()];
        for (int f = 0; f < rates.length; f++) {
            rates[f] =
                    0.3
                            * cluster.totalCores()
                            / rates.length
                            / (fns.get(f).meanWorkCoreMs() / 1000.0);
        }
        double[] targets = new double[fns.size()];
        for (int f = 0; f < targets.length; f++) {
            targets[f] = 1.15 * fns.get(f).service().quantile(0.99);
        }
        return FaasEnvironment.of(
                cluster,
                fns,
                FaasParams.defaults(),
                PoissonArrivals.constant(rates),
                targets,
                (int) episodes);
    }

    @Test
    void observationsInUnitBoxAndRewardIsTheFormula() {
        FaasEnvironment e = env(6);
        FaasEnvironment.Step s = e.reset(1);
        assertEquals(12 * FaasEnvironment.OBS_DIM, s.observations().length);
        int[] actions = new int[12];
        while (!s.done()) {
            for (int f = 0; f < 12; f++) {
                actions[f] = (s.interval() + f) % FaasEnvironment.N_ACTIONS;
            }
            s = e.step(actions);
            for (double o : s.observations()) {
                assertTrue(o >= 0.0 && o <= 1.0, "observation " + o);
            }
            IntervalMetrics m = s.metrics();
            for (int f = 0; f < 12; f++) {
                double expected = 0.3 * m.containerCpuUtilization(f) + 0.7 * m.sloPreservation(f);
                double penalty = expected - s.rewards()[f];
                assertTrue(
                        Math.abs(penalty) < Tolerances.TEST_EXACT
                                || Math.abs(penalty - 0.1) < Tolerances.TEST_EXACT,
                        "reward = formula, minus 0.1 on a reversal");
                assertEquals(
                        s.observations()[f * FaasEnvironment.OBS_DIM + 1], m.sloPreservation(f));
            }
        }
        assertEquals(6, s.interval());
        assertThrows(IllegalStateException.class, () -> e.step(actions));
    }

    /** +1 container then -1 container is a reversal (penalised); +1 then +1 is not. */
    @Test
    void reversalPenalty() {
        FaasEnvironment e = env(4);
        e.reset(2);
        int[] a = new int[12];
        a[0] = FaasEnvironment.ADD_CONTAINER;
        a[1] = FaasEnvironment.ADD_CONTAINER;
        a[2] = FaasEnvironment.RAISE_SHARES;
        FaasEnvironment.Step s1 = e.step(a);
        a[0] = FaasEnvironment.REMOVE_CONTAINER;
        a[1] = FaasEnvironment.ADD_CONTAINER;
        a[2] = FaasEnvironment.LOWER_SHARES;
        FaasEnvironment.Step s2 = e.step(a);
        IntervalMetrics m = s2.metrics();
        for (int f = 0; f < 3; f++) {
            double formula = 0.3 * m.containerCpuUtilization(f) + 0.7 * m.sloPreservation(f);
            double penalty = f == 1 ? 0.0 : 0.1;
            assertEquals(formula - penalty, s2.rewards()[f], Tolerances.TEST_EXACT, "agent " + f);
        }
        assertEquals(2, e.simulator().reserved(1));
        assertEquals(0, e.simulator().reserved(0));
        // OpenWhisk: 1024 / (user-memory 2048 / 512) = 256 (ContainerFactory.scala line 77)
        assertEquals(256, e.simulator().shares(2));
        assertTrue(s1.metrics() != null);
    }

    @Test
    void sameSeedSameEpisode() {
        FaasEnvironment e = env(5);
        double[][] first = new double[5][];
        FaasEnvironment.Step s = e.reset(9);
        int[] a = new int[12];
        for (int i = 0; i < 5; i++) {
            a[i % 12] = FaasEnvironment.ADD_CONTAINER;
            s = e.step(a);
            first[i] = s.rewards();
        }
        s = e.reset(9);
        a = new int[12];
        for (int i = 0; i < 5; i++) {
            a[i % 12] = FaasEnvironment.ADD_CONTAINER;
            s = e.step(a);
            assertArrayEquals(first[i], s.rewards());
        }
    }

    @Test
    void ensureKeepsSquareRootStaffedReservations() {
        FaasEnvironment e = env(3);
        EnsureManager ensure = EnsureManager.defaults();
        FaasEnvironment.Step s = e.reset(4);
        ensure.begin(e, 4);
        ensure.act(e, s);
        s = e.advance();
        ensure.act(e, s);
        for (int f = 0; f < 12; f++) {
            // 004: R is the arrival rate (requests per second)
            double r = s.metrics().arrivalRate(f);
            assertEquals((int) Math.ceil(r + 2.0 * Math.sqrt(r)), e.simulator().reserved(f));
        }
    }

    @Test
    void badActionsAreRejected() {
        FaasEnvironment e = env(2);
        e.reset(1);
        assertThrows(IllegalArgumentException.class, () -> e.step(new int[3]));
        int[] a = new int[12];
        a[4] = 7;
        assertThrows(IllegalArgumentException.class, () -> e.step(a));
    }
}
