package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CurveTest {

    /** Three runs at two points, worked by hand. */
    private final Curve curve =
            new Curve("c", new double[] {0, 1}, new double[][] {{1, 2}, {2, 4}, {6, 6}});

    @Test
    void meanMinMaxAndStdByHand() {
        assertArrayEquals(new double[] {3, 4}, curve.mean(), 1e-15);
        Curve.Stats mm = curve.stats(Curve.Band.MIN_MAX);
        assertArrayEquals(new double[] {1, 2}, mm.lo(), 0);
        assertArrayEquals(new double[] {6, 6}, mm.hi(), 0);
        // x=0: deviations -2,-1,3 -> sum sq 14 -> var 7; x=1: -2,0,2 -> 8 -> var 4
        Curve.Stats std = curve.stats(Curve.Band.STD);
        assertArrayEquals(new double[] {3 - Math.sqrt(7), 2}, std.lo(), 1e-15);
        assertArrayEquals(new double[] {3 + Math.sqrt(7), 6}, std.hi(), 1e-15);
        Curve.Stats none = curve.stats(Curve.Band.NONE);
        assertArrayEquals(none.mean(), none.lo(), 0);
        assertArrayEquals(none.mean(), none.hi(), 0);
    }

    @Test
    void singleRunHasZeroWidthStdBand() {
        Curve.Stats s = Curve.single("s", new double[] {0}, new double[] {5}).stats(Curve.Band.STD);
        assertArrayEquals(new double[] {5}, s.lo(), 0);
    }

    @Test
    void arraysAreCopied() {
        double[] y = {1, 2};
        Curve c = Curve.single("s", new double[] {0, 1}, y);
        y[0] = 99;
        assertEquals(1, c.runs()[0][0], 0);
    }

    @Test
    void invalidCurvesNameTheProblem() {
        assertEquals(
                "curve \"c\": run 1 has 1 values but x has 2",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new Curve(
                                                "c",
                                                new double[] {0, 1},
                                                new double[][] {{1, 2}, {1}}))
                        .getMessage());
        assertEquals(
                "curve \"c\" has no runs",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Curve("c", new double[] {0}, new double[0][]))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Curve.single(" ", new double[] {0}, new double[] {0}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Curve.single("a\nb", new double[] {0}, new double[] {0}));
    }
}
