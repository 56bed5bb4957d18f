package org.mfgkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {

    @Test
    void medianOfAFakeClockedOperationIsExact() {
        // Each call advances the fake clock by 250 ns: every sample is exactly 250 ns per call.
        AtomicLong clock = new AtomicLong();
        AtomicInteger setups = new AtomicInteger();
        BenchTask<int[]> task =
                BenchTask.of(
                        "fake",
                        "fake",
                        () -> {
                            setups.incrementAndGet();
                            return new int[1];
                        },
                        state -> {
                            clock.addAndGet(250);
                            return ++state[0];
                        });
        BenchRunner runner =
                new BenchRunner(Duration.ofMillis(1), Duration.ofMillis(10), clock::get);
        BenchResult r = runner.run(task);
        assertEquals("fake", r.name());
        assertEquals(250, r.medianNs(), 0);
        assertEquals(4e6, r.opsPerS(), 1e-6);
        assertEquals(1, setups.get(), "setup must run once");
        // batches grow until one lasts >= measure/50 = 200 us = 800 calls
        assertTrue(r.batchSize() >= 800, "batch " + r.batchSize());
        assertTrue(r.samples() >= BenchRunner.MIN_SAMPLES);
    }

    @Test
    void slowOperationStillGetsMinimumSamples() {
        AtomicLong clock = new AtomicLong();
        BenchTask<Void> slow = BenchTask.of("slow", "slow", () -> clock.addAndGet(5_000_000_000L));
        BenchResult r = new BenchRunner(Duration.ZERO, Duration.ofSeconds(1), clock::get).run(slow);
        assertEquals(BenchRunner.MIN_SAMPLES, r.samples());
        assertEquals(5e9, r.medianNs(), 0);
        assertEquals(1, r.batchSize());
    }

    @Test
    void realClockGivesPlausibleNumbers() {
        BenchResult r =
                new BenchRunner(Duration.ofMillis(20), Duration.ofMillis(50))
                        .run(JsonRoundTrip.task());
        assertTrue(
                r.medianNs() > 0 && r.minNs() <= r.medianNs() && r.medianNs() <= r.maxNs(),
                r.toString());
        assertEquals(1e9 / r.medianNs(), r.opsPerS(), 1e-9 * r.opsPerS());
    }

    @Test
    void registryFilterAndValidation() {
        BenchTasks tasks =
                BenchTasks.of(
                        BenchTask.of("exploitability/sis", "a", () -> 1),
                        BenchTask.of("exploitability/lq", "b", () -> 2),
                        BenchTask.of("nac-iteration/sis", "c", () -> 3));
        assertEquals(
                List.of("exploitability/sis", "nac-iteration/sis"),
                tasks.matching("sis$").stream().map(BenchTask::name).toList());
        assertEquals(
                "no bench task matches --filter \"faas\" (tasks: exploitability/sis, exploitability/lq, nac-iteration/sis)",
                assertThrows(IllegalArgumentException.class, () -> tasks.matching("faas"))
                        .getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> tasks.matching("("))
                        .getMessage()
                        .startsWith("invalid --filter regex \"(\""));
        assertThrows(
                IllegalArgumentException.class,
                () -> tasks.with(BenchTask.of("exploitability/lq", "dup", () -> 0)));
        assertThrows(IllegalArgumentException.class, () -> BenchTask.of("Bad Name", "x", () -> 0));
    }
}
