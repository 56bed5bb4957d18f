package org.mfgkit.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A heat map of a metric over two parameters (XChart): cell {@code (i, j)} shows {@code
 * values[i][j]}, the metric's mean (printed with 3 significant digits) at the i-th value of the x
 * parameter and the j-th of the y parameter, printed in the cell; cells without a finite value are
 * left blank.
 */
public final class HeatMap {
    private HeatMap() {}

    /** Writes the PNG. */
    public static void write(
            Path png,
            String title,
            String xLabel,
            List<String> xTicks,
            String yLabel,
            List<String> yTicks,
            double[][] values)
            throws IOException {
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(900)
                        .height(560)
                        .title(title)
                        .xAxisTitle(xLabel)
                        .yAxisTitle(yLabel)
                        .build();
        chart.getStyler().setShowValue(true);
        chart.getStyler()
                .setHeatMapDecimalValueFormatter(
                        v -> String.format(java.util.Locale.ROOT, "%.3g", v));
        chart.getStyler().setLegendVisible(true);
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                double v = values[i][j];
                if (Double.isFinite(v)) {
                    cells.add(new Number[] {i, j, v});
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!cells.isEmpty()) {
            chart.getStyler().setMin(min);
            chart.getStyler().setMax(max > min ? max : min + 1);
        }
        chart.addSeries("mean", xTicks, yTicks, cells);
        String name = png.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
