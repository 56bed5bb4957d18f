package org.mfgkit.faas;

/**
 * ENSURE (Suresh et al., ACSOS 2020; the heuristic baseline of 004 Appendix E), on this simulator:
 *
 * <ul>
 *   <li><b>horizontal</b>: function f keeps {@code ceil(R + c sqrt(R))} warm containers reserved,
 *       with {@code R = lambda_f E[S_f]} the offered load in busy containers (square-root staffing;
 *       the arrival rate {@code lambda_f} is the one observed in the last interval);
 *   <li><b>vertical</b>: when f's p99 latency in the last interval exceeded {@code degradation x}
 *       its QoS target its {@code cpu.shares} rise by {@code 2 x sharesStep}; when it stayed below
 *       {@code relax x} target they fall back towards the OpenWhisk default by {@code sharesStep};
 *   <li><b>consolidation</b>: when the containers hold more than {@code memoryThreshold} of the
 *       cluster's memory, idle unreserved containers are reclaimed at once instead of after the
 *       keep-alive timeout.
 * </ul>
 *
 * @param c square-root staffing coefficient (2: Halfin-Whitt delay probability ~ 2.7%)
 * @param degradation latency degradation threshold, as a multiple of the QoS target
 * @param relax below this multiple of the target the extra shares are given back
 * @param memoryThreshold memory utilisation that triggers consolidation
 */
public record EnsureManager(double c, double degradation, double relax, double memoryThreshold)
        implements ResourceManager {
    public EnsureManager {
        if (!(c >= 0.0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("ENSURE c must be finite and >= 0, got " + c);
        }
        if (!(degradation > 0.0) || !(relax > 0.0) || relax > degradation) {
            throw new IllegalArgumentException(
                    "ENSURE thresholds must satisfy 0 < relax <= degradation, got "
                            + relax
                            + ", "
                            + degradation);
        }
        if (!(memoryThreshold > 0.0 && memoryThreshold <= 1.0)) {
            throw new IllegalArgumentException(
                    "ENSURE memoryThreshold must lie in (0,1], got " + memoryThreshold);
        }
    }

    /** {@code c = 2}, degradation 1.0 (p99 above target), relax 0.8, memory threshold 0.8. */
    public static EnsureManager defaults() {
        return new EnsureManager(2.0, 1.0, 0.8, 0.8);
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
        double[] targets = env.targets();
        for (int f = 0; f < env.agents(); f++) {
            FunctionProfile fn = env.profiles().get(f);
            double r = m.arrivalRate(f) * fn.service().mean() / 1000.0;
            int want = r > 0.0 ? (int) Math.ceil(r + c * Math.sqrt(r)) : 0;
            env.setReserved(f, Math.min(FaasEnvironment.MAX_RESERVED, want));
            int shares = env.simulator().shares(f);
            int base = p.defaultShares(fn.memoryMb());
            if (m.completions()[f] > 0 && m.p99Ms()[f] > degradation * targets[f]) {
                env.setShares(f, Math.min(p.maxShares(), shares + 2 * p.sharesStep()));
            } else if (shares > base
                    && (m.completions()[f] == 0 || m.p99Ms()[f] < relax * targets[f])) {
                env.setShares(f, Math.max(base, shares - p.sharesStep()));
            }
        }
        if (m.memoryUtilization() > memoryThreshold) {
            env.simulator().evictAllIdle();
        }
    }
}
