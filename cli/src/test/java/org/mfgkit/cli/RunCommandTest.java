package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.DemoMonteCarlo;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.output.CurveCsv;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.Curve;

class RunCommandTest {

    @TempDir Path dir;

    private final Fakes.Curves curves = new Fakes.Curves();
    private final Main main =
            new Main(
                    Experiments.builtIn()
                            .with(new DemoMonteCarlo())
                            .with(curves)
                            .with(new Fakes.Failing()),
                    BenchTasks.of());

    private Path config(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private CliRunner.Outcome run(String... args) {
        return CliRunner.run(main, args);
    }

    @Test
    void fakeExperimentWritesResultCsvAndPngAtomically() throws Exception {
        Path cfg = config("exp.json", "{\"experiment\": \"fake-curves\", \"scale\": 2}");
        Path out = dir.resolve("results/exp");
        curves.target = out;
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCode.OK, r.status(), r.err());

        // written elsewhere, moved into place only at the end
        assertNotEquals(out.toAbsolutePath(), curves.wroteInto);
        assertFalse(
                curves.targetExistedDuringRun,
                "the output directory existed before the run finished");
        assertTrue(Files.notExists(curves.wroteInto), "staging directory left behind");
        assertEquals(List.of("exp"), names(out.getParent()), "hidden leftovers next to the output");
        assertEquals(List.of("curve.csv", "curve.png", "result.json"), names(out));

        JsonNode result = Json.read(out.resolve("result.json"));
        assertEquals("fake-curves", result.get("experiment").asText());
        assertEquals(2, result.get("config").get("scale").asInt());
        assertEquals(2, result.get("threads").asInt());
        assertEquals(0.4, result.get("result").get("final_value").asDouble(), 0);
        assertTrue(result.get("elapsed_seconds").asDouble() >= 0);

        List<Curve> csv = CurveCsv.read(out.resolve("curve.csv"));
        assertEquals(1, csv.size());
        assertEquals(2, csv.get(0).runCount());
        assertEquals(4.0, csv.get(0).runs()[1][0], 0);

        assertTrue(r.out().startsWith("fake-curves: done in "), r.out());
        assertTrue(r.out().contains("final_value  0.400000"), r.out());
        assertTrue(
                r.out().contains("wrote " + out + "/: curve.csv, curve.png, result.json"), r.out());
    }

    @Test
    void jsonFlagPrintsExactlyOneObject() throws Exception {
        Path cfg = config("exp.json", "{\"experiment\": \"fake-curves\"}");
        Path out = dir.resolve("o");
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", out.toString(), "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode summary = Json.mapper().readTree(r.out()); // rejects trailing content
        assertEquals("fake-curves", summary.get("experiment").asText());
        assertEquals(out.toString(), summary.get("out").asText());
        assertEquals(3, summary.get("files").size());
        assertEquals(0.2, summary.get("result").get("final_value").asDouble(), 0);
    }

    @Test
    void rerunReplacesAnEarlierResult() throws Exception {
        Path out = dir.resolve("o");
        assertEquals(
                0,
                run(
                                "run",
                                config("a.json", "{\"experiment\": \"fake-curves\", \"scale\": 1}")
                                        .toString(),
                                "--out",
                                out.toString())
                        .status());
        assertEquals(
                0,
                run(
                                "run",
                                config("b.json", "{\"experiment\": \"fake-curves\", \"scale\": 3}")
                                        .toString(),
                                "--out",
                                out.toString())
                        .status());
        assertEquals(
                0.6,
                Json.read(out.resolve("result.json")).get("result").get("final_value").asDouble(),
                1e-15);
        assertEquals(List.of("a.json", "b.json", "o"), names(dir));
    }

