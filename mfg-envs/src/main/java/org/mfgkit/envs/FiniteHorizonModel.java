package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * {@link ExactModel} of a finite-horizon game (policies and flows have {@code T+1} steps; a flow is
 * the game's mean field, {@code mu_t} or {@code L_t}, as {@link
 * FiniteHorizonMeanFieldGame#meanFieldIsStateAction()} says).
 */
public record FiniteHorizonModel(FiniteHorizonMeanFieldGame game) implements ExactModel {
    /** Requires a game. */
    public FiniteHorizonModel {
        if (game == null) {
            throw new IllegalArgumentException("finite-horizon model: game is required");
        }
    }

    @Override
    public int nS() {
        return game.nS();
    }

    @Override
    public int nA() {
        return game.nA();
    }

    @Override
    public int steps() {
        return game.horizon() + 1;
    }

    @Override
    public double lambda() {
        return game.lambda();
    }

    @Override
    public double[][] meanField(TabularPolicy[] pi) {
        requirePolicy(pi);
        return SparseBackwardInduction.flow(game, pi);
    }

    @Override
    public ExploitabilityResult exploitability(TabularPolicy[] pi) {
        requirePolicy(pi);
        return FiniteHorizonIterations.exploitability(game, pi);
    }

    @Override
    public TabularPolicy[] bestResponse(double[][] mu) {
        return SparseBackwardInduction.softOptimal(game, mu, game.lambda()).policies();
    }

    @Override
    public double[][] populationUpdate(TabularPolicy[] pi, double[][] mu) {
        return meanField(pi);
    }

    @Override
    public double[][] stateWeights(TabularPolicy[] pi, double[][] mu) {
        if (!game.meanFieldIsStateAction()) {
            return mu;
        }
        double[][] weights = new double[mu.length][];
        for (int t = 0; t < mu.length; t++) {
            weights[t] = game.stateDistribution(mu[t]);
        }
        return weights;
    }

    @Override
    public double[][] qValues(TabularPolicy[] pi, double[][] mu) {
        requirePolicy(pi);
        return SparseBackwardInduction.policyQValues(game, mu, pi, game.lambda());
    }
}
