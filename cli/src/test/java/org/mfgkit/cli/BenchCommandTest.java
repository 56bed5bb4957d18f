package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.bench.BenchRunner;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.Tolerances;
import org.mfgkit.envs.ExactModel;
import org.mfgkit.envs.Games;

class BenchCommandTest {

    @TempDir Path dir;

    private final Main main =
            new Main(
                    Experiments.of(),
                    BenchTasks.of(
                            BenchTask.of(
                                    "sum/small",
                                    "sum of 10 doubles",
                                    () -> new double[10],
                                    a -> {
                                        double s = 0;
                                        for (double v : a) {
                                            s += v;
                                        }
                                        return s;
                                    }),
                            BenchTask.of(
                                    "sum/large",
                                    "sum of 10000 doubles",
                                    () -> new double[10_000],
                                    a -> {
                                        double s = 0;
                                        for (double v : a) {
                                            s += v;
                                        }
                                        return s;
                                    })));

    @Test
    void jsonHasOneEntryPerTaskWithMedianAndRate() throws Exception {
        CliRunner.Outcome r =
                CliRunner.run(main, "bench", "--json", "--warmup-ms", "10", "--measure-ms", "30");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode tasks = Json.mapper().readTree(r.out()).get("tasks");
        assertEquals(2, tasks.size());
        assertEquals("sum/small", tasks.get(0).get("name").asText());
        for (JsonNode t : tasks) {
            double median = t.get("median_ns").asDouble();
            assertTrue(median > 0, t.toString());
            assertEquals(
                    1e9 / median,
                    t.get("ops_per_s").asDouble(),
                    1e-6 * t.get("ops_per_s").asDouble());
            assertTrue(t.get("samples").asInt() >= 5, t.toString());
        }
        assertTrue(
                tasks.get(1).get("median_ns").asDouble() > tasks.get(0).get("median_ns").asDouble(),
                "summing 1000x more numbers should take longer");
    }

    @Test
    void filterSelectsTasksAndTheTableHasOneRowEach() {
        CliRunner.Outcome r =
                CliRunner.run(
                        main,
                        "bench",
                        "--filter",
                        "large",
                        "--warmup-ms",
                        "0",
                        "--measure-ms",
                        "10");
        assertEquals(ExitCode.OK, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).matches("task\\s+median/op\\s+ops/s\\s+samples"), lines.get(0));
        assertTrue(
                lines.get(1).matches("sum/large\\s+[0-9.]+ (ns|us|ms)\\s+[0-9.]+( k| M)?\\s+\\d+"),
                lines.get(1));
    }

    @Test
    void filterWithoutMatchIsOneLine() {
        CliRunner.Outcome r = CliRunner.run(main, "bench", "--filter", "faas");
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(
                List.of(
                        "mfgkit: error: no bench task matches --filter \"faas\" (tasks: sum/small, sum/large)"),
                r.errLines());
    }

    @Test
    void humanUnits() {
        assertEquals("812 ns", BenchCommand.duration(812));
        assertEquals("12.3 us", BenchCommand.duration(12_345));
        assertEquals("4.56 ms", BenchCommand.duration(4_560_000));
        assertEquals("1.20 s", BenchCommand.duration(1.2e9));
        assertEquals("81.2 k", BenchCommand.rate(81_234));
        assertEquals("1.23 M", BenchCommand.rate(1_234_567));
    }

    @Test
    void everyRegisteredGameHasAnExploitabilityTask() {
        List<String> names = BenchTasks.builtIn().all().stream().map(BenchTask::name).toList();
        for (String game : Games.builtIn().names()) {
            assertTrue(names.contains("exploitability/" + game), game + " in " + names);
        }
    }

    @Test
    void scalingMeasuresEverySizeFitsAndWritesItsFiles() throws Exception {
        Path out = dir.resolve("scaling");
        CliRunner.Outcome r =
                CliRunner.run(
                        "bench",
                        "--scaling",
                        "crowd-motion",
                        "--sizes",
                        "8,16",
                        "--warmup-ms",
                        "0",
                        "--measure-ms",
                        "10",
                        "--out",
                        out.toString(),
                        "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(j, Json.read(out.resolve("result.json")));
        JsonNode points = j.get("scaling").get("points");
        assertEquals(2, points.size());
        for (int i = 0; i < 2; i++) {
            int n = i == 0 ? 8 : 16;
            JsonNode p = points.get(i);
            assertEquals(n * n, p.get("states").asInt());
            assertEquals(11, p.get("steps").asInt(), "T = 10");
            assertTrue(p.get("median_seconds").asDouble() > 0);
            assertTrue(p.get("samples").asInt() >= BenchRunner.MIN_SAMPLES);
            // the value measured is the exploitability of the uniform policy on that instance
            ExactModel m =
                    Games.create(
                                    "crowd-motion",
                                    Map.of("torus_l", "" + n, "torus_w", "" + n, "T", "10"))
                            .exact();
            assertEquals(
                    m.exploitability(m.uniformPolicy()).exploitability(),
                    p.get("exploitability").asDouble(),
                    0.0);
        }
        // 4x the states allocate more (the flow, values and the uniform policy are O(S) each)
        assertTrue(
                points.get(1).get("allocated_bytes").asLong()
                        > 2 * points.get(0).get("allocated_bytes").asLong(),
                points.toString());
        // two points: the fit passes through both
        JsonNode memory = j.get("scaling").get("memory");
        double a = memory.get("exponent").asDouble();
        double expected =
                Math.log(
                                points.get(1).get("allocated_bytes").asDouble()
                                        / points.get(0).get("allocated_bytes").asDouble())
                        / Math.log(4);
        assertEquals(expected, a, Tolerances.TEST_EXACT);
        List<String> csv = Files.readAllLines(out.resolve("scaling.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("crowd-motion,crowd-motion,8,64,5,11,"), csv.get(1));
        assertTrue(Files.size(out.resolve("scaling-time.png")) > 0);
        assertTrue(Files.size(out.resolve("scaling-memory.png")) > 0);
    }

    @Test
    void unknownScalingSeriesIsOneLine() {
        CliRunner.run("bench", "--scaling", "nope")
                .assertOneLineUsageError(
                        "unknown series",
                        "unknown scaling series 'nope' (known: crowd-motion, beach-bar)");
    }
}
