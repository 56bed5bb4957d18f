package org.mfgkit.cli.faas;

import org.mfgkit.cli.bench.BenchTask;
import org.mfgkit.faas.ThroughputWorkload;

/** {@code mfgkit bench} task of the FaaS simulator (SPEC §5 "Speed"). */
public final class FaasBench {
    private FaasBench() {}

    /**
     * {@code faas/invocation}: one call simulates until one more invocation completed on the
     * default 21-node cluster at high load ({@link ThroughputWorkload#HIGH_LOAD}), so {@code
     * ops_per_s} is simulated invocations per wall-clock second (metrics harvested every simulated
     * 30 s included).
     */
    public static BenchTask<ThroughputWorkload> task() {
        return BenchTask.of(
                "faas/invocation",
                "one simulated FaaS invocation, default 21-node cluster at high load (ops/s = invocations/s)",
                () -> new ThroughputWorkload(ThroughputWorkload.HIGH_LOAD, 1),
                w -> w.run(1));
    }
}
