package org.mfgkit.nac;

/** Observes a NAC run (progress bars, live curves). Both methods default to doing nothing. */
public interface NacListener {
    /** After iteration {@code t} ({@code 1..T}) is complete. */
    default void onIteration(int t) {}

    /**
     * After a record point: the evaluator's values at {@code pi_t} and at the running average, and
     * the wall-clock seconds since the run started ({@code t = 0} is recorded before the first
     * iteration).
     */
    default void onRecord(int t, double value, double averageValue, double seconds) {}
}
