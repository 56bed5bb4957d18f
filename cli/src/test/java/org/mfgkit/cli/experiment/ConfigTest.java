package org.mfgkit.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfgkit.cli.output.Json;

class ConfigTest {

    private static Config config(String json) throws Exception {
        return Config.of(Json.mapper().readTree(json));
    }

    private static String error(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void typedFieldsWithDefaults() throws Exception {
        Config c =
                config(
                        "{\"env\": \"sis\", \"n\": 3, \"lambda\": 0.1, \"exact\": true, \"algs\": [\"a\", \"b\"],"
                                + " \"inner\": {\"k\": 1}, \"nothing\": null}");
        assertEquals("sis", c.string("env"));
        assertEquals("x", c.string("absent", "x"));
        assertEquals(3, c.integer("n"));
        assertEquals(7, c.integer("nothing", 7));
        assertEquals(0.1, c.number("lambda"), 0);
        assertEquals(3.0, c.number("n"), 0);
        assertEquals(true, c.flag("exact"));
        assertEquals(List.of("a", "b"), c.strings("algs"));
        assertEquals(1, c.object("inner").integer("k"));
    }

    @Test
    void seedsAreACountOrAList() throws Exception {
        assertArrayEquals(new long[] {0, 1, 2}, config("{\"seeds\": 3}").seeds("seeds", 10));
        assertArrayEquals(new long[] {7, 42}, config("{\"seeds\": [7, 42]}").seeds("seeds", 10));
        assertArrayEquals(new long[] {0, 1}, config("{}").seeds("seeds", 2));
        for (String bad : List.of("0", "[]", "[1,1]", "[1.5]", "\"ten\"")) {
            assertEquals(
                    "config field \"seeds\": expected a positive count or a list of distinct integers, got "
                            + bad,
                    error(() -> config("{\"seeds\": " + bad + "}").seeds("seeds", 10)));
        }
    }

    @Test
    void messagesNameTheFieldAndWhatWasExpected() throws Exception {
        Config c =
                config(
                        "{\"n\": 2.5, \"s\": 1, \"big\": 1e12, \"inner\": {\"k\": \"one\"},"
                                + " \"huge\": 1099511627776, \"low\": -3e9, \"e3\": 1e3}");
        assertEquals("config: missing field \"env\" (a string)", error(() -> c.string("env")));
        assertEquals(
                "config field \"n\": expected an integer, got 2.5", error(() -> c.integer("n")));
        assertEquals(
                "config field \"big\": expected an integer <= 2147483647, got 1.0E12",
                error(() -> c.integer("big")));
        assertEquals(
                "config field \"huge\": expected an integer <= 2147483647, got 1099511627776",
                error(() -> c.integer("huge")));
        assertEquals(
                "config field \"low\": expected an integer >= -2147483648, got -3.0E9",
                error(() -> c.integer("low")));
        assertEquals(1000, c.integer("e3")); // JSON numbers stay numbers
        assertEquals("config field \"s\": expected a string, got 1", error(() -> c.string("s")));
        assertEquals(
                "config field \"inner\" field \"k\": expected an integer, got \"one\"",
                error(() -> c.object("inner").integer("k")));
        assertEquals(
                "config: unknown field \"big\" (allowed: n, s, inner, huge, low, e3)",
                error(() -> c.allowOnly("n", "s", "inner", "huge", "low", "e3")));
        JsonNode array = Json.mapper().readTree("[1]");
        assertEquals("config: expected a JSON object, got [1]", error(() -> Config.of(array)));
    }
}
