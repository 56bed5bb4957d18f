package org.mfgkit.faas;

import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Parameters of the simulated platform and of the agents' game (SPEC §5), declared once in {@link
 * #SCHEMA} (names as in the experiment JSON and {@code --set}; sources of the defaults in
 * serverless-sim/README.md, "Parameters").
 *
 * @param keepAliveMs idle time after which an unreserved warm container is evicted (OpenWhisk: 10
 *     min)
 * @param controlIntervalMs length of one control interval (one agent decision) in ms
 * @param minShares lower bound of the agents' {@code cpu.shares} actions (SPEC §5: 128)
 * @param maxShares upper bound of the agents' {@code cpu.shares} actions (SPEC §5: 2048)
 * @param sharesStep change of {@code cpu.shares} per agent action (SPEC §5: 128)
 * @param alpha reward weight of utilisation: {@code r = alpha*util + (1-alpha)*slo} (004: 0.3)
 * @param reversalPenalty reward penalty for an action that reverses the previous change of the same
 *     control
 * @param qosRelaxation QoS target = {@code qosRelaxation x} isolated p99 latency (004: 1.15)
 * @param userMemoryMb the invoker's {@code user-memory} (MB): its container pool's capacity, its
 *     load-balancer slots and the denominator of the default {@code cpu.shares}; {@code null} = the
 *     node's whole memory (the first pass's model)
 * @param managedFraction share of the invokers that run managed (non-blackbox) actions
 * @param platformOverheadMs latency every request pays outside its container (controller, Kafka,
 *     database), added to its latency
 * @param cpuQuota whether the agents also have the hard CPU limit actions (beyond 004)
 * @param quotaStep change of the CPU limit per quota action (cores)
 */
