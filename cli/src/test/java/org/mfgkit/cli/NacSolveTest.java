package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.envs.Games;

/**
 * {@code mfgkit solve --algorithm nac|dl-nac} on mfg-envs' own SIS and LQ games with their exact
 * exploitability: the natural-actor-critic module's claims, re-checked against the reference
 * implementations (its unit tests use fixtures written out in the module).
 */
class NacSolveTest {

    @TempDir Path dir;

    @Test
    void sampledNacOnSisWritesTheSolverResultShape() throws IOException {
        Path out = dir.resolve("nac");
        CliRunner.Outcome r =
                CliRunner.run(
                        "solve",
                        "--env",
                        "sis",
                        "--algorithm",
                        "nac",
                        "--iterations",
                        "200",
                        "--seed",
                        "3",
                        "--set",
                        "critic_samples=2000",
                        "--out",
                        out.toString());
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertTrue(r.out().startsWith("nac on sis: exploitability "), r.out());
        JsonNode j = Json.read(out.resolve("result.json"));
        assertEquals("nac", j.get("algorithm").asText());
        assertEquals(3, j.get("seed").asLong());
        assertEquals(3, j.get("seeds").get(0).asLong());
        assertEquals(200, j.get("iterations").asInt());
        assertEquals(201, j.get("curve").size());
        assertEquals(0.05, j.get("settings").get("eta").asDouble());
        assertEquals(2000, j.get("settings").get("critic_samples").asInt());
        JsonNode p = j.get("policy").get("probabilities");
        TabularPolicy pi =
                TabularPolicy.of(
                        new double[][] {
                            {p.get(0).get(0).asDouble(), p.get(0).get(1).asDouble()},
                            {p.get(1).get(0).asDouble(), p.get(1).get(1).asDouble()}
                        });
        var game = Games.create("sis").stationary();
        assertEquals(
                Exploitability.of(game, pi).exploitability(),
                j.get("exploitability").asDouble(),
                Tolerances.TEST_EXACT);
        assertTrue(Files.exists(out.resolve("curve.png")));
        // same seed, same numbers
        CliRunner.Outcome again =
                CliRunner.run(
                        "solve",
                        "--env",
                        "sis",
                        "--algorithm",
                        "nac",
                        "--iterations",
                        "200",
                        "--seed",
                        "3",
                        "--set",
                        "critic_samples=2000",
                        "--json");
        JsonNode k = Json.mapper().readTree(again.out());
        for (int i = 0; i <= 200; i++) {
            assertEquals(
                    j.get("curve").get(i).get("exploitability").asDouble(),
                    k.get("curve").get(i).get("exploitability").asDouble(),
                    0.0);
        }
    }

    /**
     * 004's hyper-parameters with exact oracles: E < 1e-6 on SIS within 3000 and on LQ within 600
     * (the defaults).
     */
    @Test
    void exactOraclesReachTheEquilibriumOnTheReferenceGames() throws IOException {
        for (String env : new String[] {"sis", "lq"}) {
            CliRunner.Outcome r =
                    CliRunner.run(
                            "solve",
                            "--env",
                            env,
                            "--algorithm",
                            "nac",
                            "--set",
                            "critic=exact",
                            "--set",
                            "actor=exact",
                            "--set",
                            "eval_every=50",
                            "--json");
            assertEquals(ExitCode.OK, r.status(), r.err());
            JsonNode j = Json.mapper().readTree(r.out());
            assertEquals(env.equals("sis") ? 3000 : 600, j.get("iterations_requested").asInt());
            assertTrue(
                    j.get("exploitability").asDouble() < 1e-6,
                    env + ": " + j.get("exploitability"));
        }
    }

    /** SPEC §3 step 2: the advantage of the shifted q stalls at 0.057 on SIS with exact oracles. */
    @Test
    void shiftedAdvantageSlipStallsOnSis() throws IOException {
        CliRunner.Outcome r =
                CliRunner.run(
                        "solve",
                        "--env",
                        "sis",
                        "--algorithm",
                        "nac",
                        "--set",
                        "critic=exact",
                        "--set",
                        "actor=exact",
                        "--set",
                        "advantage=shifted-q",
                        "--set",
                        "eval_every=100",
                        "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertEquals(
                0.0572, Json.mapper().readTree(r.out()).get("exploitability").asDouble(), 5e-4);
    }

    @Test
    void refusesFiniteHorizonGamesAndBadSettings() {
        CliRunner.Outcome r =
                CliRunner.run(
                        "solve",
                        "--env",
                        "sis-fh",
                        "--algorithm",
                        "dl-nac",
                        "--out",
                        dir.resolve("never").toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(
                java.util.List.of(
                        "mfgkit: error: dl-nac needs a stationary (discounted) game; 'sis-fh' is finite-horizon"),
                r.errLines());
        assertTrue(Files.notExists(dir.resolve("never")));
        CliRunner.Outcome bad =
                CliRunner.run("solve", "--env", "sis", "--algorithm", "nac", "--set", "critic=foo");
        assertEquals(ExitCode.USAGE, bad.status());
        assertEquals(
                java.util.List.of("mfgkit: error: critic must be one of td0, exact, got foo"),
                bad.errLines());
    }
}
