package org.mfgkit.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.ProgressFactory;

class DemoMonteCarloTest {

    @TempDir Path dir;

    @Test
    void checkpointsAreDistinctAscendingAndSpanOneToN() {
        double[] n = DemoMonteCarlo.checkpoints(1000, 7);
        assertArrayEquals(new double[] {1, 3, 10, 32, 100, 316, 1000}, n, 0);
        assertEquals(
                1000,
                DemoMonteCarlo.checkpoints(1000, 200)[
                        DemoMonteCarlo.checkpoints(1000, 200).length - 1],
                0);
    }

    @Test
    void runningMeanErrorsMatchADirectComputation() {
        double[] n = {1, 5, 20};
        double[] errors = DemoMonteCarlo.runningMeanErrors(new SplittableRandom(3), n);
        SplittableRandom again = new SplittableRandom(3);
        double[] u = new double[20];
        for (int i = 0; i < u.length; i++) {
            u[i] = again.nextDouble();
        }
        for (int k = 0; k < n.length; k++) {
            double sum = 0;
            for (int i = 0; i < n[k]; i++) {
                sum += u[i];
            }
            assertEquals(Math.abs(sum / n[k] - 0.5), errors[k], 1e-15);
        }
    }

    @Test
    void slopeOfAnExactPowerLaw() {
        double[] x = {1, 10, 100, 1000};
        double[] y = {2, 2 / Math.sqrt(10), 0.2, 2 / Math.sqrt(1000)};
        assertEquals(-0.5, DemoMonteCarlo.slope(x, y), 1e-12);
    }

    @Test
    void resultDoesNotDependOnTheThreadCountAndFollowsTheClt() throws Exception {
        var config =
                Json.mapper()
                        .readTree(
                                "{\"experiment\": \"demo-monte-carlo\", \"seeds\": 32, \"samples\": 20000, \"points\": 30}");
        DemoMonteCarlo demo = new DemoMonteCarlo();
        var one =
                (DemoMonteCarlo.Result)
                        demo.run(
                                config,
                                new RunContext(
                                        dir.resolve("a"), ProgressFactory.silent(), false, 1));
        var two =
                (DemoMonteCarlo.Result)
                        demo.run(
                                config,
                                new RunContext(
                                        dir.resolve("b"), ProgressFactory.silent(), false, 2));
        assertEquals(Json.toString(one), Json.toString(two));
        // 32 seeds: the rms error over seeds estimates sigma/sqrt(n) with relative standard error
        // about 1/sqrt(2*32) = 0.125; 4 standard errors = 0.5.
        assertEquals(1.0, one.rmsError() / one.theoryRmsError(), 0.5);
        // The slope is a fit over 30 checkpoints of that noisy estimate; theory says -1/2.
        assertTrue(Math.abs(one.logLogSlope() + 0.5) < 0.15, "slope " + one.logLogSlope());
    }
}
