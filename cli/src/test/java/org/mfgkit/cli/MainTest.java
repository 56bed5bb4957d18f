package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.output.Json;

class MainTest {

    @Test
    void listJsonIsOneObjectWithEverySection() throws Exception {
        CliRunner.Outcome r = CliRunner.run("list", "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode root = Json.mapper().readTree(r.out());
        assertTrue(root.isObject());
        for (String key :
                List.of(
                        "environments",
                        "algorithms",
                        "presets",
                        "nac_presets",
                        "experiments",
                        "bench_tasks")) {
            assertTrue(root.get(key).isArray(), "missing section " + key);
        }
        assertEquals("nac", root.get("experiments").get(0).get("name").asText());
        // lq's NAC preset lists exactly what differs from the declared (SIS) defaults
        assertEquals(
                "iterations=600, eta=0.1, beta=0.05, critic_samples=20000, actor_samples=10000",
                root.get("nac_presets").get(1).get("description").asText());
        assertEquals("json-roundtrip", root.get("bench_tasks").get(0).get("name").asText());
        assertEquals("", r.err());
    }

    @Test
    void listShowsRegisteredExperimentsAndEmptySections() {
        CliRunner.Outcome r =
                CliRunner.run(
                        new Main(Experiments.of(new Fakes.Curves()), BenchTasks.of()), "list");
        assertEquals(ExitCode.OK, r.status());
        assertTrue(r.out().contains("fake-curves"), r.out());
        assertTrue(
                r.out().contains("Environments (--env; parameters by --set KEY=VALUE):\n  sis "),
                r.out());
    }

    @Test
    void versionAndHelpExitZero() {
        CliRunner.Outcome version = CliRunner.run("--version");
        assertEquals(ExitCode.OK, version.status());
        assertTrue(version.out().startsWith("mfgkit "), version.out());
        CliRunner.Outcome help = CliRunner.run("--help");
        assertEquals(ExitCode.OK, help.status());
        for (String command : List.of("list", "run", "bench")) {
            assertTrue(help.out().contains("  " + command + " "), help.out());
        }
    }

    @Test
    void unknownCommandIsOneLineAndStatus2() {
        CliRunner.Outcome r = CliRunner.run("frobnicate");
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(
                List.of(
                        "mfgkit: error: unknown command 'frobnicate' (commands: list, run, bench, exploitability, solve, faas, n-player, help)"),
                r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionIsOneLineAndStatus2() {
        CliRunner.Outcome r = CliRunner.run("list", "--frobnicate");
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(
                r.errLines().get(0).startsWith("mfgkit: error: Unknown option: '--frobnicate'"),
                r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Outcome r = CliRunner.run();
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(List.of("mfgkit: error: missing command (see 'mfgkit --help')"), r.errLines());
    }
}
