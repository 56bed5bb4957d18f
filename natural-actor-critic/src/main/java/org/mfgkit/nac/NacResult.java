package org.mfgkit.nac;

import org.mfgkit.core.Curve;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.TabularPolicy;

/**
 * The outcome of one NAC / DL-NAC run. The curves are single-run {@link Curve}s on the recorded
 * iterations {@code t} (x, increasing from 0 to {@code T}).
 *
 * @param policy the final policy {@code pi_T}
 * @param averagePolicy the running average {@code (1/(T+1)) sum_{t<=T} pi_t} of the policy tables
 * @param exploitability the measurement at {@code pi_t} ({@code NaN} without a measure)
 * @param averageExploitability the measurement at the running average up to {@code t}
 * @param elapsed wall-clock seconds since the start at each record (not reproducible)
 * @param criticSamples environment transitions used by the critic
 * @param actorSamples environment transitions used by the actor
 * @param seconds wall-clock time of the run (not reproducible; everything else is, for a given
 *     seed)
 */
public record NacResult(
        LogLinearPolicy policy,
        TabularPolicy averagePolicy,
        Curve exploitability,
        Curve averageExploitability,
        Curve elapsed,
        long criticSamples,
        long actorSamples,
        double seconds) {

    /** Checks presence and a common grid. */
    public NacResult {
        if (policy == null
                || averagePolicy == null
                || exploitability == null
                || averageExploitability == null
                || elapsed == null) {
            throw new IllegalArgumentException("NAC result: every part is required");
        }
        if (averageExploitability.size() != exploitability.size()
                || elapsed.size() != exploitability.size()) {
            throw new IllegalArgumentException(
                    "NAC result: the curves must have one value per recorded iteration");
        }
    }

    /** The recorded iterations {@code t}. */
    public int[] iterations() {
        double[] x = exploitability.x();
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (int) x[i];
        }
        return out;
    }

    /** The last recorded value of the measurement at {@code pi_t}. */
    public double finalExploitability() {
        return last(exploitability);
    }

    /** The last recorded value of the measurement at the running average. */
    public double finalAverageExploitability() {
        return last(averageExploitability);
    }

    private static double last(Curve c) {
        return c.size() == 0 ? Double.NaN : c.runs()[0][c.size() - 1];
    }
}
