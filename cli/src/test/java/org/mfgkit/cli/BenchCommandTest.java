package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.output.Json;

class BenchCommandTest {

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
}
