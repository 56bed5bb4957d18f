package org.mfgkit.envs.nplayer;

/**
 * A Monte Carlo estimate of {@code J_N(sigma, pi) - J_N(pi, pi)}: the gain of one deviator playing
 * the own-state policy {@code sigma} against {@code N-1} players using {@code pi}. With {@code
 * sigma} the MFG best response to the mean field of {@code pi} this is a lower bound on {@code
 * E_N(pi)}.
 *
 * @param n number of players
 * @param estimate the sample mean of the paired differences
 * @param ci95 half-width of the 95% normal interval, {@code 1.96 sd / sqrt(samples)}
 * @param samples number of paired simulations
 * @param seed the seed (sample {@code k} uses {@code RandomStreams.derive(seed, k)})
 * @param horizon simulated steps per run ({@code T+1}, or the truncation of a discounted game)
 * @param tailWeight {@code gamma^H / (1 - gamma)}, the discount weight of the steps a discounted
 *     game is cut after (0 for a finite horizon): the bias is at most this times the largest {@code
 *     |reward - lambda log sigma|}
 * @param playerSteps simulated player-steps (both runs of every sample)
 * @param seconds wall-clock seconds
 */
public record MonteCarloResult(
        int n,
        double estimate,
        double ci95,
        int samples,
        long seed,
        int horizon,
        double tailWeight,
        long playerSteps,
        double seconds) {
    /** Simulated player-steps per second. */
    public double playerStepsPerSecond() {
        return playerSteps / Math.max(seconds, 1e-9);
    }
}
