package org.mfgkit.nac;

import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.TabularPolicy;

/**
 * The outcome of a NAC / DL-NAC run.
 *
 * @param policy the final policy {@code pi_T}
 * @param averagePolicy the running average {@code (1/(T+1)) sum_{t<=T} pi_t} of the policy tables
 * @param iterations the iterations {@code t} at which the evaluator was recorded (increasing, from
 *     0 to {@code T})
 * @param exploitability the evaluator at {@code pi_t} ({@code NaN} without an evaluator)
 * @param averageExploitability the evaluator at the running average up to {@code t}
 * @param elapsed wall-clock seconds since the start at each record (not reproducible)
 * @param criticSamples environment transitions used by the critic
 * @param actorSamples environment transitions used by the actor
 * @param seconds wall-clock time of the run (not reproducible; everything else is, for a given
 *     seed)
 */
public record NacResult(
        LogLinearPolicy policy,
        TabularPolicy averagePolicy,
        int[] iterations,
        double[] exploitability,
        double[] averageExploitability,
        double[] elapsed,
        long criticSamples,
        long actorSamples,
        double seconds) {

    /** Checks presence and matching lengths. */
    public NacResult {
        if (policy == null
                || averagePolicy == null
                || iterations == null
                || exploitability == null
                || averageExploitability == null
                || elapsed == null) {
            throw new IllegalArgumentException("NAC result: every part is required");
        }
        if (exploitability.length != iterations.length
                || averageExploitability.length != iterations.length
                || elapsed.length != iterations.length) {
            throw new IllegalArgumentException(
                    "NAC result: the curves must have one value per recorded iteration");
        }
    }

    /** The last recorded value of the evaluator at {@code pi_t}. */
    public double finalExploitability() {
        return exploitability.length == 0 ? Double.NaN : exploitability[exploitability.length - 1];
    }
}
