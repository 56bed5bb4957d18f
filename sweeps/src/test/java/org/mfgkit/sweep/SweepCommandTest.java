package org.mfgkit.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfgkit.sweep.SweepTestSupport.M;
import static org.mfgkit.sweep.SweepTestSupport.solve;
import static org.mfgkit.sweep.SweepTestSupport.solveError;
import static org.mfgkit.sweep.SweepTestSupport.sweeps;
import static org.mfgkit.sweep.SweepTestSupport.withoutSeconds;
import static org.mfgkit.sweep.SweepTestSupport.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.sweep.SweepTestSupport.Outcome;

/** {@code mfgkit sweep} on Spark {@code local[2]}: rows, failures, resume, bad masters. */
class SweepCommandTest {

    @TempDir Path tmp;

    /** Fixed-point on SIS, damping 0.5 / 1.0 / 2.0 (invalid), two seeds: 6 points, 2 failing. */
    static final String SWEEP =
            "{\"name\": \"fp\", \"base\": {\"solve\": {\"env\": \"sis\", \"algorithm\": \"fixed-point\","
                    + " \"iterations\": 4}}, \"grid\": {\"set.beta\": [0.5, 1.0, 2.0]}, \"seeds\": [0, 1]}";

    @Test
    void everyPointIsOneRowEqualToItsOwnSolveAndFailuresAreRecorded() throws Exception {
        Path file = write(tmp, "fp.json", SWEEP);
        Path out = tmp.resolve("out");
        Outcome o =
                sweeps(
                        "sweep",
                        file.toString(),
                        "--master",
                        "local[2]",
                        "--out",
                        out.toString(),
                        "--json");
        assertEquals(0, o.status(), o.err());
        JsonNode summary = M.readTree(o.out());
        assertEquals(6, summary.get("points").asInt());
        assertEquals(2, summary.get("failed").asInt());

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"), StandardCharsets.UTF_8);
        assertEquals("point,set.beta,seed,exploitability,status,error,seconds", csv.get(0));
        assertEquals(7, csv.size());
        double[] betas = {0.5, 0.5, 1.0, 1.0, 2.0, 2.0};
        for (int i = 0; i < 6; i++) {
            String[] c = csv.get(i + 1).split(",", -1);
            assertEquals(Integer.toString(i), c[0]);
            assertEquals(Double.toString(betas[i]), c[1]);
            assertEquals(Integer.toString(i % 2), c[2]);
            if (betas[i] <= 1.0) {
                double direct =
                        solve(
                                        "--env",
                                        "sis",
                                        "--algorithm",
                                        "fixed-point",
                                        "--iterations",
                                        "4",
                                        "--seed",
                                        c[2],
                                        "--set",
                                        "beta=" + c[1])
                                .get("exploitability")
                                .doubleValue();
                assertEquals(Double.toString(direct), c[3]);
                assertEquals("ok", c[4]);
                assertEquals("", c[5]);
            } else {
                assertEquals("NaN", c[3]);
                assertEquals("failed", c[4]);
                // The row's error is the command's own one-line error for that point.
                String expected =
                        solveError(
                                "--env",
                                "sis",
                                "--algorithm",
                                "fixed-point",
                                "--iterations",
                                "4",
                                "--seed",
                                c[2],
                                "--set",
                                "beta=" + c[1]);
                List<String> cells =
                        SweepTable.row(
                                spec(file),
                                SweepGrid.points(spec(file)).get(i),
                                Journal.fromJson(
                                        M.readTree(out.resolve("result.json").toFile())
                                                .get("rows")
                                                .get(i)));
                assertEquals(expected, cells.get(5));
                assertTrue(
                        csv.get(i + 1)
                                .contains(expected.contains(",") ? '"' + expected + '"' : expected),
                        csv.get(i + 1));
                assertEquals(
                        expected,
                        M.readTree(out.resolve("result.json").toFile())
                                .get("rows")
                                .get(i)
                                .get("error")
                                .asText());
            }
        }
        JsonNode result = M.readTree(out.resolve("result.json").toFile());
        assertEquals(4, result.get("ok").asInt());
        assertEquals(6, result.get("rows").size());
        assertEquals("failed", result.get("rows").get(4).get("status").asText());
        assertTrue(result.get("rows").get(4).get("metrics").get("exploitability").isNull());
        assertTrue(Files.isRegularFile(out.resolve("exploitability-vs-set_beta.png")));
        assertTrue(Files.isRegularFile(out.resolve("exploitability-vs-set_beta.csv")));
        assertFalse(
                Files.exists(Journal.fileFor(out)), "the journal goes once the result is in place");

        // --resume with a journal holding rows 0..2 (marked by their wall time): only 3..5 run.
        SweepSpec spec = SweepFile.read(file);
        List<SweepPoint> points = SweepGrid.points(spec);
        Path out2 = tmp.resolve("out2");
        List<PointResult> kept = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PointResult r = Journal.fromJson(result.get("rows").get(i));
            kept.add(new PointResult(r.index(), r.ok(), r.error(), r.metrics(), 1234.5));
        }
        try (Journal j =
                Journal.start(Journal.fileFor(out2), Journal.fingerprint(spec, points), kept)) {
            assertEquals(3, kept.size(), j.toString());
        }
        // The missing rows run on one core here: the table must not depend on the cores.
        Outcome resumed =
                sweeps(
                        "sweep",
                        file.toString(),
                        "--master",
                        "local[1]",
                        "--out",
                        out2.toString(),
                        "--resume",
                        "--json");
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(3, M.readTree(resumed.out()).get("resumed").asInt());
        assertEquals(
                withoutSeconds(out.resolve("sweep.csv")),
                withoutSeconds(out2.resolve("sweep.csv")));
        List<String> rows2 = Files.readAllLines(out2.resolve("sweep.csv"));
        for (int i = 1; i <= 6; i++) {
            assertEquals(i <= 3, rows2.get(i).endsWith(",1234.5"), rows2.get(i));
        }
        assertFalse(Files.exists(Journal.fileFor(out2)));

