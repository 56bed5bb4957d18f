package org.mfgkit.cli.progress;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar with count, rate and ETA (me.tongfei:progressbar), redrawn on stderr. */
public final class BarProgress implements Progress {

    private final ProgressBar bar;
    private boolean closed;

    /** Starts a bar for {@code total} steps ({@code <= 0}: unknown) on {@code err}. */
    public BarProgress(String task, long total, String unit, PrintStream err) {
        this.bar =
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total > 0 ? total : -1)
                        .setUnit(" " + unit, 1)
                        .showSpeed()
                        .setSpeedUnit(ChronoUnit.SECONDS)
                        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                        .setUpdateIntervalMillis(250)
                        .continuousUpdate()
                        .setConsumer(new ConsoleProgressBarConsumer(err))
                        .build();
    }

    @Override
    public void stepBy(long n) {
        bar.stepBy(n);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}
