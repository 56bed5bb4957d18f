package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.Tolerances;

class NPlayerCommandTest {

    @TempDir Path dir;

    private static JsonNode json(CliRunner.Outcome r) throws IOException {
        assertEquals(ExitCode.OK, r.status(), r.err());
        return Json.mapper().readTree(r.out());
    }

    /**
     * One player alone on sis-fh: the population is itself, so a susceptible player is never
     * infected; uniform pays 0.25 per step in S for 51 steps where the best response pays 0, and in
     * I both spend the same (action-independent) time there, uniform paying 0.25 more per step
     * throughout. So E_1 = 0.25 * 51 = 12.75 from either state (worked by hand).
     */
    @Test
    void onePlayerByHandAndTheJsonShape() throws IOException {
        JsonNode j = json(CliRunner.run("n-player", "--env", "sis-fh", "--n", "1,2,10", "--json"));
        assertEquals("sis-fh", j.get("env").asText());
        assertEquals(0.81, j.get("params").get("c").asDouble());
        assertEquals(
                5.4668739132285324,
                j.get("mean_field_exploitability").asDouble(),
                Tolerances.TEST_EXACT);
        JsonNode results = j.get("results");
        assertEquals(3, results.size());
        assertEquals(1, results.get(0).get("n").asInt());
        assertEquals(12.75, results.get(0).get("exploitability").asDouble(), Tolerances.TEST_EXACT);
        for (JsonNode r : results) {
            assertEquals("exact", r.get("method").asText());
            assertFalse(r.has("ci95"));
        }
        assertEquals(3, j.get("rate").get("points").asInt());
        assertEquals(
                List.of(1.0, 2.0, 10.0),
                Json.mapper().convertValue(j.get("study").get("n"), List.class));
    }

    @Test
    void beyondTheBudgetItIsMonteCarloWithAnInterval() throws IOException {
        JsonNode j =
                json(
                        CliRunner.run(
                                "n-player",
                                "--env",
                                "sis-fh",
                                "--n",
                                "5",
                                "--set",
                                "exact_budget=0",
                                "--samples",
                                "20",
                                "--seed",
                                "9",
                                "--json"));
        JsonNode r = j.get("results").get(0);
        assertEquals("monte-carlo", r.get("method").asText());
        assertTrue(r.get("ci95").asDouble() > 0);
        assertEquals(9, r.get("seed").asLong());
        assertEquals(20, r.get("samples").asInt());
        assertTrue(r.get("player_steps_per_second").asDouble() > 0);
        // same seed, same bits
        JsonNode again =
                json(
                        CliRunner.run(
                                "n-player",
                                "--env",
                                "sis-fh",
                                "--n",
                                "5",
                                "--set",
                                "exact_budget=0",
                                "--samples",
                                "20",
                                "--seed",
                                "9",
                                "--json"));
        assertEquals(
                r.get("exploitability").asDouble(),
                again.get("results").get(0).get("exploitability").asDouble(),
                0.0);
    }

    @Test
    void outWritesResultCsvAndPlot() throws IOException {
        Path out = dir.resolve("np");
        CliRunner.Outcome r =
                CliRunner.run(
                        "n-player", "--env", "sis", "--n", "2,10,50", "--out", out.toString());
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertTrue(r.out().contains("N = 50"), r.out());
        JsonNode doc = Json.read(out.resolve("result.json"));
        assertEquals(3, doc.get("results").size());
        List<String> csv = Files.readAllLines(out.resolve("n-player.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("case,n,exploitability,method"));
        assertTrue(csv.get(3).startsWith("uniform,50,"));
        assertTrue(Files.size(out.resolve("n-player.png")) > 1000);
    }

    @Test
    void badInputIsOneLineAndWritesNothing() {
        Path out = dir.resolve("never");
        CliRunner.run("n-player", "--env", "sis-fh", "--n", "0", "--out", out.toString())
                .assertOneLineUsageError("N = 0", "n must be a non-empty list of integers >= 1");
        CliRunner.run("n-player", "--env", "sis-fh", "--n", "2.5")
                .assertOneLineUsageError("N = 2.5", "n must be");
        CliRunner.run("n-player", "--env", "sis-fh", "--set", "method=guess")
                .assertOneLineUsageError(
                        "method", "method must be one of auto, exact, monte-carlo");
        CliRunner.run("n-player", "--env", "sis-fh", "--set", "budget=3")
                .assertOneLineUsageError("unknown key", "n-player: exact_budget, method");
        CliRunner.run("n-player", "--env", "sis-fh", "--samples", "1", "--n", "3")
                .assertOneLineUsageError("samples", "samples must be in 2..");
        CliRunner.run("n-player", "--env", "nope")
                .assertOneLineUsageError("env", "unknown environment 'nope'");
        assertFalse(Files.exists(out));
    }

    @Test
    void experimentTypeRunsCasesAndFitsRates() throws IOException {
        Path config =
                Files.writeString(
                        dir.resolve("np.json"),
                        "{\"experiment\": \"n-player\", \"n\": [2, 5, 20], \"cases\": ["
                                + "{\"env\": \"sis-fh\", \"policy\": \"uniform\"},"
                                + "{\"env\": \"sis-fh\", \"params\": {\"T\": 10}, \"policy\": \"equilibrium\"}]}");
        Path out = dir.resolve("run");
        CliRunner.Outcome r = CliRunner.run("run", config.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode doc = Json.read(out.resolve("result.json"));
        JsonNode cases = doc.get("result").get("cases");
        assertEquals(2, cases.size());
        assertEquals(10, cases.get(1).get("params").get("T").asInt());
        assertTrue(cases.get(1).get("mean_field_exploitability").asDouble() < 1e-12);
        assertEquals(2, doc.get("result").get("rates").size());
        assertEquals(7, Files.readAllLines(out.resolve("n-player.csv")).size());
        assertTrue(Files.exists(out.resolve("n-player.png")));
        CliRunner.run(
                        "run",
                        Files.writeString(
                                        dir.resolve("bad.json"),
                                        "{\"experiment\": \"n-player\", \"cases\": [{\"env\": \"sis\", \"policy\": \"best\"}]}")
                                .toString())
                .assertOneLineUsageError("policy", "expected \"uniform\" or \"equilibrium\"");
    }
}
