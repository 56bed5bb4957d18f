package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfgkit.cli.output.CurveCsv;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.Curve;

class SolveCommandTest {

    @TempDir Path dir;

    @Test
    void fixedPointOnSisWritesResultCurveAndPlot() throws IOException {
        Path out = dir.resolve("sis");
        CliRunner.Outcome r =
                CliRunner.run(
                        "solve",
                        "--env",
                        "sis",
                        "--algorithm",
                        "fixed-point",
                        "--out",
                        out.toString());
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertTrue(r.out().startsWith("fixed-point on sis: exploitability "), r.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("curve.csv", "curve.png", "result.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode j = Json.read(out.resolve("result.json"));
        assertTrue(Math.abs(j.get("exploitability").asDouble()) < 1e-10);
        assertTrue(j.get("converged").asBoolean());
        assertEquals(0.5, j.get("settings").get("beta").asDouble());
        JsonNode p = j.get("policy");
        assertEquals("sis", p.get("env").asText());
        assertEquals(2, p.get("probabilities").size());
        assertEquals(2, p.get("probabilities").get(0).size());
        JsonNode curve = j.get("curve");
        assertEquals(j.get("iterations").asInt() + 1, curve.size());
        assertEquals(0, curve.get(0).get("iteration").asInt());
        assertEquals(
                j.get("exploitability").asDouble(),
                curve.get(curve.size() - 1).get("exploitability").asDouble(),
                0);
        assertTrue(j.get("timings").get("total_seconds").asDouble() > 0);
        assertTrue(j.get("seed").isNull());
        List<Curve> csv = CurveCsv.read(out.resolve("curve.csv"));
        assertEquals(curve.size(), csv.get(0).size());
    }

    @Test
    void jsonIsTheSameObjectAndFiniteHorizonPoliciesHaveTPlusOneSteps() throws IOException {
        CliRunner.Outcome r =
                CliRunner.run(
                        "solve",
                        "--env",
                        "lq-fh",
                        "--algorithm",
                        "omd",
                        "--iterations",
                        "5",
                        "--set",
                        "alpha=0.5",
                        "--set",
                        "T=2",
                        "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(5, j.get("iterations").asInt());
        assertEquals(3, j.get("policy").get("probabilities").size());
        assertEquals(11, j.get("policy").get("probabilities").get(0).size());
        assertEquals(0.5, j.get("settings").get("alpha").asDouble());
        assertEquals(6, j.get("curve").size());
        assertTrue(
                j.get("curve").get(5).get("exploitability").asDouble()
                        < j.get("curve").get(0).get("exploitability").asDouble());
    }

    /** End to end at the real limit (ResultArraysTest checks the same on small games, fast). */
    @Test
    @Tag("slow")
    void aPolicyAboveTheInlineLimitGoesToANumpySideFileThatReadsBack() throws IOException {
        // crowd-motion on 300 x 300 with T = 3: the policy has 4 * 90000 * 5 = 1.8e6 numbers (a
        // side file), the mean field 4 * 90000 = 3.6e5 (inline)
        String[] game = {
            "--env", "crowd-motion", "--set", "torus_l=300", "--set", "torus_w=300", "--set", "T=3"
        };
        Path out = dir.resolve("crowd");
        String[] solve = {
            "solve", "--algorithm", "omd", "--iterations", "0", "--out", out.toString()
        };
        CliRunner.Outcome r = CliRunner.run(concat(solve, game));
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertTrue(r.out().contains("result.json, curve.csv, curve.png, policy.npy"), r.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("curve.csv", "curve.png", "policy.npy", "result.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode j = Json.read(out.resolve("result.json"));
        JsonNode p = j.get("policy");
        assertEquals("policy.npy", p.get("file").asText());
        assertEquals("[4,90000,5]", p.get("shape").toString());
        assertEquals(4, j.get("mean_field").size(), "the mean field stays inline");
        assertEquals(90_000, j.get("mean_field").get(3).size());
        assertEquals(128 + 8L * 4 * 90_000 * 5, Files.size(out.resolve("policy.npy")));

        // the side file is the policy: evaluating it again gives the solver's number, bit for bit
        CliRunner.Outcome e =
                CliRunner.run(
                        concat(
                                new String[] {
                                    "exploitability",
                                    "--policy",
                                    out.resolve("result.json").toString(),
                                    "--json"
                                },
                                game));
        assertEquals(ExitCode.OK, e.status(), e.err());
        JsonNode ej = Json.mapper().readTree(e.out());
        assertEquals(j.get("exploitability").asDouble(), ej.get("exploitability").asDouble(), 0.0);
        assertEquals(j.get("mean_field"), ej.get("mean_field"), "the flow, inline below the limit");

        // without --out a large array is left out with a note
        CliRunner.Outcome noOut =
                CliRunner.run(
                        concat(
                                new String[] {
                                    "solve", "--algorithm", "omd", "--iterations", "0", "--json"
                                },
                                game));
        assertEquals(ExitCode.OK, noOut.status(), noOut.err());
        JsonNode q = Json.mapper().readTree(noOut.out()).get("policy");
        assertFalse(q.has("file"));
        assertEquals(
                "1800000 numbers, more than the 1000000 written inline: --out DIR writes them to"
                        + " DIR/policy.npy",
                q.get("omitted").asText());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown algorithm   | --env sis --algorithm nac2                      | unknown algorithm 'nac2'",
                "unknown env         | --env foo --algorithm omd                       | unknown environment 'foo'",
                "unknown key         | --env sis --algorithm omd --set beta=0.5        | unknown --set key 'beta' (environment sis: T, c, gamma, lambda, mu0; algorithm omd: alpha)",
                "bad damping         | --env sis --algorithm fixed-point --set beta=2  | beta must be in (0,1], got 2.0",
                "negative iterations | --env sis --algorithm omd --iterations -1      | iterations must be >= 0, got -1",
                "gamma = 1           | --env lq --algorithm omd --set gamma=1          | gamma must be in [0,1), got 1.0",
                "alpha lambda > 1    | --env sis --algorithm omd --set alpha=20        | omd needs alpha * lambda <= 1",
                "missing algorithm   | --env sis                                       | Missing required option: '--algorithm=ALG'",
            })
    void badInputIsOneLineAndWritesNothing(String what, String args, String expected) {
        Path out = dir.resolve("never");
        CliRunner.run(("solve " + args + " --out " + out).split(" "))
                .assertOneLineUsageError(what, expected);
        assertFalse(Files.exists(out), "nothing half-written");
    }

    @Test
    void listShowsEnvironmentsAlgorithmsAndPresets() throws IOException {
        CliRunner.Outcome r = CliRunner.run("list", "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        List<String> games = org.mfgkit.envs.Games.builtIn().names();
        assertEquals(games.size(), j.get("environments").size());
        assertEquals(games.get(0), j.get("environments").get(0).get("name").asText());
        assertEquals(
                List.of("fixed-point", "fictitious-play", "omd"),
                Stream.of(0, 1, 2)
                        .map(i -> j.get("algorithms").get(i).get("name").asText())
                        .toList());
        assertEquals(games.size(), j.get("presets").size());
        assertEquals("sis-fh", j.get("presets").get(1).get("name").asText());
        assertTrue(
                j.get("presets")
                        .get(1)
                        .get("description")
                        .asText()
                        .startsWith("SisEpidemic with T=50, gamma=1, lambda=0 (MFGLib"));
    }
}
