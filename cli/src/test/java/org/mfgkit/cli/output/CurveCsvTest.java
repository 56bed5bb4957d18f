package org.mfgkit.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

class CurveCsvTest {

    @TempDir Path dir;

    @Test
    void roundTripKeepsNamesGridsRunsAndSpecialValuesExactly() throws IOException {
        List<Curve> curves =
                List.of(
                        new Curve(
                                "NAC, \"tabular\"",
                                new double[] {0, 10, 20},
                                new double[][] {
                                    {0.1, 1.0 / 3, Double.NaN},
                                    {1e-300, Double.POSITIVE_INFINITY, -0.0}
                                }),
                        Curve.single(
                                "DL-NAC",
                                new double[] {0.5},
                                new double[] {Double.NEGATIVE_INFINITY}),
                        new Curve(
                                "three",
                                new double[] {1, 2},
                                new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        Path file = CurveCsv.write(dir.resolve("curve.csv"), curves, "iteration", Band.MIN_MAX);
        List<Curve> back = CurveCsv.read(file);
        assertEquals(curves.size(), back.size());
        for (int c = 0; c < curves.size(); c++) {
            assertEquals(curves.get(c).name(), back.get(c).name());
            assertArrayEquals(curves.get(c).x(), back.get(c).x(), 0);
            assertEquals(curves.get(c).runCount(), back.get(c).runCount());
            for (int r = 0; r < curves.get(c).runCount(); r++) {
                // assertArrayEquals with delta 0 treats NaN == NaN and distinguishes -0.0 only via
                // bits:
                for (int i = 0; i < curves.get(c).size(); i++) {
                    assertEquals(
                            Double.doubleToLongBits(curves.get(c).runs()[r][i]),
                            Double.doubleToLongBits(back.get(c).runs()[r][i]),
                            "curve " + c + " run " + r + " point " + i);
                }
            }
        }
    }

    @Test
    void layoutIsOneRowPerSeriesAndX() throws IOException {
        StringWriter w = new StringWriter();
        CurveCsv.write(
                w,
                List.of(
                        new Curve("a,b", new double[] {0, 1}, new double[][] {{1, 2}, {3, 6}}),
                        Curve.single("c", new double[] {5}, new double[] {7})),
                "iteration",
                Band.MIN_MAX);
        assertEquals(
                """
        series,iteration,mean,lo,hi,run_0,run_1
        "a,b",0.0,2.0,1.0,3.0,1.0,3.0
        "a,b",1.0,4.0,2.0,6.0,2.0,6.0
        c,5.0,7.0,7.0,7.0,7.0,
        """,
                w.toString());
    }

    @Test
    void malformedFilesNameTheLine() throws IOException {
        Path bad =
                Files.writeString(
                        dir.resolve("bad.csv"),
                        "series,x,mean,lo,hi,run_0\na,0,1,1,1,1\na,1,1,1,1,oops\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CurveCsv.read(bad));
        assertEquals(bad + ", line 3: not a number: \"oops\"", e.getMessage());
        Path header = Files.writeString(dir.resolve("header.csv"), "name,x\n");
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> CurveCsv.read(header))
                        .getMessage()
                        .contains("header must start with series,<x>,mean,lo,hi"));
        Path ragged =
                Files.writeString(
                        dir.resolve("ragged.csv"),
                        "series,x,mean,lo,hi,run_0,run_1\na,0,1,1,1,1,2\na,1,1,1,1,1,\n");
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> CurveCsv.read(ragged))
                        .getMessage()
                        .contains("series \"a\" has 1 runs here but 2 on line 2"));
    }

    @Test
    void xColumnNameMustBeAnIdentifier() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CurveCsv.write(new StringWriter(), List.of(), "time, s", Band.NONE));
        assertThrows(
                IllegalArgumentException.class,
                () -> CurveCsv.write(new StringWriter(), List.of(), "mean", Band.NONE));
    }
}
