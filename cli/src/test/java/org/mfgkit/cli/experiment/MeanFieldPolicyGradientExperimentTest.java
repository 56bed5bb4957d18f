package org.mfgkit.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.ProgressFactory;

class MeanFieldPolicyGradientExperimentTest {

    @TempDir Path dir;

    private org.mfgkit.mdp.PolicyGradientFlowStudy.Summary run(
            MeanFieldPolicyGradientExperiment e, String config, String out, int threads)
            throws Exception {
        return (org.mfgkit.mdp.PolicyGradientFlowStudy.Summary)
                e.run(
                        Json.mapper().readTree(config),
                        new RunContext(dir.resolve(out), ProgressFactory.silent(), false, threads));
    }

    @Test
    void aSmallGridRunClosesTheGapMonotonicallyAndDoesNotDependOnTheThreadCount() throws Exception {
        String config =
                "{\"experiment\": \"meanfield-grid\", \"seeds\": [3, 7], \"grid\": 12, \"width\": 60, \"steps\": 300, \"points\": 40}";
        MeanFieldPolicyGradientExperiment grid = MeanFieldPolicyGradientExperiment.grid();
        var one = run(grid, config, "a", 1);
        var two = run(grid, config, "b", 2);
        assertEquals(
                Files.readString(dir.resolve("a/curve.csv")),
                Files.readString(dir.resolve("b/curve.csv")));
        for (String f : new String[] {"curve.csv", "curve.png", "curve-loglog.png"}) {
            assertTrue(Files.size(dir.resolve("a").resolve(f)) > 0, f);
        }
        assertArrayEquals(new long[] {3, 7}, one.seeds());
        assertEquals(144, one.states() * one.actions());
        assertEquals(300.0, one.time(), 0.0);
        assertTrue(one.allMonotone());
        assertEquals(2, one.runs().size());
        for (var r : one.runs()) {
            assertTrue(
                    r.finalGap() < r.initialGap() / 10,
                    "gap " + r.initialGap() + " -> " + r.finalGap());
            // soft performance difference: gap = lambda/(1-gamma) * occupancy-weighted KL
            assertEquals(r.finalGap(), 0.2 / (1 - 0.7) * r.finalKlOccupancy(), 1e-12);
            assertTrue(r.finalKlMean() > 0);
        }
        assertEquals(one.runs().get(1).finalGap(), two.runs().get(1).finalGap(), 0.0);
        String csv = Files.readString(dir.resolve("a/curve.csv"));
        assertTrue(
                csv.startsWith("series,time,mean,lo,hi,run_0,run_1"),
                csv.lines().findFirst().orElse(""));
    }

    @Test
    void aSmallBanditRun() throws Exception {
        String config =
                "{\"experiment\": \"meanfield-bandit\", \"seeds\": 2, \"actions\": 40, \"width\": 100, \"steps\": 500,"
                        + " \"integrator\": \"heun\", \"dt\": 2.0}";
        var r = run(MeanFieldPolicyGradientExperiment.bandit(), config, "c", 1);
        assertEquals("bandit", r.setting());
        assertEquals(1000.0, r.time(), 0.0);
        assertEquals("heun", r.integrator());
        assertTrue(r.allMonotone());
        assertTrue(r.minOrdersOfMagnitude() > 1, "orders " + r.minOrdersOfMagnitude());
        // bandit: gamma = 0, so gap = lambda * KL(pi || pi*)
        assertEquals(r.runs().get(0).finalGap(), 0.2 * r.runs().get(0).finalKlMean(), 1e-12);
    }

    @Test
    void badConfigsNameTheField() {
        MeanFieldPolicyGradientExperiment grid = MeanFieldPolicyGradientExperiment.grid();
        MeanFieldPolicyGradientExperiment bandit = MeanFieldPolicyGradientExperiment.bandit();
        String[][] cases = {
            {"{\"experiment\": \"meanfield-grid\", \"actions\": 10}", "actions"},
            {"{\"experiment\": \"meanfield-grid\", \"gamma\": 1.0}", "gamma"},
            {"{\"experiment\": \"meanfield-grid\", \"dt\": 0}", "dt"},
            {"{\"experiment\": \"meanfield-grid\", \"activation\": \"softplus\"}", "softplus"},
            {"{\"experiment\": \"meanfield-grid\", \"integrator\": \"rk4\"}", "rk4"},
            {"{\"experiment\": \"meanfield-grid\", \"width\": 0}", "width"},
            {"{\"experiment\": \"meanfield-bandit\", \"grid\": 10}", "grid"},
            {"{\"experiment\": \"meanfield-bandit\", \"lambda\": 0}", "lambda"},
        };
        for (String[] c : cases) {
            MeanFieldPolicyGradientExperiment e = c[0].contains("bandit") ? bandit : grid;
            IllegalArgumentException ex =
                    assertThrows(
                            IllegalArgumentException.class, () -> run(e, c[0], "bad", 1), c[0]);
            assertTrue(ex.getMessage().contains(c[1]), ex.getMessage());
        }
    }
}
