package org.mfgkit.faas;

import java.util.Arrays;

/**
 * An analysis probe, <b>not</b> a manager of 004: a cooperative rule in the agents' own action
 * space. Every interval, the functions whose arrival rate in the last interval was above the median
 * of all functions raise their {@code cpu.shares} by {@code sharesStep}, the others lower them by
 * {@code sharesStep} (within the bounds); containers are left to OpenWhisk. Because {@code
 * cpu.shares} only matter relative to the co-located containers, this trades the latency of rarely
 * invoked functions for that of frequently invoked ones, which lowers the request-weighted
 * QoS-violation rate. No selfish agent would follow it (lowering one's own shares never helps
 * oneself); it measures how much of the violation rate the action space can remove at all, which is
 * what the selfish mean-field equilibrium the learners approach gives up.
 */
public final class RatePriorityManager implements ResourceManager {
    @Override
    public String name() {
        return "rate-priority";
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
        int nF = env.agents();
        double[] rates = new double[nF];
        for (int f = 0; f < nF; f++) {
            rates[f] = m.arrivalRate(f);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = nF % 2 == 1 ? sorted[nF / 2] : 0.5 * (sorted[nF / 2 - 1] + sorted[nF / 2]);
        for (int f = 0; f < nF; f++) {
            env.apply(
                    f,
                    rates[f] > median
                            ? FaasEnvironment.RAISE_SHARES
                            : FaasEnvironment.LOWER_SHARES);
        }
    }
}
