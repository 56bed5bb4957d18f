package org.mfgkit.envs.nplayer;

/**
 * The exact N-player exploitability of a policy, computed on the count space.
 *
 * @param n number of players {@code N}
 * @param exploitability {@code E_N(pi) = J_N(informed best response, pi) - J_N(pi, pi)}
 * @param bestResponseValue {@code J_N} of the informed (soft-)best response, which sees {@code (t,
 *     own state, counts of the others)}
 * @param policyValue {@code J_N(pi, pi)}: the deviator plays {@code pi} too
 * @param deviationValue {@code J_N} of the given own-state deviation policy, or {@code NaN} when
 *     none was given
 * @param configurations count configurations of the others, {@code C(N-2+nS, nS-1)}
 * @param evaluated how much was computed: for a finite horizon the (configuration, step) pairs that
 *     can carry mass (at most {@code configurations * (T+1)}); for a stationary game the
 *     configurations reachable from the initial ones
 * @param sweeps backward-induction steps ({@code T+1}) or value-iteration sweeps
 * @param seconds wall-clock seconds
 */
public record CountSpaceResult(
        int n,
        double exploitability,
        double bestResponseValue,
        double policyValue,
        double deviationValue,
        long configurations,
        long evaluated,
        int sweeps,
        double seconds) {}
