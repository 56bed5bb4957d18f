package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.SoftValueIteration;

/** Checks of the exact quantities against independent routes, shared by the game tests. */
final class ExactChecks {
    private ExactChecks() {}

    /**
     * Asserts that the exact exploitability of {@code pi} (LU evaluation, soft policy iteration)
     * equals {@code V*(mu0) - V^pi(mu0)} computed independently in the MDP induced by its mean
     * field: soft value iteration for {@code V*}, iterative evaluation for {@code V^pi}, both at
     * regularisation {@code lambda}. Returns the result for further assertions.
     */
    static ExploitabilityResult assertExploitabilityMatchesIterativeSolvers(
            MeanFieldGame game, TabularPolicy pi, double lambda) {
        ExploitabilityResult e = Exploitability.of(game, pi);
        var mdp = game.inducedMdp(e.stationaryMeanField());
        double[] mu0 = game.mu0();
        double vStar = SoftValueIteration.solve(mdp, lambda).value(mu0);
        double vPi =
                PolicyEvaluation.value(
                        PolicyEvaluation.evaluateIteratively(mdp, pi, lambda, 1e-13), mu0);
        assertEquals(vStar - vPi, e.exploitability(), Tolerances.TEST_ITERATIVE);
        return e;
    }
}
