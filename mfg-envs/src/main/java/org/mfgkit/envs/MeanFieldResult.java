package org.mfgkit.envs;

/**
 * The stationary mean field {@code mu_pi} induced by a policy (SPEC §2).
 *
 * @param mu the mean field (a distribution over states)
 * @param iterations number of {@code Gamma2} applications performed
 * @param residual {@code ||Gamma2(pi, mu) - mu||_1} at the returned {@code mu}
 * @param cesaroFallback true when the plain iteration did not settle within the cap and {@code mu}
 *     is a Cesàro average of iterates instead (then {@code mu} need not be a fixed point)
 */
public record MeanFieldResult(
        double[] mu, int iterations, double residual, boolean cesaroFallback) {
    /** Validates the fields. */
    public MeanFieldResult {
        if (mu == null || mu.length == 0) {
            throw new IllegalArgumentException("mean-field result: mu is required");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException(
                    "mean-field result: iterations must be >= 0, got " + iterations);
        }
    }
}
