package org.mfgkit.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.core.RandomStreams;

/** The sweep file: values, point order, and one clear line for each kind of bad input. */
class SweepFileTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir Path tmp;

    static final String SOLVE =
            "\"base\": {\"solve\": {\"env\": \"sis\", \"algorithm\": \"fixed-point\", \"iterations\": 5}}";

    private static SweepSpec parse(String json) throws Exception {
        return SweepFile.parse(M.readTree(json), null, "t", SweepFile.FIELDS);
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void logAndLinearRangesHitTheirEndsAndSpaceEvenly() throws Exception {
        SweepSpec s =
                parse(
                        "{"
                                + SOLVE
                                + ", \"grid\": {\"set.beta\": {\"min\": 0.01, \"max\": 1, \"count\": 3, \"scale\": \"log\"},"
                                + " \"iterations\": {\"min\": 2, \"max\": 10, \"count\": 5, \"integer\": true}}}");
        // log: 0.01 * 100^(k/2) = 0.01, 0.1, 1 (middle one by pow, so within one ulp of 0.1)
        List<JsonNode> beta = s.grid().get(0).values();
        assertEquals(0.01, beta.get(0).doubleValue(), 0.0);
        assertEquals(0.1, beta.get(1).doubleValue(), Math.ulp(0.1));
        assertEquals(1.0, beta.get(2).doubleValue(), 0.0);
        assertTrue(s.grid().get(0).logScale());
        // linear integers: 2 + 2k
        assertEquals(
                List.of(2L, 4L, 6L, 8L, 10L),
                s.grid().get(1).values().stream().map(JsonNode::asLong).toList());
        assertTrue(s.grid().get(1).values().get(0).isIntegralNumber());
    }

    @Test
    void pointsRunGridSlowestThenSamplesThenSeeds() throws Exception {
        SweepSpec s =
                parse(
                        "{"
                                + SOLVE
                                + ", \"grid\": {\"set.beta\": [0.5, 1.0], \"iterations\": [3, 4, 5]},"
                                + " \"seeds\": [7, 9]}");
        List<SweepPoint> p = SweepGrid.points(s);
        assertEquals(2 * 3 * 2, p.size());
        int i = 0;
        for (double beta : new double[] {0.5, 1.0}) {
            for (int it : new int[] {3, 4, 5}) {
                for (long seed : new long[] {7, 9}) {
                    SweepPoint q = p.get(i);
                    assertEquals(i, q.index());
                    assertEquals(beta, q.values().get("set.beta").doubleValue(), 0.0);
                    assertEquals(it, q.values().get("iterations").asInt());
                    assertEquals(seed, q.seed());
                    i++;
                }
            }
        }
    }

    @Test
    void randomSampleKDrawsFromItsOwnDerivedStream() throws Exception {
        SweepSpec s =
                parse(
                        "{"
                                + SOLVE
                                + ", \"random\": {\"samples\": 4, \"seed\": 11, \"params\":"
                                + " {\"set.beta\": {\"min\": 0.001, \"max\": 1, \"scale\": \"log\"}}}, \"seeds\": 2}");
        List<SweepPoint> p = SweepGrid.points(s);
        assertEquals(8, p.size());
        for (int k = 0; k < 4; k++) {
            RandomGenerator rng = RandomStreams.derive(11, k);
            double expected = Math.exp(Math.log(0.001) + rng.nextDouble() * Math.log(1000.0));
            assertEquals(expected, p.get(2 * k).values().get("set.beta").doubleValue(), 1e-15);
            assertEquals(p.get(2 * k).values(), p.get(2 * k + 1).values());
        }
        // More samples leave the first ones unchanged.
        SweepSpec more =
                parse(
                        "{"
                                + SOLVE
                                + ", \"random\": {\"samples\": 9, \"seed\": 11, \"params\":"
                                + " {\"set.beta\": {\"min\": 0.001, \"max\": 1, \"scale\": \"log\"}}}, \"seeds\": 2}");
        assertEquals(p.get(6).values(), SweepGrid.points(more).get(6).values());
    }

    @Test
    void runBaseWritesValuesAndTheSeedAtTheirPaths() throws Exception {
        Path config = tmp.resolve("exp.json");
        Files.writeString(
                config,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"seeds\": 10, \"params\": {\"eta\": 0.05}}");
        SweepSpec s =
                SweepFile.parse(
                        M.readTree(
                                "{\"base\": {\"run\": \"exp.json\"}, \"grid\": {\"params.eta\": [0.1]},"
                                        + " \"seeds\": [3], \"metrics\": {\"e\": \"/result/x\"}}"),
                        tmp,
                        "t",
                        SweepFile.FIELDS);
        SweepPoint p = SweepGrid.points(s).get(0);
        JsonNode c = s.base().pointConfig(p.values(), p.seed());
        assertEquals(
                M.readTree(
                                "{\"experiment\": \"nac\", \"env\": \"sis\", \"seeds\": [3], \"params\": {\"eta\": 0.1}}")
                        .toString(),
                c.toString());
    }

    @Test
    void solveArgumentsCarryEverySetting() throws Exception {
        SweepSpec s = parse("{" + SOLVE + ", \"grid\": {\"set.beta\": [0.5]}, \"seeds\": [4]}");
        SweepPoint p = SweepGrid.points(s).get(0);
        assertEquals(
                List.of(
                        "solve",
                        "--env",
                        "sis",
                        "--algorithm",
                        "fixed-point",
                        "--iterations",
                        "5",
                        "--seed",
                        "4",
                        "--set",
                        "beta=0.5",
                        "--json"),
                s.base().args(s.base().pointConfig(p.values(), 4), 4, null, null));
    }

    @Test
    void badInputIsOneLineNamingTheField() {
        assertEquals(
                "grid.set.beta: empty grid (give at least one value)",
                error("{" + SOLVE + ", \"grid\": {\"set.beta\": []}}"));
        assertEquals(
                "grid.set.beta: min 0.9 > max 0.1 (an empty range)",
                error("{" + SOLVE + ", \"grid\": {\"set.beta\": {\"min\": 0.9, \"max\": 0.1}}}"));
        assertTrue(
                error(
                                "{"
                                        + SOLVE
                                        + ", \"grid\": {\"set.a\": {\"min\": 0, \"max\": 1, \"count\": 1000},"
                                        + " \"set.b\": {\"min\": 0, \"max\": 1, \"count\": 1001}}}")
                        .startsWith(
                                "grid: 1001000 points (grid x samples x seeds) exceed the limit of 1000000"));
        assertTrue(
                error("{" + SOLVE + ", \"grid\": {\"params.eta\": [1]}}")
                        .startsWith(
                                "grid.params.eta: unknown parameter \"params.eta\" for a solve base"));
        assertTrue(
                error(
                                "{"
                                        + SOLVE
                                        + ", \"grid\": {\"set.beta\": {\"min\": 0, \"max\": 1, \"count\": 0}}}")
                        .startsWith("grid.set.beta: count must be in 1..1000000, got 0"));
        assertTrue(
                error(
                                "{"
                                        + SOLVE
                                        + ", \"grid\": {\"set.beta\": {\"min\": 0, \"max\": 1, \"scale\": \"ln\"}}}")
                        .startsWith("grid.set.beta: scale must be one of linear, log"));
        assertTrue(
                error(
                                "{"
                                        + SOLVE
                                        + ", \"grid\": {\"set.beta\": {\"min\": 0, \"max\": 1, \"scale\": \"log\"}}}")
                        .startsWith("grid.set.beta: a log-scale range needs min > 0"));
        assertTrue(error("{" + SOLVE + ", \"gird\": {}}").startsWith("gird: unknown field"));
        assertEquals("seeds: empty list", error("{" + SOLVE + ", \"seeds\": []}"));
        assertTrue(
                error(
                                "{\"base\": {\"run\": {\"experiment\": \"nac\", \"seeds\": 1}}, \"grid\": {\"params.eta\": [1]}, \"metrics\": {\"e\": \"/x\"}}")
                        .startsWith(
                                "grid.params.eta: unknown parameter \"params.eta\" (not in the base config; known: seeds)"));
    }
}