public record FaasParams(
        double keepAliveMs,
        double controlIntervalMs,
        int minShares,
        int maxShares,
        int sharesStep,
        double alpha,
        double reversalPenalty,
        double qosRelaxation,
        Integer userMemoryMb,
        double managedFraction,
        double platformOverheadMs,
        boolean cpuQuota,
        double quotaStep) {

    public static final Param<Double> KEEP_ALIVE_S =
            Param.real("keep_alive_s", 600.0, "idle keep-alive of a container (s)")
                    .check(Checks.positive());
    public static final Param<Double> CONTROL_INTERVAL_S =
            Param.real("control_interval_s", 30.0, "control interval of the agents (s)")
                    .check(Checks.positive());
    public static final Param<Integer> MIN_SHARES =
            Param.integer("min_shares", 128, "lowest cpu.shares an agent can set")
                    .check(Checks.range(2, 262_144));
    public static final Param<Integer> MAX_SHARES =
            Param.integer("max_shares", 2048, "highest cpu.shares an agent can set")
                    .check(Checks.range(2, 262_144));
    public static final Param<Integer> SHARES_STEP =
            Param.integer("shares_step", 128, "cpu.shares change per agent action")
                    .check(Checks.positive());
    public static final Param<Double> ALPHA =
            Param.real("alpha", 0.3, "reward weight of utilisation (004: 0.3)")
                    .check(Checks.unitInterval());
    public static final Param<Double> REVERSAL_PENALTY =
            Param.real("reversal_penalty", 0.1, "reward penalty of an action that reverses")
                    .check(Checks.nonNegative());
    public static final Param<Double> QOS_RELAXATION =
            Param.real("qos_relaxation", 1.15, "QoS target over the isolated p99 (004: 1.15)")
                    .check(Checks.between(1.0, 100.0));
    public static final Param<Integer> USER_MEMORY_MB =
            Param.integer(
                            "user_memory_mb",
                            2048,
                            "invoker user-memory in MB (OpenWhisk ansible default 2048m), or node")
                    .check(Checks.positive())
                    .orNone("node");
    public static final Param<Double> MANAGED_FRACTION =
            Param.real(
                            "managed_fraction",
                            0.9,
                            "share of invokers for managed actions (OpenWhisk default 90%)")
                    .check(Checks.openClosedUnit());
    public static final Param<Double> PLATFORM_OVERHEAD_MS =
            Param.real(
                            "platform_overhead_ms",
                            0.0,
                            "latency per request outside the container (ms); no cited value: 0")
                    .check(Checks.nonNegative());
    public static final Param<Boolean> CPU_QUOTA =
            Param.bool("cpu_quota", false, "agents also set a hard CPU limit (beyond 004)");
    public static final Param<Double> QUOTA_STEP =
            Param.real("quota_step", 0.25, "CPU limit change per quota action (cores)")
                    .check(Checks.positive());

    /** The declarations, in the order of the record. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(
                    "faas platform",
                    KEEP_ALIVE_S,
                    CONTROL_INTERVAL_S,
                    MIN_SHARES,
                    MAX_SHARES,
                    SHARES_STEP,
                    ALPHA,
                    REVERSAL_PENALTY,
                    QOS_RELAXATION,
                    USER_MEMORY_MB,
                    MANAGED_FRACTION,
                    PLATFORM_OVERHEAD_MS,
                    CPU_QUOTA,
                    QUOTA_STEP);

    public FaasParams {
        KEEP_ALIVE_S.validate(keepAliveMs / 1000.0);
        CONTROL_INTERVAL_S.validate(controlIntervalMs / 1000.0);
        MIN_SHARES.validate(minShares);
        MAX_SHARES.validate(maxShares);
        SHARES_STEP.validate(sharesStep);
        ALPHA.validate(alpha);
        REVERSAL_PENALTY.validate(reversalPenalty);
        QOS_RELAXATION.validate(qosRelaxation);
        USER_MEMORY_MB.validate(userMemoryMb);
        MANAGED_FRACTION.validate(managedFraction);
        PLATFORM_OVERHEAD_MS.validate(platformOverheadMs);
        QUOTA_STEP.validate(quotaStep);
        if (maxShares < minShares) {
            throw new IllegalArgumentException(
                    "max_shares must be >= min_shares, got " + maxShares + " < " + minShares);
        }
    }

    /** The parameters of {@code values} (values of {@link #SCHEMA}). */
    public static FaasParams of(ParamValues v) {
        return new FaasParams(
                1000.0 * v.get(KEEP_ALIVE_S),
                1000.0 * v.get(CONTROL_INTERVAL_S),
                v.get(MIN_SHARES),
                v.get(MAX_SHARES),
                v.get(SHARES_STEP),
                v.get(ALPHA),
                v.get(REVERSAL_PENALTY),
                v.get(QOS_RELAXATION),
                v.get(USER_MEMORY_MB),
                v.get(MANAGED_FRACTION),
                v.get(PLATFORM_OVERHEAD_MS),
                v.get(CPU_QUOTA),
                v.get(QUOTA_STEP));
    }

    /** These parameters as values of {@link #SCHEMA} (for the result echo). */
    public ParamValues values() {
        return SCHEMA.defaults()
                .with(KEEP_ALIVE_S, keepAliveMs / 1000.0)
                .with(CONTROL_INTERVAL_S, controlIntervalMs / 1000.0)
                .with(MIN_SHARES, minShares)
                .with(MAX_SHARES, maxShares)
                .with(SHARES_STEP, sharesStep)
                .with(ALPHA, alpha)
                .with(REVERSAL_PENALTY, reversalPenalty)
                .with(QOS_RELAXATION, qosRelaxation)
                .with(USER_MEMORY_MB, userMemoryMb)
                .with(MANAGED_FRACTION, managedFraction)
                .with(PLATFORM_OVERHEAD_MS, platformOverheadMs)
                .with(CPU_QUOTA, cpuQuota)
                .with(QUOTA_STEP, quotaStep);
    }

    /** The declared defaults (sources in the README). */
    public static FaasParams defaults() {
        return of(SCHEMA.defaults());
    }

    /** A copy with {@code param} set to {@code value}. */
    public <T> FaasParams with(Param<T> param, T value) {
        return of(values().with(param, value));
    }

    public FaasParams withControlIntervalMs(double v) {
        return with(CONTROL_INTERVAL_S, v / 1000.0);
    }

    /** The invoker's {@code user-memory} on {@code cluster} (MB). */
    public int userMemoryMb(ClusterSpec cluster) {
        return userMemoryMb == null ? cluster.memoryMb() : userMemoryMb;
    }

    /**
     * OpenWhisk's default {@code cpu.shares} of a container of {@code memoryMb} on an invoker with
     * {@code userMemoryMb}: {@code max(int(1024 / (userMemory / memory)), 2)} with the inner
     * division on whole bytes (ContainerFactory.scala line 77), i.e. {@code 1024 * memory /
     * user-memory} for powers of two.
     */
    public static int defaultShares(int memoryMb, int userMemoryMb) {
        long q = (long) userMemoryMb / memoryMb;
        return q <= 0 ? 262_144 : Math.max((int) (1024.0 / q), 2);
    }
}
