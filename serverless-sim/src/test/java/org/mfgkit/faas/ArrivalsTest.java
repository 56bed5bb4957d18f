package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;

class ArrivalsTest {
    /**
     * Piecewise-constant Poisson: the count in each piece is Poisson(rate x length); checked per
     * piece over many replications within 5 standard errors of the mean, and times are increasing.
     */
    @Test
    void piecewisePoissonCountsHaveTheRightMeans() {
        double[][] rates = {{2.0, 0.0, 10.0}};
        PoissonArrivals p = new PoissonArrivals(30_000.0, rates);
        int reps = 2000;
        long[] counts = new long[3];
        for (int r = 0; r < reps; r++) {
            ArrivalProcess.Stream s = p.open(0, RandomStreams.derive(8, r));
            double prev = -1;
            for (double t = s.next(); t < Double.POSITIVE_INFINITY; t = s.next()) {
                assertTrue(t >= prev && t < 90_000.0);
                prev = t;
                counts[(int) (t / 30_000.0)]++;
            }
        }
        for (int k = 0; k < 3; k++) {
            double mean = rates[0][k] * 30.0 * reps;
            double se = Math.sqrt(Math.max(mean, 1e-9));
            assertEquals(mean, counts[k], 5 * se + 1e-9, "piece " + k);
        }
    }

    /** With scale 1 the replay emits exactly each minute's count, inside that minute, in order. */
    @Test
    void traceReplayKeepsPerMinuteCounts() throws IOException {
        AzureTrace t =
                AzureTrace.parse(
                        new StringReader(
                                "HashOwner,HashApp,HashFunction,Trigger,1,2,3,4\n"
                                        + "o,a,f,http,3,0,7,1\no,a,g,timer,0,0,0,0\n"),
                        "t");
        TraceReplay replay = new TraceReplay(t, new int[] {0, 1}, new double[] {1.0, 1.0}, 1, 3);
        ArrivalProcess.Stream s = replay.open(0, RandomStreams.create(1));
        int[] perMinute = new int[3];
        double prev = 0;
        for (double x = s.next(); x < Double.POSITIVE_INFINITY; x = s.next()) {
            assertTrue(x >= prev);
            prev = x;
            perMinute[(int) (x / 60_000.0)]++;
        }
        assertEquals(List.of(0, 7, 1), List.of(perMinute[0], perMinute[1], perMinute[2]));
        assertEquals(Double.POSITIVE_INFINITY, replay.open(1, RandomStreams.create(1)).next());
        assertEquals(180_000.0, replay.horizonMs());
    }

    /**
     * Fractional scales round up with probability equal to the fraction: the mean count is scale x
     * count.
     */
    @Test
    void fractionalScaleIsUnbiased() throws IOException {
        AzureTrace t =
                AzureTrace.parse(
                        new StringReader(
                                "HashOwner,HashApp,HashFunction,Trigger,1\no,a,f,http,10\n"),
                        "t");
        TraceReplay replay = new TraceReplay(t, new int[] {0}, new double[] {0.35}, 0, 1);
        int reps = 20_000;
        long total = 0;
        for (int r = 0; r < reps; r++) {
            ArrivalProcess.Stream s = replay.open(0, RandomStreams.derive(3, r));
            while (s.next() < Double.POSITIVE_INFINITY) {
                total++;
            }
        }
        // each replication is 3 or 4 (Bernoulli(0.5) on top of 3): sd 0.5
        assertEquals(3.5 * reps, total, 5 * 0.5 * Math.sqrt(reps));
    }

    @Test
    void atLoadScalesToTheRequestedMeanCpu() {
        AzureTrace t = AzureTrace.resource("azure-2019-synthetic.csv");
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        ClusterSpec cluster = ClusterSpec.defaults();
        int[] rows = new int[12];
        for (int f = 0; f < 12; f++) {
            rows[f] = f;
        }
        TraceReplay r = TraceReplay.atLoad(t, rows, fns, cluster, 0.4, 60, 120);
        for (int f = 0; f < 12; f++) {
            double cores = r.meanRate(f) * fns.get(f).meanWorkCoreMs() / 1000.0;
            assertEquals(0.4 * 168 / 12, cores, 1e-9);
        }
    }
}
