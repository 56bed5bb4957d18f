package org.mfgkit.faas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs independent tasks on a few threads and returns their results in index order. */
final class Parallel {
    private Parallel() {}

    /** One unit of work. */
    interface Task<T> {
        T run(int index) throws Exception;
    }

    /**
     * Runs {@code task(0..count-1)} on up to {@code threads} threads; results in index order. The
     * first failure is rethrown as it was (an {@link IllegalArgumentException} stays one) after the
     * other tasks were cancelled and awaited.
     */
    static <T> List<T> map(int count, int threads, Task<T> task) throws Exception {
        List<T> out = new ArrayList<>(count);
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                out.add(task.run(i));
            }
            return out;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.min(threads, count),
                        r -> {
                            Thread t = new Thread(r, "faas-worker");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                final int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable c = e.getCause();
                    if (c instanceof Exception ex) {
                        throw ex;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
