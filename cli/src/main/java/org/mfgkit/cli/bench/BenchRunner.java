package org.mfgkit.cli.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Times a {@link BenchTask}: setup, then warm-up while growing the batch size until one batch lasts
 * at least {@code measure/50} (so timer resolution does not matter), then timed batches until the
 * measuring time is used (at least {@value #MIN_SAMPLES} batches), then the median.
 *
 * <p>This is a quick, honest estimate for a terminal, not JMH: no forking, no dead-code analysis
 * beyond consuming each result. For publication-grade numbers use the JMH benchmarks in {@code
 * benchmarks/}.
 */
public final class BenchRunner {

    /** Samples taken even when one batch outlasts the measuring time. */
    public static final int MIN_SAMPLES = 5;

    private final Duration warmup;
    private final Duration measure;
    private final LongSupplier clock;

    /** Folds every result in, so the operation's work is observable. */
    private volatile int sink;

    /** Default budget: 0.5 s warm-up, 1 s measuring per task. */
    public BenchRunner() {
        this(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    /** A runner with the given budget per task. */
    public BenchRunner(Duration warmup, Duration measure) {
        this(warmup, measure, System::nanoTime);
    }

    BenchRunner(Duration warmup, Duration measure, LongSupplier clock) {
        if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException(
                    "warm-up must be >= 0 and measuring time > 0, got "
                            + warmup
                            + " and "
                            + measure);
        }
        this.warmup = warmup;
        this.measure = measure;
        this.clock = clock;
    }

    /** Times {@code task}. */
    public <S> BenchResult run(BenchTask<S> task) {
        S state = task.setup().get();
        Function<? super S, ?> op = task.operation();
        long targetBatchNanos = Math.max(1, measure.toNanos() / 50);

        long batch = 1;
        long warmupEnd = clock.getAsLong() + warmup.toNanos();
        do {
            long t = timeBatch(op, state, batch);
            if (t < targetBatchNanos && batch < (1L << 40)) {
                batch =
                        t <= 0
                                ? batch * 16
                                : Math.max(
                                        batch * 2,
                                        Math.min(batch * 16, batch * targetBatchNanos / t));
            }
        } while (clock.getAsLong() < warmupEnd);

        double[] perCall = new double[16];
        int samples = 0;
        long measureEnd = clock.getAsLong() + measure.toNanos();
        while (samples < MIN_SAMPLES || clock.getAsLong() < measureEnd) {
            if (samples == perCall.length) {
                perCall = Arrays.copyOf(perCall, samples * 2);
            }
            perCall[samples++] = timeBatch(op, state, batch) / (double) batch;
        }
        double[] sorted = Arrays.copyOf(perCall, samples);
        Arrays.sort(sorted);
        double median =
                samples % 2 == 1
                        ? sorted[samples / 2]
                        : (sorted[samples / 2 - 1] + sorted[samples / 2]) / 2;
        return new BenchResult(
                task.name(), median, 1e9 / median, samples, batch, sorted[0], sorted[samples - 1]);
    }

    private <S> long timeBatch(Function<? super S, ?> op, S state, long batch) {
        int h = 0;
        long start = clock.getAsLong();
        for (long i = 0; i < batch; i++) {
            h += Objects.hashCode(op.apply(state));
        }
        long elapsed = clock.getAsLong() - start;
        sink += h;
        return elapsed;
    }
}
