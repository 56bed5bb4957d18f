package org.mfgkit.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.progress.ProgressFactory;

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

    /** One unit of parallel work, e.g. one seed. */
    @FunctionalInterface
    public interface IndexedTask<T> {
        /** Runs unit {@code index} (0-based). */
        T run(int index) throws Exception;
    }

    /**
     * Runs {@code task(0..count-1)} on up to {@link #threads()} threads and returns the results in
     * index order. Each task must be independent (own seed, own random generator), so the results
     * do not depend on the thread count.
     *
     * <p>When a task throws, the others are interrupted, all are awaited (so nothing writes after
     * this method returns), and the first failure is rethrown as it was: an {@link
     * IllegalArgumentException} stays one, so bad input still exits with status 2.
     */
    public <T> List<T> runParallel(int count, IndexedTask<T> task) throws Exception {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<T> results = new ArrayList<>(count);
        if (count == 0) {
            return results;
        }
        if (threads == 1 || count == 1) {
            for (int i = 0; i < count; i++) {
                results.add(task.run(i));
            }
            return results;
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.min(threads, count),
                        r -> {
                            Thread t = new Thread(r, "mfgkit-run-" + threadNo.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                final int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw unwrap(e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Exception unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception ex) {
            return ex;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return e;
    }
}