        // --resume on the finished directory reruns nothing; a changed file is refused.
        Outcome again =
                sweeps(
                        "sweep",
                        file.toString(),
                        "--master",
                        "local[2]",
                        "--out",
                        out2.toString(),
                        "--resume",
                        "--json");
        assertEquals(6, M.readTree(again.out()).get("resumed").asInt(), again.err());
        Path changed =
                write(tmp, "fp.json", SWEEP.replace("\"iterations\": 4", "\"iterations\": 3"));
        Outcome refused = sweeps("sweep", changed.toString(), "--out", out2.toString(), "--resume");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("holds rows of another sweep"), refused.err());
    }

    private static SweepSpec spec(Path file) throws java.io.IOException {
        return SweepFile.read(file);
    }

    @Test
    void unknownSetKeyIsOneLineBeforeAnySparkWork() throws Exception {
        Path file = write(tmp, "bad.json", SWEEP.replace("set.beta", "set.betaa"));
        Path out = tmp.resolve("bad-out");
        Outcome o = sweeps("sweep", file.toString(), "--out", out.toString());
        assertEquals(2, o.status());
        String cli =
                solveError(
                        "--env",
                        "sis",
                        "--algorithm",
                        "fixed-point",
                        "--iterations",
                        "0",
                        "--set",
                        "betaa=0.5");
        assertTrue(cli.startsWith("unknown --set key 'betaa'"), cli);
        assertEquals("mfgkit: error: grid.set.betaa: " + cli, o.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void unreachableMasterIsOneLineAtOnce() throws Exception {
        Path file = write(tmp, "fp.json", SWEEP);
        Path out = tmp.resolve("m-out");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Outcome o =
                sweeps(
                        "sweep",
                        file.toString(),
                        "--master",
                        "spark://127.0.0.1:" + closed,
                        "--out",
                        out.toString());
        assertEquals(2, o.status());
        assertTrue(
                o.err()
                        .strip()
                        .startsWith(
                                "mfgkit: error: --master spark://127.0.0.1:"
                                        + closed
                                        + ": cannot reach the Spark master"),
                o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue((System.nanoTime() - t0) / 1e9 < 30);

        assertFalse(Files.exists(out), "nothing half-written");
        assertFalse(Files.exists(Journal.fileFor(out)), "no journal either");
    }
}
