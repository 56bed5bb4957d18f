package org.mfgkit.faas;

/**
 * Parameters of the simulated platform and of the agents' game (SPEC §5). All defaults live in
 * {@link #defaults()}; override with the {@code withX} methods.
 *
 * @param keepAliveMs idle time after which an unreserved warm container is evicted (OpenWhisk: 10
 *     min)
 * @param controlIntervalMs length of one control interval (one agent decision) in ms
 * @param minShares lower bound of a function's {@code cpu.shares} (SPEC §5: 128)
 * @param maxShares upper bound of a function's {@code cpu.shares} (SPEC §5: 2048)
 * @param sharesStep change of {@code cpu.shares} per agent action (SPEC §5: 128)
 * @param alpha reward weight of utilisation: {@code r = alpha*util + (1-alpha)*slo} (004: 0.3)
 * @param reversalPenalty reward penalty for an action that reverses the previous change of the same
 *     control
 * @param qosRelaxation QoS target = {@code qosRelaxation x} isolated p99 latency (004: 1.15)
 */
public record FaasParams(
        double keepAliveMs,
        double controlIntervalMs,
        int minShares,
        int maxShares,
        int sharesStep,
        double alpha,
        double reversalPenalty,
        double qosRelaxation) {
    public FaasParams {
        if (!(keepAliveMs > 0.0)) {
            throw new IllegalArgumentException("keepAliveMs must be > 0, got " + keepAliveMs);
        }
        if (!(controlIntervalMs > 0.0) || Double.isInfinite(controlIntervalMs)) {
            throw new IllegalArgumentException(
                    "controlIntervalMs must be finite and > 0, got " + controlIntervalMs);
        }
        if (minShares < 2 || maxShares < minShares) {
            throw new IllegalArgumentException(
                    "cpu.shares bounds must satisfy 2 <= minShares <= maxShares, got "
                            + minShares
                            + ".."
                            + maxShares);
        }
        if (sharesStep <= 0) {
            throw new IllegalArgumentException("sharesStep must be > 0, got " + sharesStep);
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must lie in [0,1], got " + alpha);
        }
        if (!(reversalPenalty >= 0.0) || Double.isInfinite(reversalPenalty)) {
            throw new IllegalArgumentException(
                    "reversalPenalty must be finite and >= 0, got " + reversalPenalty);
        }
        if (!(qosRelaxation >= 1.0) || Double.isInfinite(qosRelaxation)) {
            throw new IllegalArgumentException(
                    "qosRelaxation must be finite and >= 1, got " + qosRelaxation);
        }
    }

    /**
     * OpenWhisk's 10-minute keep-alive, 30-second control interval, shares in [128, 2048] by 128,
     * {@code alpha = 0.3} (004), reversal penalty 0.1, QoS relaxation 1.15 (004).
     */
    public static FaasParams defaults() {
        return new FaasParams(600_000.0, 30_000.0, 128, 2048, 128, 0.3, 0.1, 1.15);
    }

    public FaasParams withKeepAliveMs(double v) {
        return new FaasParams(
                v,
                controlIntervalMs,
                minShares,
                maxShares,
                sharesStep,
                alpha,
                reversalPenalty,
                qosRelaxation);
    }

    public FaasParams withControlIntervalMs(double v) {
        return new FaasParams(
                keepAliveMs,
                v,
                minShares,
                maxShares,
                sharesStep,
                alpha,
                reversalPenalty,
                qosRelaxation);
    }

    public FaasParams withShares(int min, int max, int step) {
        return new FaasParams(
                keepAliveMs,
                controlIntervalMs,
                min,
                max,
                step,
                alpha,
                reversalPenalty,
                qosRelaxation);
    }

    public FaasParams withAlpha(double v) {
        return new FaasParams(
                keepAliveMs,
                controlIntervalMs,
                minShares,
                maxShares,
                sharesStep,
                v,
                reversalPenalty,
                qosRelaxation);
    }

    public FaasParams withReversalPenalty(double v) {
        return new FaasParams(
                keepAliveMs,
                controlIntervalMs,
                minShares,
                maxShares,
                sharesStep,
                alpha,
                v,
                qosRelaxation);
    }

    public FaasParams withQosRelaxation(double v) {
        return new FaasParams(
                keepAliveMs,
                controlIntervalMs,
                minShares,
                maxShares,
                sharesStep,
                alpha,
                reversalPenalty,
                v);
    }

    /**
     * OpenWhisk's default {@code cpu.shares} of a container: proportional to its memory limit (one
     * share per MB), clamped to {@code [minShares, maxShares]}.
     */
    public int defaultShares(int memoryMb) {
        return Math.max(minShares, Math.min(maxShares, memoryMb));
    }
}
