package org.mfgkit.envs.nplayer;

/**
 * The N-player exploitability of a policy at one {@code N}.
 *
 * @param n number of players
 * @param exploitability exact {@code E_N} ({@code method = "exact"}), or the Monte Carlo estimate
 *     of the gain of the MFG best response, a lower bound on {@code E_N} ({@code "monte-carlo"})
 * @param method {@value #EXACT} or {@value #MONTE_CARLO}
 * @param ci95 half-width of the 95% interval ({@code NaN} when exact)
 * @param seconds wall-clock seconds
 * @param exact the count-space result, or null
 * @param monteCarlo the simulation result, or null
 */
public record NPlayerPoint(
        int n,
        double exploitability,
        String method,
        double ci95,
        double seconds,
        CountSpaceResult exact,
        MonteCarloResult monteCarlo) {
    /** The method name of an exact point. */
    public static final String EXACT = "exact";

    /** The method name of a Monte Carlo point. */
    public static final String MONTE_CARLO = "monte-carlo";

    /** An exact point. */
    public static NPlayerPoint of(CountSpaceResult r) {
        return new NPlayerPoint(r.n(), r.exploitability(), EXACT, Double.NaN, r.seconds(), r, null);
    }

    /** A Monte Carlo point. */
    public static NPlayerPoint of(MonteCarloResult r) {
        return new NPlayerPoint(r.n(), r.estimate(), MONTE_CARLO, r.ci95(), r.seconds(), null, r);
    }

    /** Whether this point is exact. */
    public boolean isExact() {
        return exact != null;
    }
}
