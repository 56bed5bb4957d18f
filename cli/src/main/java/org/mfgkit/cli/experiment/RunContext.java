package org.mfgkit.cli.experiment;

import java.nio.file.Path;
import java.util.List;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.progress.ProgressFactory;
import org.mfgkit.core.Parallel;

/**
 * What an {@link Experiment} gets from the frame.
 *
 * @param outDir the directory to write outputs into (a staging directory that is moved to the final
 *     place only when the run succeeds)
 * @param progress starts progress displays on stderr
 * @param json whether the user asked for {@code --json} (the frame prints the JSON; an experiment
 *     normally needs this only to be quieter)
 * @param threads how many seeds to run at once, at least 1 (default: available processors)
 */
public record RunContext(Path outDir, ProgressFactory progress, boolean json, int threads) {

    /** Validates; names the offending field. */
    public RunContext {
        if (outDir == null || progress == null) {
            throw new IllegalArgumentException("outDir and progress must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** A writer for the usual result files into {@link #outDir()}. */
    public ResultWriter writer() {
        return new ResultWriter(outDir);
    }

    /**
     * Runs {@code task(0..count-1)} on up to {@link #threads()} threads and returns the results in
     * index order ({@link Parallel#map}). Each task must be independent (own seed, own random
     * generator), so the results do not depend on the thread count. The first failure is rethrown
     * as it was: an {@link IllegalArgumentException} stays one, so bad input still exits with
     * status 2.
     */
    public <T> List<T> runParallel(int count, Parallel.IndexedTask<T> task) throws Exception {
        return Parallel.map(count, threads, task);
    }
}
