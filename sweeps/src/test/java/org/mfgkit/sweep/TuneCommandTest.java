package org.mfgkit.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfgkit.sweep.SweepTestSupport.M;
import static org.mfgkit.sweep.SweepTestSupport.solve;
import static org.mfgkit.sweep.SweepTestSupport.sweeps;
import static org.mfgkit.sweep.SweepTestSupport.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.sweep.SweepTestSupport.Outcome;

/** {@code mfgkit tune}: successive halving's rungs and promotions, checked from its own table. */
class TuneCommandTest {

    @TempDir Path tmp;

    static final String TUNE =
            "{\"name\": \"omd\", \"base\": {\"solve\": {\"env\": \"lq-fh\", \"algorithm\": \"omd\", \"iterations\": 9}},"
                    + " \"space\": {\"set.alpha\": {\"min\": 0.01, \"max\": 3, \"scale\": \"log\"}},"
                    + " \"trials\": 9, \"seed\": 5, \"halving\": {\"eta\": 3, \"min_budget\": 1}}";

    /** One row of trials.csv. */
    record Row(int trial, int rung, long budget, double alpha, double score) {}

    @Test
    void rungsKeepTheBestThirdAndScoresAreTheSolvesThemselves() throws Exception {
        Path file = write(tmp, "omd.json", TUNE);
        Path out = tmp.resolve("out");
        Outcome o =
                sweeps(
                        "tune",
                        file.toString(),
                        "--master",
                        "local[2]",
                        "--out",
                        out.toString(),
                        "--json");
        assertEquals(0, o.status(), o.err());
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("trials.csv"));
        assertEquals(
                "trial,rung,budget,set.alpha,exploitability,status,error,seconds", lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            assertEquals("ok", c[5]);
            rows.add(
                    new Row(
                            Integer.parseInt(c[0]),
                            Integer.parseInt(c[1]),
                            Long.parseLong(c[2]),
                            Double.parseDouble(c[3]),
                            Double.parseDouble(c[4])));
        }
        // Budgets 1, 3, 9 with 9, 3, 1 trials.
        long[] budgets = {1, 3, 9};
        int[] counts = {9, 3, 1};
        for (int k = 0; k < 3; k++) {
            final int rung = k;
            List<Row> r = rows.stream().filter(x -> x.rung() == rung).toList();
            assertEquals(counts[k], r.size());
            r.forEach(x -> assertEquals(budgets[rung], x.budget()));
            if (k > 0) {
                List<Row> previous =
                        new ArrayList<>(rows.stream().filter(x -> x.rung() == rung - 1).toList());
                previous.sort(Comparator.comparingDouble(Row::score).thenComparingInt(Row::trial));
                List<Integer> expected =
                        previous.subList(0, counts[k]).stream().map(Row::trial).sorted().toList();
                assertEquals(expected, r.stream().map(Row::trial).toList());
            }
        }
        // Trial t's alpha is the t-th draw of the derived streams, log-uniform on [0.01, 3].
        for (Row x : rows) {
            RandomGenerator rng = RandomStreams.derive(5, x.trial());
            double alpha =
                    Math.exp(Math.log(0.01) + rng.nextDouble() * (Math.log(3) - Math.log(0.01)));
            assertEquals(alpha, x.alpha(), 1e-15 * alpha);
        }
        // Scores are the exploitability of the solve itself (seed 0, one seed per trial).
        for (Row x : List.of(rows.get(0), rows.get(rows.size() - 1))) {
            JsonNode direct =
                    solve(
                            "--env",
                            "lq-fh",
                            "--algorithm",
                            "omd",
                            "--iterations",
                            Long.toString(x.budget()),
                            "--seed",
                            "0",
                            "--set",
                            "alpha=" + x.alpha());
            assertEquals(direct.get("exploitability").doubleValue(), x.score(), 0.0);
        }
        JsonNode result = M.readTree(out.resolve("result.json").toFile());
        Row last = rows.get(rows.size() - 1);
        assertEquals(last.trial(), result.get("best").get("trial").asInt());
        assertEquals(last.score(), result.get("best").get("exploitability").doubleValue(), 0.0);
        assertEquals("successive-halving", result.get("algorithm").asText());
        assertTrue(Files.isRegularFile(out.resolve("best.png")));
        // best.csv: the best score so far over the 13 evaluations, never increasing.
        List<String> best = Files.readAllLines(out.resolve("best.csv"));
        assertEquals(14, best.size());
    }

    @Test
    void budgetsGrowByEtaAndEndAtTheBase() throws Exception {
        TuneSpec t =
                TuneSpec.parse(
                        M.readTree(
                                TUNE.replace("\"iterations\": 9", "\"iterations\": 100")
                                        .replace("\"min_budget\": 1", "\"min_budget\": 4")),
                        null,
                        "t");
        assertEquals(List.of(4L, 12L, 36L, 100L), t.budgets());
        String e =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        TuneSpec.parse(
                                                M.readTree(
                                                        TUNE.replace(
                                                                "\"min_budget\": 1",
                                                                "\"min_budget\": 40")),
                                                null,
                                                "t"))
                        .getMessage();
        assertEquals("halving: min_budget 40 > max budget 9 (base iterations)", e);
        e =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        TuneSpec.parse(
                                                M.readTree(
                                                        TUNE.replace(
                                                                "\"seed\": 5",
                                                                "\"seed\": 5, \"metric\": \"p99\"")),
                                                null,
                                                "t"))
                        .getMessage();
        assertEquals("metric: \"p99\" is not one of the metrics (exploitability)", e);
        e =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        TuneSpec.parse(
                                                M.readTree(
                                                        TUNE.replace(
                                                                "set.alpha",
                                                                "set.alpha\": {\"min\": 3, \"max\": 1}, \"x")),
                                                null,
                                                "t"))
                        .getMessage();
        assertTrue(e.startsWith("space.set.alpha: min 3.0 > max 1.0"), e);
    }
}
