package org.mfgkit.envs;

import org.mfgkit.mdp.BackwardInduction;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.FiniteHorizonSolution;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.SoftPolicyIteration;
import org.mfgkit.mdp.SoftSolution;

/**
 * The regularised best response {@code Gamma1(mu)} (SPEC §2): the soft-optimal policy {@code pi ∝
 * exp(Q* / lambda)} (greedy, uniform over ties, when {@code lambda = 0}) of the MDP induced by a
 * fixed mean field, with its values. Stationary games use soft policy iteration (exact evaluation
 * by LU each step, so it converges in a handful of steps); finite-horizon games use backward
 * induction in the MDP induced by the flow.
 */
public final class BestResponse {
    private BestResponse() {}

    /** {@code Gamma1(mu)} for a stationary game. */
    public static SoftSolution of(MeanFieldGame game, double[] mu) {
        return SoftPolicyIteration.solve(game.inducedMdp(mu), game.lambda());
    }

    /** {@code Gamma1} of a flow {@code mu[t]}, {@code t = 0..T}, for a finite-horizon game. */
    public static FiniteHorizonSolution of(FiniteHorizonMeanFieldGame game, double[][] flow) {
        return BackwardInduction.softOptimal(game.inducedMdp(flow), game.lambda());
    }
}
