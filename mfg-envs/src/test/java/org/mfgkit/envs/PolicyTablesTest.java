package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolicyTablesTest {
    private static final ExactModel SIS = Games.create("sis").exact();
    private static final ExactModel SIS_FH =
            Games.create("sis-fh", java.util.Map.of("T", "2")).exact();

    private static String message(ExactModel model, double[][][] p) {
        return assertThrows(IllegalArgumentException.class, () -> PolicyTables.fromArray(model, p))
                .getMessage();
    }

    @Test
    void roundTrip() {
        double[][][] p = {{{0.3, 0.7}, {1.0, 0.0}}};
        var pi = PolicyTables.fromArray(SIS, p);
        assertEquals(0.7, pi[0].prob(0, 1));
        assertEquals(p[0][1][0], PolicyTables.toArray(pi)[0][1][0]);
        // a finite-horizon game accepts one table for every step
        var fh = PolicyTables.fromArray(SIS_FH, p);
        assertEquals(3, fh.length);
        assertSame(fh[0], fh[2]);
    }

    @Test
    void badShapesAndRowsAreNamed() {
        assertEquals(
                "policy: expected 2 state rows, got 3",
                message(SIS, new double[][][] {{{1, 0}, {1, 0}, {1, 0}}}));
        assertEquals(
                "policy: state 1 has 3 action probabilities, expected 2",
                message(SIS, new double[][][] {{{1, 0}, {1, 0, 0}}}));
        assertEquals(
                "policy: expected probabilities of shape [2][2] for a stationary environment",
                message(SIS, new double[][][] {{{1, 0}, {1, 0}}, {{1, 0}, {1, 0}}}));
        assertEquals(
                "policy: expected 3 time steps (T+1) of [2][2], got 2",
                message(SIS_FH, new double[][][] {{{1, 0}, {1, 0}}, {{1, 0}, {1, 0}}}));
        assertEquals(
                "policy at time step 1: state 0 sums to 0.9, not 1 (tolerance 1.0E-9)",
                message(
                        SIS_FH,
                        new double[][][] {
                            {{1, 0}, {1, 0}}, {{0.5, 0.4}, {1, 0}}, {{1, 0}, {1, 0}}
                        }));
        assertEquals(
                "policy: state 1: entry 1 is negative (-0.5)",
                message(SIS, new double[][][] {{{1, 0}, {1.5, -0.5}}}));
    }
}
