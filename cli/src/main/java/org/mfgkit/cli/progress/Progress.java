package org.mfgkit.cli.progress;

/**
 * Progress of one task with a known number of steps (seeds, iterations). Reported to stderr, never
 * to stdout (stdout is reserved for {@code --json} output). All methods are thread-safe, so seeds
 * running in parallel may report to one {@code Progress}.
 *
 * <pre>{@code
 * try (Progress p = ctx.progress().start("seeds", seeds.length, "seed")) {
 *   ctx.runParallel(seeds.length, i -> { var r = runSeed(seeds[i]); p.step(); return r; });
 * }
 * }</pre>
 */
public interface Progress extends AutoCloseable {

    /** One more step done. */
    default void step() {
        stepBy(1);
    }

    /** {@code n} more steps done. */
    void stepBy(long n);

    /** Finishes the display (a bar is completed and its line ended). Idempotent. */
    @Override
    void close();

    /** A progress that shows nothing. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void stepBy(long n) {}

            @Override
            public void close() {}
        };
    }
}
