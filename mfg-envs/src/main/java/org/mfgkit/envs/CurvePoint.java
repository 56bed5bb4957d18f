package org.mfgkit.envs;

/**
 * One point of a solver's learning curve.
 *
 * @param iteration iteration index ({@code 0} = the initial policy)
 * @param exploitability exact exploitability of the iterate's policy
 * @param seconds wall-clock seconds since the solver started, when the point was recorded
 */
public record CurvePoint(int iteration, double exploitability, double seconds) {
    /** Validates the iteration index. */
    public CurvePoint {
        if (iteration < 0) {
            throw new IllegalArgumentException(
                    "curve point: iteration must be >= 0, got " + iteration);
        }
    }
}
