package org.mfgkit.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mfgkit.cli.progress.ProgressFactory;

class RunContextTest {

    private static RunContext context(int threads) {
        return new RunContext(Path.of("unused"), ProgressFactory.silent(), false, threads);
    }

    @Test
    void resultsComeBackInIndexOrderWhateverTheThreadCount() throws Exception {
        List<Integer> expected = List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
        for (int threads : new int[] {1, 2, 3, 16}) {
            assertEquals(
                    expected,
                    context(threads)
                            .runParallel(
                                    10,
                                    i -> {
                                        Thread.sleep(10 - i); // later indices finish first
                                        return i * i;
                                    }));
        }
        assertEquals(List.of(), context(2).runParallel(0, i -> i));
    }

    @Test
    void usesUpToThreadsThreads() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        context(2)
                .runParallel(
                        8,
                        i -> {
                            names.add(Thread.currentThread().getName());
                            Thread.sleep(20);
                            return i;
                        });
        assertEquals(2, names.size(), names.toString());
    }

    @Test
    void firstFailureIsRethrownUnchangedAfterAllTasksStopped() {
        IllegalArgumentException bad = new IllegalArgumentException("seed 3: bad");
        AtomicInteger running = new AtomicInteger();
        IllegalArgumentException thrown =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                context(2)
                                        .runParallel(
                                                6,
                                                i -> {
                                                    running.incrementAndGet();
                                                    try {
                                                        if (i == 3) {
                                                            throw bad;
                                                        }
                                                        Thread.sleep(50);
                                                        return i;
                                                    } finally {
                                                        running.decrementAndGet();
                                                    }
                                                }));
        assertSame(bad, thrown);
        assertEquals(0, running.get(), "a task was still running after runParallel returned");
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> context(0));
        assertThrows(IllegalArgumentException.class, () -> context(1).runParallel(-1, i -> i));
        assertTrue(context(1).writer().dir().endsWith("unused"));
    }
}
