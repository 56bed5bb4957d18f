package org.mfgkit.core;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * How {@link TwoLayerNetwork}'s batch kernels use threads: a fixed split into blocks, run on the
 * common fork-join pool when the work is large. Each block writes its own outputs, so serial and
 * parallel runs are bit-identical.
 */
final class KernelThreads {
    /** Block of (s,a) pairs processed together by the dense kernels. */
    static final int BLOCK = 512;

    /** Below this many unit evaluations a kernel runs on the calling thread only. */
    static final long PARALLEL_WORK = 1L << 16;

    private KernelThreads() {}

    /** Whether {@code n} units over every pair of {@code inputs} are worth the pool. */
    static boolean isLarge(int n, InputMap inputs) {
        return (long) n * inputs.nS() * inputs.nA() >= PARALLEL_WORK;
    }

    /** Runs {@code body(0..blocks-1)}, in parallel when asked and worthwhile. */
    static void forEach(int blocks, boolean parallel, IntConsumer body) {
        if (parallel && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(body);
        } else {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
        }
    }
}
