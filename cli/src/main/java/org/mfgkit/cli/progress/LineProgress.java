package org.mfgkit.cli.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for logs and pipes: {@code seeds: 3/10 seed done, 0.8 seed/s, eta 9 s}.
 * A line is printed when a step completes and at least {@code interval} has passed since the last
 * line, and always when the last step completes.
 */
public final class LineProgress implements Progress {

    /** Minimum time between two lines unless the task completes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final String task;
    private final long total;
    private final String unit;
    private final PrintStream err;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private long lastLineNanos;
    private boolean finished;

    /**
     * @param clock nanosecond clock ({@code System::nanoTime}; tests pass a fake one)
     */
    public LineProgress(
            String task,
            long total,
            String unit,
            PrintStream err,
            Duration interval,
            LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.err = err;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastLineNanos = startNanos;
    }

    @Override
    public void stepBy(long n) {
        long now = done.addAndGet(n);
        long t = clock.getAsLong();
        synchronized (this) {
            boolean complete = total > 0 && now >= total;
            if (finished || (!complete && t - lastLineNanos < intervalNanos)) {
                return;
            }
            lastLineNanos = t;
            finished = complete;
            err.println(line(Math.min(now, total > 0 ? total : now), t - startNanos));
            err.flush();
        }
    }

    @Override
    public void close() {
        // lines need no finishing; an incomplete task says nothing more (the caller reports the
        // error)
    }

    /** The text of one progress line after {@code count} steps in {@code elapsedNanos}. */
    String line(long count, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? count / seconds : Double.NaN;
        StringBuilder s = new StringBuilder(task).append(": ").append(count);
        if (total > 0) {
            s.append('/').append(total);
        }
        s.append(' ').append(unit).append(" done");
        if (Double.isFinite(rate)) {
            s.append(", ").append(formatRate(rate)).append(' ').append(unit).append("/s");
        }
        if (total > 0 && count >= total) {
            s.append(", took ").append(formatDuration(seconds));
        } else if (total > 0 && rate > 0) {
            s.append(", eta ").append(formatDuration((total - count) / rate));
        }
        return s.toString();
    }

    /** 3 significant digits: 1234, 42.0, 0.815. */
    static String formatRate(double rate) {
        if (rate >= 100) {
            return String.format(Locale.ROOT, "%.0f", rate);
        }
        if (rate >= 10) {
            return String.format(Locale.ROOT, "%.1f", rate);
        }
        if (rate >= 1) {
            return String.format(Locale.ROOT, "%.2f", rate);
        }
        return String.format(Locale.ROOT, "%.3g", rate);
    }

    /** {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
