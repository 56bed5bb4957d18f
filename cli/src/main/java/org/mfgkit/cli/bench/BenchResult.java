package org.mfgkit.cli.bench;

/**
 * Timing of one {@link BenchTask}: each sample times a batch of calls; the per-call time of a
 * sample is the batch time divided by the batch size; the reported figure is the median over
 * samples.
 *
 * @param name the task name
 * @param medianNs median time per call in nanoseconds
 * @param opsPerS calls per second at the median, {@code 1e9 / medianNs}
 * @param samples number of timed batches
 * @param batchSize calls per batch
 * @param minNs fastest per-call time of a batch
 * @param maxNs slowest per-call time of a batch
 */
public record BenchResult(
        String name,
        double medianNs,
        double opsPerS,
        int samples,
        long batchSize,
        double minNs,
        double maxNs) {}
