package org.mfgkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent units of work (seeds, variants) on a few threads and returns their results in
 * index order. Every unit must draw from its own seeded streams, so results do not depend on the
 * thread count; studies (NAC, policy-gradient flow) and the cli's experiments share this one loop.
 */
public final class Parallel {
    private Parallel() {}

    /** One unit of parallel work, e.g. one seed. */
    @FunctionalInterface
    public interface IndexedTask<T> {
        /** Runs unit {@code index} (0-based). */
        T run(int index) throws Exception;
    }

    /**
     * Runs {@code task(0..count-1)} on up to {@code threads} threads and returns the results in
     * index order.
     *
     * <p>When a task throws, the others are interrupted, all are awaited (so nothing runs after
     * this method returns), and the first failure is rethrown as it was: an {@link
     * IllegalArgumentException} stays one.
     */
    public static <T> List<T> map(int count, int threads, IndexedTask<T> task) throws Exception {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
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