    @Test
    void failingExperimentLeavesNoOutputDirectory() throws Exception {
        Path cfg = config("bad.json", "{\"experiment\": \"fake-failing\"}");
        Path out = dir.resolve("results/nested/bad");
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", out.toString());
        assertEquals(ExitCode.INTERNAL, r.status());
        assertEquals(
                List.of(
                        "mfgkit: error: internal error: java.lang.IllegalStateException: boom"
                                + " (run with --debug for the stack trace)"),
                r.errLines());
        assertEquals(List.of("bad.json"), names(dir), "output or parent directories left behind");
    }

    @Test
    void failingExperimentKeepsTheEarlierResult() throws Exception {
        Path out = dir.resolve("o");
        assertEquals(
                0,
                run(
                                "run",
                                config("a.json", "{\"experiment\": \"fake-curves\"}").toString(),
                                "--out",
                                out.toString())
                        .status());
        byte[] before = Files.readAllBytes(out.resolve("curve.csv"));
        CliRunner.Outcome r =
                run(
                        "run",
                        config(
                                        "bad.json",
                                        "{\"experiment\": \"fake-failing\", \"throw\": \"argument\"}")
                                .toString(),
                        "--out",
                        out.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(
                List.of("mfgkit: error: config field \"alpha\" must be in [0, 1], got 3"),
                r.errLines());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("curve.csv"))));
        assertEquals(List.of("a.json", "bad.json", "o"), names(dir));
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotAResult() throws Exception {
        Path out = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(out.resolve("thesis.tex"), "...");
        CliRunner.Outcome r =
                run(
                        "run",
                        config("a.json", "{\"experiment\": \"fake-curves\"}").toString(),
                        "--out",
                        out.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(1, r.errLines().size());
        assertTrue(r.err().contains("exists and is not an mfgkit result"), r.err());
        assertEquals(List.of("thesis.tex"), names(out));
    }

    @Test
    void unknownExperimentTypeNamesItAndTheKnownOnes() throws Exception {
        Path cfg = config("x.json", "{\"experiment\": \"nope\"}");
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.USAGE, r.status());
        // the built-in types (whatever modules registered) followed by the two fakes
        String known =
                Experiments.builtIn().all().stream()
                                .map(e -> e.name() + ", ")
                                .reduce("", String::concat)
                        + "demo-monte-carlo, fake-curves, fake-failing";
        assertTrue(known.startsWith("nac, "), known);
        assertEquals(
                List.of(
                        "mfgkit: error: "
                                + cfg
                                + ": unknown experiment type \"nope\""
                                + " (known: "
                                + known
                                + ")"),
                r.errLines());
        assertTrue(Files.notExists(dir.resolve("o")));
    }

    @Test
    void missingExperimentField() throws Exception {
        Path cfg = config("x.json", "{\"seeds\": 3}");
        CliRunner.Outcome r = run("run", cfg.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(1, r.errLines().size());
        assertTrue(
                r.errLines()
                        .get(0)
                        .startsWith("mfgkit: error: " + cfg + ": missing field \"experiment\""),
                r.err());
    }

    @Test
    void configThatIsNotAnObject() throws Exception {
        Path cfg = config("x.json", "[1, 2]");
        CliRunner.Outcome r = run("run", cfg.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(
                List.of(
                        "mfgkit: error: "
                                + cfg
                                + ": expected a JSON object with an \"experiment\" field, got array"),
                r.errLines());
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws Exception {
        Path cfg = config("x.json", "{\n  \"experiment\": \"fake-curves\",\n  \"scale\": 2,,\n}");
        CliRunner.Outcome r = run("run", cfg.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(
                line.startsWith(
                        "mfgkit: error: cannot parse " + cfg + ": Unexpected character (','"),
                line);
        assertTrue(line.endsWith("(line 3, column 14)"), line);
    }

    @Test
    void missingFile() {
        Path cfg = dir.resolve("absent.json");
        CliRunner.Outcome r = run("run", cfg.toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(List.of("mfgkit: error: file not found: " + cfg), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void badConfigValueFromTheExperimentIsOneLine() throws Exception {
        Path cfg = config("x.json", "{\"experiment\": \"demo-monte-carlo\", \"seeds\": \"ten\"}");
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(
                List.of(
                        "mfgkit: error: config field \"seeds\": expected a positive count or a list of distinct"
                                + " integers, got \"ten\""),
                r.errLines());
        assertTrue(Files.notExists(dir.resolve("o")));
    }

    @Test
    void zeroThreadsIsAUsageError() throws Exception {
        CliRunner.Outcome r =
                run(
                        "run",
                        config("a.json", "{\"experiment\": \"fake-curves\"}").toString(),
                        "--threads",
                        "0");
        assertEquals(ExitCode.USAGE, r.status());
        assertEquals(List.of("mfgkit: error: --threads must be at least 1, got 0"), r.errLines());
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Path cfg = config("bad.json", "{\"experiment\": \"fake-failing\"}");
        CliRunner.Outcome r =
                CliRunner.run(
                        main, true, "run", cfg.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.INTERNAL, r.status());
        assertTrue(r.errLines().size() > 3);
        assertTrue(r.err().contains("at org.mfgkit.cli.Fakes$Failing.run"), r.err());
    }

    @Test
    void experimentReturningNothingStillGetsAResultFile() throws Exception {
        Experiment silent =
                new Experiment() {
                    @Override
                    public String name() {
                        return "fake-silent";
                    }

                    @Override
                    public String description() {
                        return "returns null";
                    }

                    @Override
                    public Object run(JsonNode config, org.mfgkit.cli.experiment.RunContext ctx) {
                        return null;
                    }
                };
        Path out = dir.resolve("o");
        CliRunner.Outcome r =
                CliRunner.run(
                        new Main(Experiments.of(silent), BenchTasks.of()),
                        "run",
                        config("s.json", "{\"experiment\": \"fake-silent\"}").toString(),
                        "--out",
                        out.toString());
        assertEquals(ExitCode.OK, r.status(), r.err());
        assertTrue(Json.read(out.resolve("result.json")).get("result").isNull());
        assertEquals(List.of("result.json"), names(out));
    }

    @Test
    void defaultOutputDirectoryIsResultsSlashBaseName() {
        assertEquals(
                Path.of("results", "sis-nac"),
                RunCommand.defaultOutDir(Path.of("configs/sis-nac.json")));
        assertEquals(Path.of("results", "plain"), RunCommand.defaultOutDir(Path.of("plain")));
        assertEquals(Path.of("results", "a.b"), RunCommand.defaultOutDir(Path.of("a.b.json")));
    }

    @Test
    void demoExperimentRunsEndToEnd() throws Exception {
        Path cfg =
                config(
                        "demo.json",
                        "{\"experiment\": \"demo-monte-carlo\", \"seeds\": 4, \"samples\": 2000, \"points\": 10}");
        Path out = dir.resolve("demo");
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", out.toString(), "--json");
        assertEquals(ExitCode.OK, r.status(), r.err());
        JsonNode result = Json.mapper().readTree(r.out()).get("result");
        assertEquals(4, result.get("seeds").size());
        assertEquals(List.of("curve.csv", "curve.png", "result.json"), names(out));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void outOfMemoryIsOneLineStatus3AndLeavesNothing() throws Exception {
        Path cfg = config("oom.json", "{\"experiment\": \"fake-failing\", \"throw\": \"memory\"}");
        Path out = dir.resolve("results/oom");
        CliRunner.Outcome r = run("run", cfg.toString(), "--out", out.toString());
        assertEquals(ExitCode.RESOURCES, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("mfgkit: error: out of memory: "), r.err());
        assertEquals(List.of("oom.json"), names(dir), "output or parent directories left behind");
        CliRunner.Outcome debug = run("run", cfg.toString(), "--out", out.toString(), "--debug");
        assertEquals(ExitCode.RESOURCES, debug.status());
        assertTrue(debug.err().contains("at org.mfgkit.cli.Fakes$Failing.run"), debug.err());
    }
}
