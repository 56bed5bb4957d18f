package org.mfgkit.cli.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

/**
 * Writes the usual result files into one directory (for an experiment: the staging directory of its
 * run). Every file is written atomically; names must be plain file names inside the directory.
 *
 * <pre>{@code
 * ResultWriter out = ctx.writer();
 * out.curves("curve", curves, "iteration", Band.MIN_MAX,
 *     PlotSpec.of("SIS, 10 seeds", "iteration", "exploitability").withLogY(true));
 * out.json("policy.json", finalPolicy);
 * }</pre>
 */
public final class ResultWriter {

    private final Path dir;

    /** A writer into {@code dir} (created on first write if missing). */
    public ResultWriter(Path dir) {
        this.dir = dir;
    }

    /** The directory written into. */
    public Path dir() {
        return dir;
    }

    /** Writes {@code value} as JSON (see {@link Json}) to {@code fileName}. */
    public Path json(String fileName, Object value) throws IOException {
        return Json.write(file(fileName), value);
    }

    /** Writes {@code curves} as CSV (see {@link CurveCsv}) to {@code fileName}. */
    public Path csv(String fileName, List<Curve> curves, String xName, Band band)
            throws IOException {
        return CurveCsv.write(file(fileName), curves, xName, band);
    }

    /** Plots mean lines with {@code band} (see {@link CurvePlot#bands}) to {@code fileName}. */
    public Path plot(String fileName, PlotSpec spec, List<Curve> curves, Band band)
            throws IOException {
        return CurvePlot.bands(file(fileName), spec, curves, band);
    }

    /** Plots one line per run (see {@link CurvePlot#lines}) to {@code fileName}. */
    public Path plotLines(String fileName, PlotSpec spec, List<Curve> curves) throws IOException {
        return CurvePlot.lines(file(fileName), spec, curves);
    }

    /**
     * The standard pair {@code BASE.csv} and {@code BASE.png} (mean with band), e.g. {@code
     * curves("curve", ...)} writes {@code curve.csv} and {@code curve.png}.
     */
    public void curves(String baseName, List<Curve> curves, String xName, Band band, PlotSpec spec)
            throws IOException {
        csv(baseName + ".csv", curves, xName, band);
        plot(baseName + ".png", spec, curves, band);
    }

    /** {@code dir/fileName}, refusing names that would leave the directory. */
    public Path file(String fileName) {
        Path name = Path.of(fileName);
        if (name.isAbsolute()
                || name.getNameCount() != 1
                || fileName.equals("..")
                || fileName.equals(".")
                || fileName.startsWith(".")) {
            throw new IllegalArgumentException(
                    "output file name must be a plain, non-hidden file name, got \""
                            + fileName
                            + "\"");
        }
        return dir.resolve(name);
    }
}
