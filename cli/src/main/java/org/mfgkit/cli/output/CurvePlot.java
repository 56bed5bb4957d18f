package org.mfgkit.cli.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

/**
 * PNG line charts of {@link Curve}s, drawn with XChart, headless.
 *
 * <ul>
 *   <li>{@link #bands}: per curve, the mean over runs as a line and the {@link Band} as a shaded
 *       polygon of the same colour (left out of the legend).
 *   <li>{@link #lines}: every run of every curve as its own line, in its curve's colour; only the
 *       first run of a curve is in the legend. For "one line per initialisation" with distinct
 *       colours, pass one single-run curve per initialisation.
 * </ul>
 *
 * <p>Non-finite values are not drawn. On a log y axis values {@code <= 0} (a converged
 * exploitability of exactly 0, a band reaching below zero) are clipped to the floor of the {@link
 * PlotSpec} (by default a tenth of the smallest positive value plotted), so the curve visibly runs
 * along the bottom instead of vanishing. On a log x axis points with {@code x <= 0} (iteration 0)
 * are left out.
 */
public final class CurvePlot {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The colour cycle (matplotlib's "tab10"), so plots look familiar next to Python ones. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf),
    };

    private static final double FALLBACK_FLOOR = 1e-12;

    /**
     * Pixels of the image height not in the plot area (title, x tick labels and title, legend
     * below).
     */
    private static final int PLOT_MARGIN_Y = 150;

    /** Pixels of the image width not in the plot area (y tick labels and title, borders). */
    private static final int PLOT_MARGIN_X = 120;

    /** Room one y tick label needs, in pixels (XChart's default tick font, with a gap). */
    private static final int TICK_LABEL_HEIGHT = 16;

    /** Room one x tick label such as {@code 0.07} or {@code 300} needs, in pixels, with a gap. */
    private static final int TICK_LABEL_WIDTH = 40;

    /** Slack in decades when deciding whether a value is a power of ten (XChart uses 1e-8 too). */
    private static final double DECADE_SLACK = 1e-8;

    /**
     * Separates a curve name from a suffix in internal series names (curve names have no control
     * characters).
     */
    private static final String HIDDEN = " \u0000";

    private CurvePlot() {}

    /** Writes mean lines with shaded bands of {@code curves} to {@code png} atomically. */
    public static Path bands(Path png, PlotSpec spec, List<Curve> curves, Band band)
            throws IOException {
        return write(png, renderBands(spec, curves, band));
    }

    /** Writes one line per run of {@code curves} to {@code png} atomically. */
    public static Path lines(Path png, PlotSpec spec, List<Curve> curves) throws IOException {
        return write(png, renderLines(spec, curves));
    }

