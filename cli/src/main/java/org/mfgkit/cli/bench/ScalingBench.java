package org.mfgkit.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.mfgkit.core.PowerLawFit;
import org.mfgkit.envs.ExactModel;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;

/**
 * How the exact exploitability of the uniform policy grows with the number of states {@code S}
 * along a {@link ScalingSeries}: per instance the median time of one evaluation ({@link
 * BenchRunner}), the bytes it allocates (the JVM's per-thread allocation counter, as JMH's {@code
 * -prof gc} {@code gc.alloc.rate.norm}) and the heap the prepared game retains (its sparse kernel,
 * after a full GC; approximate), then power laws {@code time ~ S^a}, {@code bytes ~ S^b} fitted on
 * log-log axes ({@link PowerLawFit}).
 *
 * <p>The timed operation is what {@code mfgkit exploitability} does once the game is built: the
 * uniform policy, the mean-field flow, the best response and the policy's value, on the game's
 * sparse kernel (built once, in the untimed setup).
 */
public final class ScalingBench {

    /**
     * One instance.
     *
     * @param size the value of the series' size parameters
     * @param states {@code S}
     * @param actions {@code A}
     * @param steps decision steps {@code T+1}
     * @param medianSeconds median seconds per evaluation
     * @param minSeconds fastest sample
     * @param maxSeconds slowest sample
     * @param samples timed samples
     * @param allocatedBytes bytes allocated by one evaluation
     * @param retainedBytes heap held by the prepared game after a full GC (approximate)
     * @param exploitability the value computed (uniform policy)
     */
    public record ScalingPoint(
            int size,
            int states,
            int actions,
            int steps,
            double medianSeconds,
            double minSeconds,
            double maxSeconds,
            int samples,
            long allocatedBytes,
            long retainedBytes,
            double exploitability) {}

    /**
     * The measurements and fits (the fits are null with fewer than two distinct sizes).
     *
     * @param series the series name
     * @param game the game
     * @param points one per size, in the order given
     * @param time {@code median seconds ~ prefactor * S^exponent}
     * @param memory {@code allocated bytes ~ prefactor * S^exponent}
     */
    public record ScalingReport(
            String series,
            String game,
            List<ScalingPoint> points,
            PowerLawFit time,
            PowerLawFit memory) {}

    private final BenchRunner runner;

    /** Times every instance with {@code runner}. */
    public ScalingBench(BenchRunner runner) {
        this.runner = runner;
    }

    /** Measures every size of {@code series}; {@code afterEach} runs after each instance. */
    public ScalingReport run(ScalingSeries series, Runnable afterEach) {
        List<ScalingPoint> points = new ArrayList<>();
        for (int size : series.sizes()) {
            points.add(measure(series, size));
            afterEach.run();
        }
        PowerLawFit time = null;
        PowerLawFit memory = null;
        if (points.stream().mapToInt(ScalingPoint::states).distinct().count() >= 2) {
            double[] s = points.stream().mapToDouble(ScalingPoint::states).toArray();
            time =
                    PowerLawFit.of(
                            s, points.stream().mapToDouble(ScalingPoint::medianSeconds).toArray());
            memory =
                    PowerLawFit.of(
                            s, points.stream().mapToDouble(ScalingPoint::allocatedBytes).toArray());
        }
        return new ScalingReport(series.name(), series.game(), points, time, memory);
    }

    private ScalingPoint measure(ScalingSeries series, int size) {
        long before = heapAfterGc();
        GameModel game = Games.create(series.game(), series.instance(size));
        ExactModel model = game.exact();
        model.exploitability(model.uniformPolicy()); // builds the kernel
        long retained = heapAfterGc() - before;
        long start = allocated();
        double e = model.exploitability(model.uniformPolicy()).exploitability();
        long bytes = allocated() - start;
        BenchResult r =
                runner.run(
                        BenchTask.of(
                                "scaling/" + series.name() + "/" + size,
                                "exploitability of the uniform policy, size " + size,
                                () -> model,
                                m -> m.exploitability(m.uniformPolicy()).exploitability()));
        return new ScalingPoint(
                size,
                game.nS(),
                game.nA(),
                model.steps(),
                r.medianNs() * 1e-9,
                r.minNs() * 1e-9,
                r.maxNs() * 1e-9,
                r.samples(),
                bytes,
                Math.max(0, retained),
                e);
    }

    /** Bytes allocated by this thread so far. */
    private static long allocated() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            return t.getCurrentThreadAllocatedBytes();
        }
        throw new IllegalStateException(
                "this JVM does not count allocated bytes per thread (needed for the memory figure)");
    }

    private static long heapAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return m.getHeapMemoryUsage().getUsed();
    }
}
