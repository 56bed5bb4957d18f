package org.mfgkit.nac;

import org.mfgkit.core.LogLinearPolicy;

/**
 * Observes a NAC run (progress bars, live curves, reporting). Both methods default to doing
 * nothing.
 */
public interface NacListener {
    /** After iteration {@code t} ({@code 1..T}) is complete. */
    default void onIteration(int t) {}

    /** After a record point ({@code t = 0} is recorded before the first iteration). */
    default void onRecord(Snapshot snapshot) {}

    /**
     * One record point of a run: what the loop measured and, for reporting, the environment's
     * current mean field (the learner's own steps never read it).
     *
     * @param t policy updates done
     * @param policy {@code pi_t}
     * @param value the measurement at {@code pi_t}
     * @param averageValue the measurement at the running average policy
     * @param seconds wall-clock seconds since the run started
     * @param meanField the population's current {@code mu_t} (a copy; {@code null} when the
     *     environment does not report one)
     */
    record Snapshot(
            int t,
            LogLinearPolicy policy,
            double value,
            double averageValue,
            double seconds,
            double[] meanField) {}
}
