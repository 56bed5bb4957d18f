/**
 * N-player evaluation of mean-field policies: how exploitable is a policy {@code pi} when there are
 * only {@code N} players?
 *
 * <p><b>The game.</b> The N-player game of a finite MFG whose rewards and transitions depend on the
 * population only through its state distribution ({@link
 * org.mfgkit.mdp.MeanFieldCoupling#meanFieldIsStateDistribution()}). Players {@code i = 1..N}; at
 * step {@code t} every player sees the empirical state distribution of all {@code N} players,
 * itself included, {@code mu_N,t = (1/N) sum_j delta_{s_j}}, acts, collects {@code r_t(s_i, a_i,
 * mu_N,t)} and moves independently by {@code P_t(.|s_i, a_i, mu_N,t)}. Finite horizon: steps {@code
 * t = 0..T} (MFGLib's convention), everyone starting iid from {@code mu0}. Stationary: discounted
 * by {@code gamma}, entropy-regularised by {@code lambda} (SPEC §2), the deviator starting from
 * {@code mu0} and the others iid from the stationary mean field {@code mu_pi}, the population SPEC
 * §2's exploitability holds fixed.
 *
 * <p><b>The exploitability.</b> {@code N-1} players use {@code pi}; one deviator plays a best
 * response observing {@code (t, own state, counts of the others' states)} (the informed deviation,
 * an upper bound on deviations that see only their own state). {@code E_N(pi) = max_pi' J_N(pi',
 * pi) - J_N(pi, pi)}, {@code J_N} the deviator's expected return. {@code E_N -> E_inf(pi)}, the MFG
 * exploitability, as {@code N} grows.
 *
 * <p>{@link org.mfgkit.envs.nplayer.CountSpaceEvaluation} computes {@code E_N} exactly on the count
 * space; {@link org.mfgkit.envs.nplayer.NPlayerSimulation} estimates the gain of the MFG best
 * response (a lower bound) by simulating all players; {@link org.mfgkit.envs.nplayer.NPlayerStudy}
 * chooses between them by a budget and fits the rate of {@code |E_N - E_inf|}.
 */
package org.mfgkit.envs.nplayer;
