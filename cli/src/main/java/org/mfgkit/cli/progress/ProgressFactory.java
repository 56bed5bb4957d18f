package org.mfgkit.cli.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Starts {@link Progress} displays. {@link #forStderr} picks the display for the environment:
 *
 * <ul>
 *   <li>a progress bar with rate and ETA (me.tongfei:progressbar) when the JVM has a console
 *       ({@code System.console() != null}: stdin and stdout are a terminal), {@code CI} is unset
 *       and {@code TERM} is not {@code dumb};
 *   <li>otherwise plain lines at most every {@link LineProgress#DEFAULT_INTERVAL} and at the end:
 *       {@code seeds: 3/10 seed done, 0.8 seed/s, eta 9 s}.
 * </ul>
 *
 * <p>The environment variable {@code MFGKIT_PROGRESS} = {@code bar}, {@code lines} or {@code off}
 * overrides the choice.
 */
@FunctionalInterface
public interface ProgressFactory {

    /**
     * Starts a display.
     *
     * @param task what is progressing, e.g. {@code "seeds"} or the experiment name
     * @param total number of steps; {@code <= 0} when unknown (no ETA then)
     * @param unit the name of one step, e.g. {@code "seed"} or {@code "it"}
     */
    Progress start(String task, long total, String unit);

    /** The display for this environment (see the class comment), writing to {@code err}. */
    static ProgressFactory forStderr(PrintStream err) {
        return forEnvironment(err, System.getenv(), System.console() != null);
    }

    /** The choice of {@link #forStderr}, with the environment and console given (for tests). */
    static ProgressFactory forEnvironment(
            PrintStream err, Map<String, String> env, boolean console) {
        String mode = env.getOrDefault("MFGKIT_PROGRESS", "").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "off":
                return silent();
            case "lines":
                return lines(err);
            case "bar":
                return bar(err);
            default:
                boolean interactive =
                        console && env.get("CI") == null && !"dumb".equals(env.get("TERM"));
                return interactive ? bar(err) : lines(err);
        }
    }

    /** Plain progress lines to {@code err}. */
    static ProgressFactory lines(PrintStream err) {
        return (task, total, unit) ->
                new LineProgress(
                        task, total, unit, err, LineProgress.DEFAULT_INTERVAL, System::nanoTime);
    }

    /** Plain progress lines to {@code err}, at most one per {@code interval} (plus the last). */
    static ProgressFactory lines(PrintStream err, Duration interval) {
        return (task, total, unit) ->
                new LineProgress(task, total, unit, err, interval, System::nanoTime);
    }

    /** A terminal progress bar on {@code err}. */
    static ProgressFactory bar(PrintStream err) {
        return (task, total, unit) -> new BarProgress(task, total, unit, err);
    }

    /** No display. */
    static ProgressFactory silent() {
        return (task, total, unit) -> Progress.silent();
    }
}