    /** The chart of {@link #bands} as an image. */
    public static BufferedImage renderBands(PlotSpec spec, List<Curve> curves, Band band) {
        requireDistinctNames(curves);
        List<Curve.Stats> stats = curves.stream().map(c -> c.stats(band)).toList();
        double floor =
                floor(
                        spec,
                        stats.stream()
                                .flatMap(s -> List.of(s.mean(), s.lo(), s.hi()).stream())
                                .toList());
        List<Drawn> drawn = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            Curve.Stats s = stats.get(c);
            if (band == Band.NONE || curve.runCount() == 1) {
                continue;
            }
            Points upper = points(spec, floor, curve.x(), s.hi());
            Points lower = points(spec, floor, curve.x(), s.lo());
            if (upper.size() + lower.size() < 3) {
                continue;
            }
            double[] px = new double[upper.size() + lower.size()];
            double[] py = new double[px.length];
            for (int i = 0; i < upper.size(); i++) {
                px[i] = upper.x[i];
                py[i] = upper.y[i];
            }
            for (int i = 0; i < lower.size(); i++) {
                px[upper.size() + i] = lower.x[lower.size() - 1 - i];
                py[upper.size() + i] = lower.y[lower.size() - 1 - i];
            }
            drawn.add(
                    new Drawn(
                            curve.name() + HIDDEN + "band",
                            new Points(px, py),
                            color(c),
                            true,
                            false));
        }
        for (int c = 0; c < curves.size(); c++) {
            Points mean = points(spec, floor, curves.get(c).x(), stats.get(c).mean());
            drawn.add(new Drawn(curves.get(c).name(), mean, color(c), false, true));
        }
        return render(spec, drawn);
    }

    /** The chart of {@link #lines} as an image. */
    public static BufferedImage renderLines(PlotSpec spec, List<Curve> curves) {
        requireDistinctNames(curves);
        List<double[]> all = new ArrayList<>();
        curves.forEach(c -> all.addAll(List.of(c.runs())));
        double floor = floor(spec, all);
        List<Drawn> drawn = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            for (int r = 0; r < curve.runCount(); r++) {
                String name = r == 0 ? curve.name() : curve.name() + HIDDEN + "run " + r;
                drawn.add(
                        new Drawn(
                                name,
                                points(spec, floor, curve.x(), curve.runs()[r]),
                                color(c),
                                false,
                                r == 0));
            }
        }
        return render(spec, drawn);
    }

    private static BufferedImage render(PlotSpec spec, List<Drawn> drawn) {
        XYChart chart = chart(spec);
        labelLogAxes(spec, chart, drawn);
        spaceTicksEvenly(spec, chart, drawn);
        for (Drawn d : drawn) {
            Points p =
                    d.points.size() > 0
                            ? d.points
                            // XChart rejects empty series; an all-NaN curve still gets its legend
                            // entry.
                            : new Points(new double[] {Double.NaN}, new double[] {Double.NaN});
            XYSeries series = chart.addSeries(d.name, p.x, p.y);
            series.setMarker(SeriesMarkers.NONE);
            series.setShowInLegend(d.inLegend);
            Color c = d.color;
            if (d.area) {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                series.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 64));
                series.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 0));
            } else {
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setLineColor(c);
                series.setLineStyle(
                        new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * XChart puts the ticks of an equally spaced x (iterations 0..n-1) on data points, as densely
     * as the labels fit, in steps like 7. An invisible two-point series (last x, first x) inserted
     * first makes the x values look unequally spaced, so XChart falls back to round tick steps (0,
     * 50, 100).
     */
    private static void spaceTicksEvenly(PlotSpec spec, XYChart chart, List<Drawn> drawn) {
        if (spec.logX()) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double y = Double.NaN;
        for (Drawn d : drawn) {
            for (int i = 0; i < d.points.size(); i++) {
                min = Math.min(min, d.points.x[i]);
                max = Math.max(max, d.points.x[i]);
                y = d.points.y[i];
            }
        }
        if (!(max > min)) {
            return;
        }
        XYSeries ticks =
                chart.addSeries(HIDDEN + "ticks", new double[] {max, min}, new double[] {y, y});
        ticks.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        ticks.setLineColor(new Color(0, 0, 0, 0));
        ticks.setMarker(SeriesMarkers.NONE);
        ticks.setShowInLegend(false);
    }

    /**
     * XChart labels only the powers of ten of a log axis, so a curve within one decade gets one
     * label or none. Where the axis is short in decades every tick ({@code 1..9 x 10^k}) is
     * labelled; where it is longer but holds fewer than two powers of ten it is widened to the
     * enclosing powers of ten.
     */
    private static void labelLogAxes(PlotSpec spec, XYChart chart, List<Drawn> drawn) {
        var styler = chart.getStyler();
        if (spec.logY()) {
            double[] range = range(drawn, false);
            LogAxis y =
                    LogAxis.of(
                            range[0], range[1], spec.height() - PLOT_MARGIN_Y, TICK_LABEL_HEIGHT);
            styler.setYAxisLogarithmicDecadeOnly(!y.everyTick());
            if (y.widened()) {
                styler.setYAxisMin(y.min());
                styler.setYAxisMax(y.max());
            }
        }
        if (spec.logX()) {
            double[] range = range(drawn, true);
            LogAxis x =
                    LogAxis.of(range[0], range[1], spec.width() - PLOT_MARGIN_X, TICK_LABEL_WIDTH);
            styler.setXAxisLogarithmicDecadeOnly(!x.everyTick());
            if (x.widened()) {
                styler.setXAxisMin(x.min());
                styler.setXAxisMax(x.max());
            }
        }
    }

    /**
     * {@code {min, max}} of the positive finite x (or y) values drawn; {@code {NaN, NaN}} when
     * there are none.
     */
    private static double[] range(List<Drawn> drawn, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Drawn d : drawn) {
            double[] v = x ? d.points.x : d.points.y;
            for (double value : v) {
                if (value > 0 && Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        return max >= min ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    /**
     * How to label a log axis over {@code [min, max]} (as XChart ranges it: the data).
     *
     * @param everyTick label every tick {@code m x 10^k}, {@code m = 1..9}, not only the powers of
     *     ten
     * @param min the axis minimum to set when {@code widened}, else the data's
     * @param max the axis maximum to set when {@code widened}, else the data's
     * @param widened whether the axis is widened to the enclosing powers of ten
     */
    record LogAxis(boolean everyTick, double min, double max, boolean widened) {
        /**
         * Every tick is labelled when the narrowest gap between ticks (9 to 10, {@code log10(10/9)}
         * of a decade) still holds a label of {@code labelPixels} on an axis of {@code pixels};
         * otherwise only powers of ten are, and when fewer than two of them lie within the data the
         * axis is widened to the enclosing powers of ten (which are then both labelled).
         */
        static LogAxis of(double min, double max, double pixels, double labelPixels) {
            if (!(min > 0 && max > min) || !Double.isFinite(max)) {
                return new LogAxis(
                        false, min, max, false); // nothing, or one value: XChart labels it
            }
            double decades = Math.log10(max / min);
            if (pixels / decades * Math.log10(10.0 / 9.0) >= labelPixels) {
                return new LogAxis(true, min, max, false);
            }
            double lo = Math.log10(min);
            double hi = Math.log10(max);
            double powersInside = Math.floor(hi + DECADE_SLACK) - Math.ceil(lo - DECADE_SLACK) + 1;
            if (powersInside >= 2) {
                return new LogAxis(false, min, max, false);
            }
            return new LogAxis(
                    false,
                    Math.pow(10, Math.floor(lo + DECADE_SLACK)),
                    Math.pow(10, Math.ceil(hi - DECADE_SLACK)),
                    true);
        }
    }

    private static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static XYChart chart(PlotSpec spec) {
        XYChart chart = new XYChart(spec.width(), spec.height());
        chart.setTitle(spec.title());
        chart.setXAxisTitle(spec.xLabel());
        chart.setYAxisTitle(spec.yLabel());
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.DARK_GRAY);
        styler.setPlotGridLinesColor(new Color(0xdddddd));
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setMarkerSize(0);
        styler.setAntiAlias(true);
        styler.setXAxisLogarithmic(spec.logX());
        styler.setYAxisLogarithmic(spec.logY());
        styler.setChartTitleVisible(!spec.title().isEmpty());
        styler.setChartTitleBoxVisible(false);
        return chart;
    }

    /**
     * The drawable points: finite, {@code x > 0} on a log x axis, y clipped to the floor on a log y
     * axis.
     */
    private static Points points(PlotSpec spec, double floor, double[] x, double[] y) {
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || (spec.logX() && x[i] <= 0)) {
                continue;
            }
            px[n] = x[i];
            py[n] = spec.logY() ? Math.max(y[i], floor) : y[i];
            n++;
        }
        return new Points(Arrays.copyOf(px, n), Arrays.copyOf(py, n));
    }

    /**
     * The log-axis floor: fixed by the spec, else a tenth of the smallest positive finite value.
     */
    static double floor(PlotSpec spec, List<double[]> values) {
        if (!Double.isNaN(spec.yFloor())) {
            return spec.yFloor();
        }
        double min = Double.POSITIVE_INFINITY;
        for (double[] v : values) {
            for (double d : v) {
                if (d > 0 && d < min) {
                    min = d;
                }
            }
        }
        return Double.isFinite(min) ? min / 10 : FALLBACK_FLOOR;
    }

    private static void requireDistinctNames(List<Curve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: no curves");
        }
        Set<String> seen = new HashSet<>();
        for (Curve c : curves) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("two curves are named \"" + c.name() + "\"");
            }
        }
    }

    private static Path write(Path png, BufferedImage image) throws IOException {
        return AtomicFiles.write(
                png,
                out -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
    }

    /** One XChart series to add: a mean/run line or a band polygon. */
    private record Drawn(String name, Points points, Color color, boolean area, boolean inLegend) {}

    private record Points(double[] x, double[] y) {
        int size() {
            return x.length;
        }
    }
}
