package org.mfgkit.faas;

import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * ENSURE (Suresh et al., ACSOS 2020), the heuristic baseline of 004 Appendix E, on this simulator:
 *
 * <ul>
 *   <li><b>horizontal</b>: function f keeps {@code ceil(R + c sqrt(R))} warm containers reserved,
 *       with {@code R} its <em>arrival rate</em> (requests per second in the last interval), as 004
 *       states it; {@code rate = offered-load} uses the offered load {@code lambda_f E[S_f]} in
 *       busy containers instead (square-root staffing proper, the first pass's reading);
 *   <li><b>vertical</b>: when f's p99 latency in the last interval exceeded {@code degradation x}
 *       its QoS target its {@code cpu.shares} rise by {@code 2 x sharesStep}; when it stayed below
 *       {@code relax x} target they fall back towards OpenWhisk's default by {@code sharesStep};
 *   <li><b>consolidation</b>: when the containers hold more than {@code memoryThreshold} of the
 *       invokers' user memory, idle unreserved containers are reclaimed at once;
 *   <li><b>load concentration</b> (option {@code concentrate}; ENSURE "concentrates load on an
 *       adequate number of invokers", 004: "scales the number of worker nodes based on a memory
 *       capacity threshold"): requests and reservations are routed to the first {@code k} managed
 *       invokers only, {@code k = ceil(memory in use / (memoryThreshold x user-memory)) + 1} (one
 *       spare invoker, ours), re-chosen every interval.
 * </ul>
 *
 * @param c square-root staffing coefficient
 * @param degradation latency degradation threshold, as a multiple of the QoS target
 * @param relax below this multiple of the target the extra shares are given back
 * @param memoryThreshold memory utilisation that triggers consolidation
 * @param offeredLoad {@code R} = offered load instead of the arrival rate
 * @param concentrate whether load is concentrated on an adequate number of invokers
 */
public record EnsureManager(
        double c,
        double degradation,
        double relax,
        double memoryThreshold,
        boolean offeredLoad,
        boolean concentrate)
        implements ResourceManager {
    public static final Param<Double> C =
            Param.real("c", 2.0, "square-root staffing coefficient").check(Checks.between(0, 100));
    public static final Param<Double> DEGRADATION =
            Param.real("degradation", 1.0, "p99/target above which shares rise")
                    .check(Checks.between(0.01, 100));
    public static final Param<Double> RELAX =
            Param.real("relax", 0.8, "p99/target below which extra shares are given back")
                    .check(Checks.between(0.01, 100));
    public static final Param<Double> MEMORY_THRESHOLD =
            Param.real("memory_threshold", 0.8, "memory utilisation that triggers consolidation")
                    .check(Checks.openClosedUnit());
    public static final Param<String> RATE =
            Param.choice(
                    "rate",
                    "arrival-rate",
                    java.util.List.of("arrival-rate", "offered-load"),
                    "R of R + c sqrt(R): arrival-rate (004) or offered-load");
    public static final Param<Boolean> CONCENTRATE =
            Param.bool("concentrate", false, "concentrate load on an adequate number of invokers");

    public static final ParamSchema SCHEMA =
            ParamSchema.of("ensure", C, DEGRADATION, RELAX, MEMORY_THRESHOLD, RATE, CONCENTRATE);

    public EnsureManager {
        C.validate(c);
        DEGRADATION.validate(degradation);
        RELAX.validate(relax);
        MEMORY_THRESHOLD.validate(memoryThreshold);
        if (relax > degradation) {
            throw new IllegalArgumentException(
                    "ENSURE relax must be <= degradation, got " + relax + " > " + degradation);
        }
    }

    /** The manager of {@code v} (values of {@link #SCHEMA}). */
    public static EnsureManager of(ParamValues v) {
        return new EnsureManager(
                v.get(C),
                v.get(DEGRADATION),
                v.get(RELAX),
                v.get(MEMORY_THRESHOLD),
                v.get(RATE).equals("offered-load"),
                v.get(CONCENTRATE));
    }

    /**
     * {@code c = 2}, degradation 1.0, relax 0.8, memory threshold 0.8, arrival rate, no
     * concentration.
     */
    public static EnsureManager defaults() {
        return of(SCHEMA.defaults());
    }

    /** A copy with other {@code c} and thresholds (for tuning). */
    public EnsureManager with(double c, double degradation, double relax, double memoryThreshold) {
        return new EnsureManager(c, degradation, relax, memoryThreshold, offeredLoad, concentrate);
    }

    @Override
    public String name() {
        return "ensure";
    }

    @Override
    public void begin(FaasEnvironment env, long seed) {
        // stateless
    }

    @Override
    public void act(FaasEnvironment env, FaasEnvironment.Step last) {
        IntervalMetrics m = last.metrics();
        if (m == null) {
            return;
        }
        FaasParams p = env.params();
        ClusterSimulator sim = env.simulator();
        double[] targets = env.targets();
        for (int f = 0; f < env.agents(); f++) {
            FunctionProfile fn = env.profiles().get(f);
            double r =
                    offeredLoad
                            ? m.arrivalRate(f) * fn.service().mean() / 1000.0
                            : m.arrivalRate(f);
            int want = r > 0.0 ? (int) Math.ceil(r + c * Math.sqrt(r)) : 0;
            env.setReserved(f, Math.min(FaasEnvironment.MAX_RESERVED, want));
            int shares = sim.shares(f);
            int base = FaasParams.defaultShares(fn.memoryMb(), sim.userMemoryMb());
            int top = Math.max(base, p.maxShares());
            if (m.completions()[f] > 0 && m.p99Ms()[f] > degradation * targets[f]) {
                if (shares < top) {
                    env.setShares(f, Math.min(top, shares + 2 * p.sharesStep()));
                }
            } else if (shares > base
                    && (m.completions()[f] == 0 || m.p99Ms()[f] < relax * targets[f])) {
                env.setShares(f, Math.max(base, shares - p.sharesStep()));
            }
        }
        if (m.memoryUtilization() > memoryThreshold) {
            sim.evictAllIdle();
        }
        if (concentrate) {
            double perInvoker = memoryThreshold * sim.userMemoryMb();
            int k = (int) Math.ceil(sim.memoryInUseMb() / perInvoker) + 1;
            sim.setInvokersInUse(Math.max(1, Math.min(sim.managedInvokers(), k)));
        }
    }
}
