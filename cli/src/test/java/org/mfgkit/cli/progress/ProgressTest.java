package org.mfgkit.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Swaps System.out, so it must not run alongside other tests. */
@Isolated
class ProgressTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private List<String> errLines() {
        return errBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void linesAppearAtTheIntervalAndAtTheEnd() {
        AtomicLong now = new AtomicLong();
        LineProgress p =
                new LineProgress("seeds", 10, "seeds", err, Duration.ofSeconds(2), now::get);
        now.set(1_000_000_000L);
        p.step(); // 1 s: too soon
        now.set(2_000_000_000L);
        p.step(); // 2 s: 2 done at 1/s, 8 to go
        now.set(3_000_000_000L);
        p.stepBy(7); // 3 s: too soon after the last line
        now.set(4_000_000_000L);
        p.step(); // complete: always printed
        p.step(); // beyond the end: ignored
        p.close();
        assertEquals(
                List.of(
                        "seeds: 2/10 seeds done, 1.00 seeds/s, eta 8 s",
                        "seeds: 10/10 seeds done, 2.50 seeds/s, took 4 s"),
                errLines());
    }

    @Test
    void unknownTotalHasNoEta() {
        AtomicLong now = new AtomicLong();
        LineProgress p = new LineProgress("sim", 0, "events", err, Duration.ZERO, now::get);
        now.set(500_000_000L);
        p.stepBy(1000);
        assertEquals(List.of("sim: 1000 events done, 2000 events/s"), errLines());
    }

    @Test
    void parallelStepsAreCountedExactlyOnce() throws InterruptedException {
        LineProgress p =
                new LineProgress(
                        "seeds", 8 * 1000, "it", err, Duration.ofDays(1), System::nanoTime);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 1000; i++) {
                                    p.step();
                                }
                            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<String> lines = errLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("seeds: 8000/8000 it done"), lines.get(0));
    }

    @Test
    void formats() {
        assertEquals("1234", LineProgress.formatRate(1234.4));
        assertEquals("42.0", LineProgress.formatRate(42));
        assertEquals("0.815", LineProgress.formatRate(0.8151));
        assertEquals("12 s", LineProgress.formatDuration(12.2));
        assertEquals("3 min 05 s", LineProgress.formatDuration(185));
        assertEquals("2 h 07 min", LineProgress.formatDuration(2 * 3600 + 7 * 60 + 30));
    }

    @Test
    void environmentPicksTheDisplay() {
        PrintStream e = err;
        assertInstanceOf(
                LineProgress.class,
                ProgressFactory.forEnvironment(e, Map.of(), false).start("t", 1, "u"));
        assertInstanceOf(
                LineProgress.class,
                ProgressFactory.forEnvironment(e, Map.of("CI", "true"), true).start("t", 1, "u"));
        assertInstanceOf(
                LineProgress.class,
                ProgressFactory.forEnvironment(e, Map.of("TERM", "dumb"), true).start("t", 1, "u"));
        assertInstanceOf(
                LineProgress.class,
                ProgressFactory.forEnvironment(e, Map.of("MFGKIT_PROGRESS", "lines"), true)
                        .start("t", 1, "u"));
        try (Progress bar = ProgressFactory.forEnvironment(e, Map.of(), true).start("t", 1, "u")) {
            assertInstanceOf(BarProgress.class, bar);
        }
        try (Progress off =
                ProgressFactory.forEnvironment(e, Map.of("MFGKIT_PROGRESS", "off"), true)
                        .start("t", 1, "u")) {
            off.step();
        }
        assertEquals(List.of(), errLines().stream().filter(l -> l.startsWith("t: ")).toList());
    }

    @Test
    void neitherDisplayWritesToStdout() throws Exception {
        PrintStream realOut = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream barBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            PrintStream barErr = new PrintStream(barBytes, true, StandardCharsets.UTF_8);
            for (ProgressFactory f :
                    List.of(
                            ProgressFactory.lines(err, Duration.ZERO),
                            ProgressFactory.bar(barErr))) {
                try (Progress p = f.start("work", 50, "it")) {
                    for (int i = 0; i < 50; i++) {
                        p.step();
                    }
                    Thread.sleep(300); // let the bar redraw at least once
                }
            }
        } finally {
            System.setOut(realOut);
        }
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        List<String> lines = errLines();
        assertEquals(50, lines.size()); // interval zero: one line per step
        assertTrue(
                lines.get(49).startsWith("work: 50/50 it done, ")
                        && lines.get(49).endsWith(", took 0 s"),
                lines.get(49));
        String bar = barBytes.toString(StandardCharsets.UTF_8);
        assertTrue(
                bar.contains("work 100%") && bar.contains("50/50 it") && bar.contains("\u2588"),
                bar);
    }
}
