package org.mfgkit.cli.output;

/**
 * Looks of a {@link CurvePlot}: title, axis labels, axis scales, size in pixels.
 *
 * @param title chart title (may be empty)
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logX logarithmic x axis; points with {@code x <= 0} are left out
 * @param logY logarithmic y axis; values {@code <= 0} are clipped to {@link #yFloor}
 * @param yFloor the positive floor for a log y axis, or {@code NaN} for automatic: a tenth of the
 *     smallest positive value plotted (or {@code 1e-12} when nothing plotted is positive)
 * @param width image width in pixels, at least 100
 * @param height image height in pixels, at least 100
 */
public record PlotSpec(
        String title,
        String xLabel,
        String yLabel,
        boolean logX,
        boolean logY,
        double yFloor,
        int width,
        int height) {

    /** Default width in pixels. */
    public static final int DEFAULT_WIDTH = 900;

    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 560;

    /** Validates; names the offending field. */
    public PlotSpec {
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        if (!Double.isNaN(yFloor) && !(yFloor > 0 && Double.isFinite(yFloor))) {
            throw new IllegalArgumentException(
                    "yFloor must be positive and finite (or NaN for automatic), got " + yFloor);
        }
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException(
                    "plot size must be within 100..10000 pixels, got " + width + "x" + height);
        }
    }

    /** Linear axes, automatic log floor, default size. */
    public static PlotSpec of(String title, String xLabel, String yLabel) {
        return new PlotSpec(
                title, xLabel, yLabel, false, false, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** This spec with a logarithmic (or linear) x axis. */
    public PlotSpec withLogX(boolean log) {
        return new PlotSpec(title, xLabel, yLabel, log, logY, yFloor, width, height);
    }

    /** This spec with a logarithmic (or linear) y axis. */
    public PlotSpec withLogY(boolean log) {
        return new PlotSpec(title, xLabel, yLabel, logX, log, yFloor, width, height);
    }

    /** This spec with a fixed floor for the log y axis. */
    public PlotSpec withYFloor(double floor) {
        return new PlotSpec(title, xLabel, yLabel, logX, logY, floor, width, height);
    }

    /** This spec with another image size. */
    public PlotSpec withSize(int w, int h) {
        return new PlotSpec(title, xLabel, yLabel, logX, logY, yFloor, w, h);
    }
}
