package org.mfgkit.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

class CurvePlotTest {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    /** Where the sample images go, to look at by eye: cli/target/plots/. */
    private static final Path SAMPLES = Path.of("target", "plots");

    @TempDir Path dir;

    /** Three algorithms x five seeds of a decaying "exploitability" that reaches exactly 0. */
    static List<Curve> decayingCurves() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = Curve.range(200);
        List<Curve> curves = new ArrayList<>();
        double[] rates = {0.02, 0.05, 0.1};
        String[] names = {"NAC", "DL-NAC", "fictitious play, exact"};
        for (int c = 0; c < 3; c++) {
            List<double[]> runs = new ArrayList<>();
            for (int seed = 0; seed < 5; seed++) {
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.exp(-rates[c] * i) * (0.3 + 2 * random.nextDouble());
                    if (c == 2 && i > 150) {
                        y[i] = 0.0; // converged exactly: must be clipped, not dropped, on a log
                        // axis
                    }
                }
                runs.add(y);
            }
            curves.add(Curve.of(names[c], x, runs));
        }
        return curves;
    }

    @Test
    void bandsPlotIsAPngOfTheRequestedSize() throws IOException {
        Path png =
                CurvePlot.bands(
                        dir.resolve("curve.png"),
                        PlotSpec.of("exploitability", "iteration", "E(pi)")
                                .withLogY(true)
                                .withSize(640, 400),
                        decayingCurves(),
                        Band.MIN_MAX);
        assertPng(png, 640, 400);
        keepSample(png, "bands-logy.png");
    }

    @Test
    void linesPlotWithLogLogAxesIsAPng() throws IOException {
        List<Curve> inits = new ArrayList<>();
        double[] x = Curve.range(100);
        for (int k = 0; k < 6; k++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = (k + 1) / (1.0 + i) - (i == 50 ? Double.NaN : 0);
            }
            inits.add(Curve.single("init " + k, x, y));
        }
        Path png =
                CurvePlot.lines(
                        dir.resolve("lines.png"),
                        PlotSpec.of("one line per initialisation", "iteration", "gap")
                                .withLogX(true)
                                .withLogY(true),
                        inits);
        assertPng(png, PlotSpec.DEFAULT_WIDTH, PlotSpec.DEFAULT_HEIGHT);
        keepSample(png, "lines-loglog.png");
    }

    @Test
    void stdBandOnLinearAxesIsAPng() throws IOException {
        Path png =
                CurvePlot.bands(
                        dir.resolve("std.png"),
                        PlotSpec.of("", "iteration", "value"),
                        decayingCurves(),
                        Band.STD);
        assertPng(png, PlotSpec.DEFAULT_WIDTH, PlotSpec.DEFAULT_HEIGHT);
        keepSample(png, "bands-std-linear.png");
    }

    @Test
    void logFloorIsATenthOfTheSmallestPositiveValue() {
        PlotSpec log = PlotSpec.of("", "", "").withLogY(true);
        assertEquals(1e-4, CurvePlot.floor(log, List.of(new double[] {0, -1, 1e-3, 5})), 1e-18);
        assertEquals(1e-12, CurvePlot.floor(log, List.of(new double[] {0, -1})), 0);
        assertEquals(0.5, CurvePlot.floor(log.withYFloor(0.5), List.of(new double[] {1e-3})), 0);
    }

    /**
     * XChart labels only powers of ten on a log axis; a curve within one decade (sis-fh under
     * fictitious play: 5.47 down to 0.689) got the single label "1". Now every tick is labelled
     * where the labels fit, and an axis holding fewer than two powers of ten is widened to the
     * enclosing ones.
     */
    @Test
    void logAxisAlwaysHasSeveralLabels() throws IOException {
        int plotHeight = PlotSpec.DEFAULT_HEIGHT - 150;
        CurvePlot.LogAxis withinADecade = CurvePlot.LogAxis.of(0.689, 5.47, plotHeight, 16);
        assertTrue(withinADecade.everyTick());
        assertFalse(withinADecade.widened());
        CurvePlot.LogAxis twoDecades = CurvePlot.LogAxis.of(0.15, 9, plotHeight, 16);
        assertFalse(twoDecades.everyTick(), "0.15..9: labels 9 and 10 would overlap");
        assertTrue(twoDecades.widened(), "only 1 lies within 0.15..9");
        assertEquals(0.1, twoDecades.min(), 1e-15);
        assertEquals(10, twoDecades.max(), 1e-12);
        CurvePlot.LogAxis manyDecades = CurvePlot.LogAxis.of(3e-16, 3, plotHeight, 16);
        assertFalse(manyDecades.everyTick());
        assertFalse(manyDecades.widened(), "16 powers of ten lie within: XChart's decade labels");
        CurvePlot.LogAxis exactDecades = CurvePlot.LogAxis.of(0.1, 1000, plotHeight, 16);
        assertFalse(exactDecades.widened(), "0.1 and 1000 are powers of ten themselves");
        assertFalse(
                CurvePlot.LogAxis.of(0.5, 0.5, plotHeight, 16).widened(),
                "one value: XChart labels it");

        double[] x = Curve.range(500);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.689 + 4.78 / (1 + 0.2 * i);
        }
        Path png =
                CurvePlot.lines(
                        dir.resolve("decade.png"),
                        PlotSpec.of("within one decade", "iteration", "exploitability")
                                .withLogY(true),
                        List.of(Curve.single("fictitious play", x, y)));
        assertPng(png, PlotSpec.DEFAULT_WIDTH, PlotSpec.DEFAULT_HEIGHT);
        keepSample(png, "lines-logy-one-decade.png");
    }

    @Test
    void failedPlotLeavesNoFile() {
        Curve a = Curve.single("same", new double[] {0, 1}, new double[] {1, 2});
        Path png = dir.resolve("dup.png");
        assertThrows(
                IllegalArgumentException.class,
                () -> CurvePlot.bands(png, PlotSpec.of("", "", ""), List.of(a, a), Band.NONE));
        assertTrue(Files.notExists(png));
    }

    static void assertPng(Path png, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO cannot read " + png);
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        // not a blank canvas: some pixels differ from the white background
        long nonWhite = 0;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 100, "image is (almost) blank");
    }

    private static void keepSample(Path png, String name) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.copy(png, SAMPLES.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
