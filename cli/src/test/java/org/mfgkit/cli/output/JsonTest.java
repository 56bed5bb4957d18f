package org.mfgkit.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @TempDir Path dir;

    record Sample(double medianNs, double[] curve, float ratio, List<Double> boxed) {}

    @Test
    void nonFiniteDoublesAreWrittenAsNullEverywhere() throws Exception {
        Sample s =
                new Sample(
                        Double.NaN,
                        new double[] {1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                        Float.NaN,
                        List.of(2.0, Double.NaN));
        JsonNode tree = Json.mapper().readTree(Json.toString(s));
        assertTrue(tree.get("median_ns").isNull());
        assertEquals("[1.5,null,null]", tree.get("curve").toString());
        assertTrue(tree.get("ratio").isNull());
        assertEquals("[2.0,null]", tree.get("boxed").toString());

        ObjectNode node = Json.object().put("x", Double.NaN).put("y", 0.25);
        assertEquals(
                "{\"x\":null,\"y\":0.25}", Json.mapper().readTree(Json.toString(node)).toString());
        double[][] nested = {{Double.NaN}};
        assertEquals(
                "[[null]]",
                Json.mapper()
                        .readTree(Json.toString(Map.of("m", nested)).replace("\n", ""))
                        .get("m")
                        .toString());
    }

    @Test
    void recordComponentsAreSnakeCaseAndDoublesRoundTripExactly() throws Exception {
        double third = 1.0 / 3;
        Sample s = new Sample(third, new double[] {Math.PI}, 0.5f, List.of());
        Path file = Json.write(dir.resolve("s.json"), s);
        String text = Files.readString(file);
        assertTrue(text.contains("\"median_ns\" : 0.3333333333333333"), text);
        assertTrue(text.endsWith("}\n"));
        Sample back = Json.mapper().readValue(text, Sample.class);
        assertEquals(third, back.medianNs(), 0);
        assertEquals(Math.PI, back.curve()[0], 0);
        assertEquals(List.of("s.json"), List.of(dir.toFile().list()), "temporary file left behind");
    }

    @Test
    void parseErrorNamesFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\n\"a\": tru\n}");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Json.read(file));
        assertTrue(
                e.getMessage().startsWith("cannot parse " + file + ": Unrecognized token 'tru'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2, column 10)"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void strictReading() throws IOException {
        Path dup = Files.writeString(dir.resolve("dup.json"), "{\"a\": 1, \"a\": 2}");
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> Json.read(dup))
                        .getMessage()
                        .contains("Duplicate field 'a'"));
        Path trailing = Files.writeString(dir.resolve("trailing.json"), "{\"a\": 1} {\"b\": 2}");
        assertThrows(IllegalArgumentException.class, () -> Json.read(trailing));
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertEquals(
                "cannot parse " + empty + ": the file is empty",
                assertThrows(IllegalArgumentException.class, () -> Json.read(empty)).getMessage());
        assertThrows(NoSuchFileException.class, () -> Json.read(dir.resolve("absent.json")));
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> Json.read(dir))
                        .getMessage()
                        .endsWith("is a directory, not a JSON file"));
    }
}
