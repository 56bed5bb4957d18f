package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.output.Json;
import org.mfgkit.faas.AzureTrace;

class FaasCommandTest {
    @TempDir Path dir;

    /** The documented command regenerates the shipped trace byte for byte. */
    @Test
    void traceCommandRegeneratesTheShippedTrace() throws Exception {
        Path out = dir.resolve("t.csv");
        CliRunner.Outcome r =
                CliRunner.run("faas", "trace", "--seed", "2019", "--out", out.toString(), "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode o = Json.mapper().readTree(r.out());
        assertEquals(24, o.get("rows").asInt());
        assertEquals(1440, o.get("minutes").asInt());
        String shipped;
        try (InputStream in = AzureTrace.class.getResourceAsStream("azure-2019-synthetic.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(shipped, Files.readString(out));
    }

    /**
     * A small comparison end to end: table on stdout, result.json with the required keys, plots.
     */
    @Test
    void runWritesTableResultAndPlots() throws Exception {
        Path cfg =
                Files.writeString(
                        dir.resolve("small.json"),
                        """
        {"experiment": "faas-compare", "seed": 3, "cluster": {"nodes": 4, "cores": 8, "memory_mb": 16384},
         "load": 0.2, "train": {"rows": [0,1,2,3,4,5,6,7,8,9,10,11], "start_minute": 0, "minutes": 60, "episode_minutes": 10},
         "eval": {"rows": [12,13,14,15,16,17,18,19,20,21,22,23], "start_minute": 600, "minutes": 12, "warmup_minutes": 2},
         "managers": ["openwhisk", "ensure"]}
        """);
        Path out = dir.resolve("res");
        CliRunner.Outcome r =
                CliRunner.run(
                        "faas", "run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertTrue(r.out().contains("openwhisk"), r.out());
        assertTrue(r.out().contains("ensure            openwhisk"), r.out());
        JsonNode result = Json.read(out.resolve("result.json")).get("result");
        for (String m : new String[] {"openwhisk", "ensure"}) {
            JsonNode mm = result.get("managers").get(m);
            for (String key :
                    new String[] {
                        "p99_ms",
                        "qos_violation_rate",
                        "cold_starts",
                        "cpu_utilization",
                        "memory_utilization",
                        "mean_reward"
                    }) {
                assertTrue(mm.has(key), m + " lacks " + key);
            }
            assertEquals(12, mm.get("functions").size());
            assertEquals(20, mm.get("series").get("p99_ms").size());
        }
        for (String png : new String[] {"latency.png", "utilization.png", "violations.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
    }

    /** faas-sweep: one comparison per (load, user memory), a table and the sweep plots. */
    @Test
    void sweepRunsEveryCell() throws Exception {
        Path cfg =
                Files.writeString(
                        dir.resolve("sweep.json"),
                        """
        {"experiment": "faas-sweep", "seed": 3, "cluster": {"nodes": 4, "cores": 8, "memory_mb": 16384},
         "load": 0.2, "train": {"rows": [0,1,2,3,4,5,6,7,8,9,10,11], "start_minute": 0, "minutes": 60, "episode_minutes": 10},
         "eval": {"rows": [12,13,14,15,16,17,18,19,20,21,22,23], "start_minute": 600, "minutes": 6, "warmup_minutes": 2},
         "managers": ["openwhisk", "ensure"], "sweep": {"loads": [0.1, 0.2], "user_memory_mb": [2048, "node"]}}
        """);
        Path out = dir.resolve("sweep");
        CliRunner.Outcome r =
                CliRunner.run(
                        "faas", "run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode cells = Json.read(out.resolve("result.json")).get("result").get("cells");
        assertEquals(4, cells.size());
        assertEquals("node", cells.get(1).get("user_memory_mb").asText());
        assertEquals(0.2, cells.get(2).get("load").asDouble());
        assertEquals(
                2,
                cells.get(0).get("report").get("comparisons").size(),
                "ensure vs openwhisk, back");
        for (String png :
                new String[] {
                    "sweep-violations-2048.png",
                    "sweep-violations-node.png",
                    "sweep-utilization-node.png"
                }) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        assertTrue(r.out().contains("ensure"), r.out());
    }

    /** The learning managers end to end, tiny: two training runs each, two evaluation seeds. */
    @Test
    void learnersTrainAndAreComparedPerRun() throws Exception {
        Path cfg =
                Files.writeString(
                        dir.resolve("learn.json"),
                        """
        {"experiment": "faas-compare", "seed": 4, "cluster": {"nodes": 4, "cores": 8, "memory_mb": 16384},
         "load": 0.2, "train": {"rows": [0,1,2,3,4,5,6,7,8,9,10,11], "start_minute": 0, "minutes": 60,
                                "episode_minutes": 10, "seeds": 2},
         "eval": {"rows": [12,13,14,15,16,17,18,19,20,21,22,23], "start_minute": 600, "minutes": 12, "warmup_minutes": 2,
                  "seeds": 2},
         "managers": ["openwhisk", "nac-linear", "nac-nn"],
         "nac_linear": {"iterations": 2}, "nac_nn": {"iterations": 2, "hidden": 8}}
        """);
        Path out = dir.resolve("learn");
        CliRunner.Outcome r =
                CliRunner.run("faas", "run", cfg.toString(), "--out", out.toString(), "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode result = Json.read(out.resolve("result.json")).get("result");
        for (String m : new String[] {"nac-linear", "nac-nn"}) {
            assertEquals(2, result.get("training").get(m).size(), m);
            assertEquals(2, result.get("training").get(m).get(0).get("mean_reward").size(), m);
            assertEquals(
                    4, result.get("managers").get(m).get("seeds").size(), m + ": 2 runs x 2 seeds");
            assertEquals(4, result.get("managers").get(m).get("episodes").asInt(), m);
        }
        // nac-linear and nac-nn against openwhisk (no ENSURE evaluated)
        assertEquals(2, result.get("comparisons").size());
        JsonNode first = result.get("comparisons").get(0);
        assertEquals("training runs", first.get("unit").asText());
        assertEquals(2, first.get("per_unit").size());
        for (String key :
                new String[] {
                    "violation_difference",
                    "violation_ci_low",
                    "violation_ci_high",
                    "cpu_utilization_difference",
                    "significant"
                }) {
            assertTrue(first.has(key), key);
        }
        assertTrue(Files.size(out.resolve("training.png")) > 1000);
        JsonNode summary = Json.mapper().readTree(r.out());
        assertEquals(out.toString(), summary.get("out").asText());
    }

    @Test
    void badConfigsFailWithOneLine() throws Exception {
        Path cfg =
                Files.writeString(
                        dir.resolve("bad.json"),
                        """
        {"experiment": "faas-compare", "train": {"rows": [0], "start_minute": 0, "minutes": 60},
         "eval": {"rows": [1], "start_minute": 0, "minutes": 60}, "managers": ["openwhisk"]}
        """);
        CliRunner.Outcome r =
                CliRunner.run("faas", "run", cfg.toString(), "--out", dir.resolve("x").toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(
                r.err().contains("train.rows: need one trace row per function (12), got 1"),
                r.err());
        assertFalse(Files.exists(dir.resolve("x")));

        Path other =
                Files.writeString(dir.resolve("o.json"), "{\"experiment\": \"demo-monte-carlo\"}");
        r = CliRunner.run("faas", "run", other.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertTrue(r.err().contains("must name a faas experiment"), r.err());

        Path typo =
                Files.writeString(
                        dir.resolve("typo.json"),
                        "{\"experiment\": \"faas-compare\", \"lod\": 0.3}");
        r = CliRunner.run("faas", "run", typo.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertTrue(r.err().contains("unknown field \"lod\""), r.err());
    }

    /**
     * A function without a single invocation in the evaluation window is not scored as perfect: its
     * p50, p99 and violation rate are null in result.json, the table shows n/a, and a warning
     * naming the function, its row, the window and the trace is printed and kept in {@code
     * warnings}. The other functions are unaffected.
     */
    @Test
    void aFunctionWithoutInvocationsIsNullWithAWarning() throws Exception {
        AzureTrace shipped = AzureTrace.resource("azure-2019-synthetic.csv");
        java.util.List<AzureTrace.Row> rows = new java.util.ArrayList<>(shipped.rows());
        AzureTrace.Row r12 = rows.get(12);
        rows.set(
                12,
                new AzureTrace.Row(
                        r12.hashOwner(),
                        r12.hashApp(),
                        r12.hashFunction(),
                        r12.trigger(),
                        new int[shipped.minutes()]));
        Path trace = dir.resolve("idle.csv");
        new AzureTrace("idle", shipped.minutes(), rows).write(trace);
        Path cfg =
                Files.writeString(
                        dir.resolve("idle.json"),
                        """
        {"experiment": "faas-compare", "seed": 3, "cluster": {"nodes": 4, "cores": 8, "memory_mb": 16384},
         "trace": "TRACE", "load": 0.2,
         "train": {"rows": [0,1,2,3,4,5,6,7,8,9,10,11], "start_minute": 0, "minutes": 60, "episode_minutes": 10},
         "eval": {"rows": [12,13,14,15,16,17,18,19,20,21,22,23], "start_minute": 600, "minutes": 12, "warmup_minutes": 2},
         "managers": ["openwhisk"]}
        """
                                .replace("TRACE", trace.toString()));
        Path out = dir.resolve("idle");
        CliRunner.Outcome r =
                CliRunner.run(
                        "faas", "run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(ExitCode.OK, r.status(), r.err());
        String name = org.mfgkit.faas.FunctionProfiles.defaults().get(0).name();
        String warning =
                "function "
                        + name
                        + " (trace row 12) has no completed invocation in the evaluation window"
                        + " (minutes [602, 612) of trace "
                        + trace
                        + ") under openwhisk; its p50_ms, p99_ms and qos_violation_rate are null";
        assertEquals(
                java.util.List.of("mfgkit: warning: " + warning),
                r.errLines().stream().filter(l -> l.startsWith("mfgkit: ")).toList());
        JsonNode doc = Json.read(out.resolve("result.json"));
        assertEquals(1, doc.get("warnings").size());
        assertEquals(warning, doc.get("warnings").get(0).asText());
        JsonNode functions = doc.get("result").get("managers").get("openwhisk").get("functions");
        JsonNode idle = functions.get(0);
        assertEquals(0, idle.get("completions").asLong());
        for (String key : new String[] {"p50_ms", "p99_ms", "qos_violation_rate"}) {
            assertTrue(idle.get(key).isNull(), key + ": " + idle);
            assertTrue(functions.get(1).get(key).isNumber(), key);
        }
        assertTrue(functions.get(1).get("completions").asLong() > 0);
    }
}
