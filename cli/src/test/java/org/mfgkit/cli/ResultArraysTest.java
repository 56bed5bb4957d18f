package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.Npy;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.ExactModel;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;
import org.mfgkit.envs.OnlineMirrorDescent;

/** Inline arrays up to the limit, NumPy side files above it, read back bit for bit. */
class ResultArraysTest {

    @TempDir Path dir;

    /** OMD's policy after 3 iterations: not uniform, different at every step. */
    private static TabularPolicy[] policy(GameModel env) {
        return new OnlineMirrorDescent(0.5).solve(env.exact(), 3, null).policy();
    }

    @Test
    void atOrBelowTheLimitTheArraysAreInlineAsBefore() throws IOException {
        GameModel env = Games.create("sis-fh"); // policy 51 x 2 x 2 = 204 numbers, flow 102
        TabularPolicy[] pi = policy(env);
        double[][] mu = env.exact().meanField(pi);
        ResultArrays arrays = new ResultArrays(204);
        ResultWriter out = new ResultWriter(dir);
        assertEquals(PolicyFile.toJson(env, pi), arrays.policy(env, pi, out));
        assertEquals(EnvJson.perStep(env, mu), arrays.meanField(env, mu, out));
        assertEquals(EnvJson.perStep(env, mu), arrays.meanField(env, mu));
        assertFalse(Files.exists(dir.resolve(ResultArrays.POLICY_FILE)));
    }

    @Test
    void aboveTheLimitASideFileIsReferencedAndReadsBackAsTheSamePolicy() throws IOException {
        GameModel env = Games.create("sis-fh");
        ExactModel model = env.exact();
        TabularPolicy[] pi = policy(env);
        double[][] mu = model.meanField(pi);
        ResultArrays arrays = new ResultArrays(101);
        ResultWriter out = new ResultWriter(dir);
        ObjectNode doc = Json.object();
        doc.set("policy", arrays.policy(env, pi, out));
        doc.set("mean_field", arrays.meanField(env, mu, out));
        Json.write(dir.resolve("result.json"), doc);

        JsonNode p = doc.get("policy");
        assertEquals("sis-fh", p.get("env").asText());
        assertEquals("policy.npy", p.get("file").asText());
        assertEquals("[51,2,2]", p.get("shape").toString());
        assertEquals("[t][s][a]", p.get("axes").asText());
        assertEquals("mean_field.npy", doc.get("mean_field").get("file").asText());
        double[][] flow = Npy.read(dir.resolve("mean_field.npy"), new int[] {51, 2});
        for (int t = 0; t < 51; t++) {
            assertArrayEquals(mu[t], flow[t], 0.0);
        }

        TabularPolicy[] back = PolicyFile.read(dir.resolve("result.json"), env);
        for (int t = 0; t < pi.length; t++) {
            assertArrayEquals(pi[t].table(), back[t].table(), 0.0, "step " + t);
        }
        // and through the command: the same exploitability, bit for bit
        CliRunner.Outcome r =
                CliRunner.run(
                        "exploitability",
                        "--env",
                        "sis-fh",
                        "--policy",
                        dir.resolve("result.json").toString(),
                        "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertEquals(
                model.exploitability(pi).exploitability(),
                Json.mapper().readTree(r.out()).get("exploitability").asDouble(),
                0.0);
    }

    @Test
    void aStationaryPolicyIsOneTable() throws IOException {
        GameModel env = Games.create("lq"); // 25 x 7
        TabularPolicy[] pi = policy(env);
        ObjectNode doc = Json.object();
        doc.set("policy", new ResultArrays(100).policy(env, pi, new ResultWriter(dir)));
        Json.write(dir.resolve("result.json"), doc);
        assertEquals("[25,7]", doc.get("policy").get("shape").toString());
        assertEquals("[s][a]", doc.get("policy").get("axes").asText());
        TabularPolicy[] back = PolicyFile.read(dir.resolve("result.json"), env);
        assertEquals(1, back.length);
        assertArrayEquals(pi[0].table(), back[0].table(), 0.0);
    }

    @Test
    void withoutAnOutputDirectoryALargeArrayIsLeftOutWithANote() throws IOException {
        GameModel env = Games.create("sis-fh");
        TabularPolicy[] pi = policy(env);
        double[][] mu = env.exact().meanField(pi);
        ResultArrays arrays = new ResultArrays(100);
        JsonNode p = arrays.policy(env, pi, null);
        assertFalse(p.has("file"));
        assertEquals(
                "204 numbers, more than the 100 written inline: --out DIR writes them to"
                        + " DIR/policy.npy",
                p.get("omitted").asText());
        assertEquals(
                "102 numbers, more than the 100 written inline",
                arrays.meanField(env, mu).get("omitted").asText());
        assertEquals("[51,2]", arrays.meanField(env, mu).get("shape").toString());
    }

    @Test
    void aMissingOrMisshapenSideFileIsNamed() throws IOException {
        GameModel env = Games.create("sis-fh");
        Json.write(
                dir.resolve("result.json"),
                Map.of("policy", Map.of("env", "sis-fh", "file", "policy.npy")));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PolicyFile.read(dir.resolve("result.json"), env));
        assertTrue(e.getMessage().endsWith("policy.npy does not exist"), e.getMessage());

        Npy.write(
                dir.resolve("policy.npy"), new int[] {2, 2}, i -> new double[] {0.5, 0.5, 1, 0}, 1);
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PolicyFile.read(dir.resolve("result.json"), env));
        assertTrue(
                e.getMessage().contains("has shape [2, 2], expected [51, 2, 2]"), e.getMessage());
    }
}
