package org.mfgkit.core.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamTest {
    static final Param<Double> GAMMA =
            Param.real("gamma", 0.9, "discount factor").check(Checks.discount());
    static final Param<Integer> T =
            Param.integer("T", 50, "last decision step")
                    .check(Checks.range(0, 1_000_000))
                    .orNone("inf");
    static final Param<double[]> MU0 =
            Param.vector("mu0", new double[] {0.4, 0.6}, "initial distribution")
                    .check(Checks.distribution())
                    .orNone("uniform");
    static final Param<Long> SAMPLES =
            Param.longInteger("samples", 1000L, "sample budget").check(Checks.positive());
    static final Param<String> MODE =
            Param.choice("mode", "td", List.of("td", "exact"), "critic oracle");
    static final Param<Boolean> WARM = Param.bool("warm", false, "warm start");
    static final ParamSchema SCHEMA = ParamSchema.of("demo", GAMMA, T, MU0, SAMPLES, MODE, WARM);

    @Test
    void textAndJsonGiveTheSameValues() {
        ParamValues d = SCHEMA.defaults();
        ParamValues a =
                d.withText("gamma", "0.95").withText("T", "1e3").withText("mu0", "[0.5, 0.5]");
        ParamValues b =
                d.withJson("gamma", 0.95).withJson("T", 1e3).withJson("mu0", List.of(0.5, 0.5));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(1000, a.get(T));
        assertEquals(1000, d.withJson("T", new BigDecimal("1E+3")).get(T));
        assertArrayEquals(new double[] {0.5, 0.5}, a.get(MU0));
    }

    /**
     * Numbers beyond the type's range are refused with the declared range, and a huge exponent is
     * refused without materialising the number (found by ParserFuzzTest#set: {@code 9e94799929}
     * took minutes through {@code BigDecimal.toBigIntegerExact}). The time-out is a hang guard of a
     * thousand times the expected microseconds, not a speed measurement.
     */
    @Test
    void hugeIntegersAreRefusedWithTheDeclaredRange() {
        ParamValues d = SCHEMA.defaults();
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> {
                    for (String text : List.of("9e94799929", "99e94799929", "-9e2147483647")) {
                        assertEquals(
                                "T must be in 0..1000000, got '" + text + "'",
                                assertThrows(
                                                IllegalArgumentException.class,
                                                () -> d.withText("T", text))
                                        .getMessage());
                    }
                    assertEquals(
                            "T must be in 0..1000000, got 9E+94799929",
                            assertThrows(
                                            IllegalArgumentException.class,
                                            () -> d.withJson("T", new BigDecimal("9e94799929")))
                                    .getMessage());
                    // a tiny non-integer: refused as not an integer, also without 10^94799929
                    assertEquals(
                            "T must be an integer or inf, got '1e-94799929'",
                            assertThrows(
                                            IllegalArgumentException.class,
                                            () -> d.withText("T", "1e-94799929"))
                                    .getMessage());
                    // no declared upper bound: the type's bound is added to the declared one
                    assertEquals(
                            "samples must be > 0 and <= 9223372036854775807, got '9e99999'",
                            assertThrows(
                                            IllegalArgumentException.class,
                                            () -> d.withText("samples", "9e99999"))
                                    .getMessage());
                    assertEquals(
                            "samples must be an integer <= 9223372036854775807, got 9223372036854775808",
                            assertThrows(
                                            IllegalArgumentException.class,
                                            () ->
                                                    Param.longInteger("samples", 1L, "n")
                                                            .fromJson(
                                                                    new java.math.BigInteger(
                                                                            "9223372036854775808")))
                                    .getMessage());
                });
        assertEquals(0, d.withText("T", "0e94799929").get(T));
        assertEquals(1000, d.withText("T", "1000.000").get(T));
    }

    @Test
    void textRoundTripsForEveryParameter() {
        ParamValues v =
                SCHEMA.defaults()
                        .withText("T", "inf")
                        .withText("mu0", "0.25,0.75")
                        .withText("warm", "true");
        for (String name : SCHEMA.names()) {
            assertEquals(v, v.withText(name, v.text(name)), name);
        }
        assertNull(v.get(T));
        assertEquals("inf", v.echo().get("T"));
    }

    @Test
    void messagesNameTheParameterAndTheValue() {
        ParamValues d = SCHEMA.defaults();
        assertEquals(
                "gamma must be in [0,1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> d.withText("gamma", "1"))
                        .getMessage());
        assertEquals(
                "T must be an integer or inf, got '2.5'",
                assertThrows(IllegalArgumentException.class, () -> d.withJson("T", "2.5"))
                        .getMessage());
        assertEquals(
                "T must be an integer or inf, got 2.5",
                assertThrows(IllegalArgumentException.class, () -> d.withJson("T", 2.5))
                        .getMessage());
        assertEquals(
                "T must be in 0..1000000, got 2000000",
                assertThrows(IllegalArgumentException.class, () -> d.withText("T", "2e6"))
                        .getMessage());
        assertEquals(
                "T must be in 0..1000000, got 1099511627776",
                assertThrows(IllegalArgumentException.class, () -> d.withJson("T", 1L << 40))
                        .getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> d.withText("mu0", "0.5,0.6"))
                        .getMessage()
                        .startsWith("mu0 must be a distribution"));
        assertEquals(
                "unknown parameter 'gama' for demo (known: gamma, T, mu0, samples, mode, warm)",
                assertThrows(IllegalArgumentException.class, () -> d.withText("gama", "0.5"))
                        .getMessage());
        // user text with a line break stays on one line (found by ParserFuzzTest)
        assertEquals(
                "unknown parameter 'in\\u000aY' for demo (known: gamma, T, mu0, samples, mode,"
                        + " warm)",
                assertThrows(IllegalArgumentException.class, () -> d.withText("in\nY", "0.5"))
                        .getMessage());
        assertEquals(
                "gamma must be a finite number, got 'x\\u0009y'",
                assertThrows(IllegalArgumentException.class, () -> d.withText("gamma", "x\ty"))
                        .getMessage());
        assertEquals(
                "mode must be one of td, exact, got tdd",
                assertThrows(IllegalArgumentException.class, () -> d.withText("mode", "tdd"))
                        .getMessage());
        assertEquals(
                "gamma must be a finite number, got 'NaN'",
                assertThrows(IllegalArgumentException.class, () -> d.withText("gamma", "NaN"))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> d.withJson("gamma", Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> d.withJson("warm", "yes"));
        assertThrows(IllegalArgumentException.class, () -> d.withJson("samples", 0));
    }

    @Test
    void fileParametersAreTheirPathTextInAndOut() {
        Param<java.nio.file.Path> file =
                Param.file("coefficients", null, "instance file").orNone("random");
        ParamSchema schema = ParamSchema.of("demo-file", file);
        ParamValues text = schema.defaults().withText("coefficients", "dir/inst.json");
        ParamValues json = schema.defaults().withJson("coefficients", "dir/inst.json");
        assertEquals(text, json);
        assertEquals(text.hashCode(), json.hashCode());
        assertEquals(java.nio.file.Path.of("dir", "inst.json"), text.get(file));
        assertEquals("dir/inst.json", text.echo().get("coefficients"));
        assertEquals(text, text.withText("coefficients", text.text("coefficients")));
        assertNull(schema.defaults().get(file));
        assertEquals("random", schema.defaults().echo().get("coefficients"));
        assertEquals(
                "coefficients must be a file path or random, got 3",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> schema.defaults().withJson("coefficients", 3))
                        .getMessage());
        assertEquals(
                "coefficients must be a file path or random, got ''",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> schema.defaults().withText("coefficients", " "))
                        .getMessage());
    }

    @Test
    void negativeZeroIsZeroAndArraysCompareByContent() {
        Param<Double> x = Param.real("x", 0.0, "a number");
        ParamSchema s = ParamSchema.of("z", x, MU0);
        ParamValues a = s.defaults().withText("x", "-0.0");
        assertEquals(s.defaults(), a);
        assertEquals(s.defaults().hashCode(), a.hashCode());
        assertNotEquals(s.defaults(), s.defaults().withText("mu0", "0.5,0.5"));
        double[] got = a.get(MU0);
        got[0] = 7;
        assertArrayEquals(new double[] {0.4, 0.6}, a.get(MU0));
    }

    @Test
    void presetsRebaseDefaultsAndKeepChecks() {
        ParamSchema fh =
                SCHEMA.withDefaults("demo-fh", SCHEMA.defaults().with(GAMMA, 0.5).with(T, 3));
        assertEquals(0.5, fh.defaults().get(GAMMA));
        assertEquals(3, fh.defaults().get(T));
        assertThrows(IllegalArgumentException.class, () -> fh.defaults().withText("gamma", "1"));
        assertTrue(
                fh.help()
                        .get(0)
                        .startsWith(
                                "gamma (a finite number, default 0.5; in [0,1)): discount factor"));
    }

    @Test
    void badDeclarationsFailWhereTheyAreWritten() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Param.real("g", 1.0, "x").check(Checks.discount()));
        assertThrows(IllegalArgumentException.class, () -> Param.real("1g", 0.5, "x"));
        assertThrows(IllegalArgumentException.class, () -> ParamSchema.of("dup", GAMMA, GAMMA));
    }
}
