package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {
    @Test
    void registryHasTheSpecNames() {
        List<String> names = Environments.types().stream().map(EnvironmentType::name).toList();
        assertEquals(List.of("sis", "sis-fh", "lq", "lq-fh", "left-right"), names);
        assertFalse(Environments.create("sis").finiteHorizon());
        assertTrue(Environments.create("sis-fh").finiteHorizon());
        assertEquals(51, Environments.create("sis-fh").model().steps());
        assertEquals(
                List.of(
                        "T", "L", "M", "sigma", "dt", "k", "q", "kappa", "c_term", "gamma",
                        "lambda", "mu0"),
                Environments.type("lq-fh").keys());
    }

    @Test
    void everySpecKeyCanBeOverridden() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put(
                "mu0",
                "[0.5, 0.25, 0.25, 0, 0, 0, 0]"); // given before L: shape keys are applied first
        sets.put("L", "3");
        sets.put("M", "1");
        sets.put("T", "4");
        sets.put("sigma", "2");
        sets.put("dt", "0.5");
        sets.put("k", "0.3");
        sets.put("q", "0.2");
        sets.put("kappa", "1.5");
        sets.put("c_term", "2");
        sets.put("gamma", "0.9");
        sets.put("lambda", "0.05");
        Environment env = Environments.create("lq-fh", sets);
        var p = (LinearQuadraticFiniteHorizon.Params) env.params();
        assertEquals(
                new LinearQuadraticFiniteHorizon.Params(
                        4,
                        3,
                        1,
                        2,
                        0.5,
                        0.3,
                        0.2,
                        1.5,
                        2,
                        0.9,
                        0.05,
                        new double[] {0.5, 0.25, 0.25, 0, 0, 0, 0}),
                p);
        assertEquals(7, env.model().nS());
        assertEquals(3, env.model().nA());
        var sis =
                (SisEpidemic.Params)
                        Environments.create(
                                        "sis",
                                        Map.of(
                                                "c", "0.5", "gamma", "0.8", "lambda", "0", "mu0",
                                                "0.9,0.1"))
                                .params();
        assertEquals(new SisEpidemic.Params(0.5, 0.8, 0.0, new double[] {0.9, 0.1}), sis);
        assertEquals(
                1.0 / 11,
                Environments.create("lq", Map.of("L", "5", "mu0", "uniform"))
                                        .params()
                                        .asMap()
                                        .get("L")
                                instanceof Integer i
                        ? 1.0 / (2 * i + 1)
                        : -1,
                0.0);
    }

    /** The records compare, hash and print their {@code mu0} array by content (ParamRecords). */
    @Test
    void paramsCompareAndPrintMu0ByContent() {
        for (EnvironmentType<?> type : Environments.types()) {
            EnvParams d = type.defaults();
            String mu0 = java.util.Arrays.toString((double[]) d.asMap().get("mu0"));
            EnvParams copy = d.with("mu0", mu0);
            assertEquals(d.getClass(), copy.getClass());
            assertEquals(type.name().startsWith("lq") ? d.with("mu0", mu0) : d, copy, type.name());
            assertEquals(copy.hashCode(), d.with("mu0", mu0).hashCode(), type.name());
            assertFalse(d.equals(d.with("lambda", "0.125")), type.name());
            assertTrue(d.toString().endsWith("mu0=" + mu0 + "]"), d.toString());
            assertEquals(d.toString(), copy.toString());
        }
        var lq = LinearQuadratic.Params.defaults();
        assertFalse(
                lq.equals(lq.withMu0(lq.mu0())),
                "uniform by default (null) is not an explicit uniform mu0");
        assertEquals(lq.toString(), lq.withMu0(lq.mu0()).toString());
    }

    @Test
    void badInputNamesTheProblem() {
        assertEquals(
                "unknown environment 'sir' (known: sis, sis-fh, lq, lq-fh, left-right)",
                assertThrows(IllegalArgumentException.class, () -> Environments.create("sir"))
                        .getMessage());
        assertEquals(
                "unknown parameter 'C' for environment sis (known: c, gamma, lambda, mu0)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("sis", Map.of("C", "1")))
                        .getMessage());
        assertEquals(
                "gamma must be in [0,1), got 1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("lq", Map.of("gamma", "1")))
                        .getMessage());
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("sis", Map.of("mu0", "0.5,0.6")))
                        .getMessage()
                        .startsWith("mu0 sums to"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("sis", Map.of("mu0", "1.5,-0.5")))
                        .getMessage()
                        .contains("negative"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("sis", Map.of("mu0", "[0.5, 0.5")))
                        .getMessage()
                        .contains("malformed"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("sis-fh", Map.of("T", "2.5")))
                        .getMessage()
                        .contains("not an integer"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Environments.create("sis-fh", Map.of("gamma", "1.1")))
                        .getMessage()
                        .contains("gamma must be in [0,1]"));
    }
}
