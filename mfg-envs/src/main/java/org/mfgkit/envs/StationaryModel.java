package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.Occupancy;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.PopulationOperator;

/** {@link ExactModel} of a stationary, discounted game (policies and mean fields have one step). */
public record StationaryModel(MeanFieldGame game) implements ExactModel {
    /** Requires a game. */
    public StationaryModel {
        if (game == null) {
            throw new IllegalArgumentException("stationary model: game is required");
        }
        MeanFieldGame.requireStateMeanField(game, "the stationary model");
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
        return 1;
    }

    @Override
    public double lambda() {
        return game.lambda();
    }

    @Override
    public double[][] meanField(TabularPolicy[] pi) {
        requirePolicy(pi);
        return new double[][] {StationaryMeanField.of(game, pi[0]).mu()};
    }

    @Override
    public ExploitabilityResult exploitability(TabularPolicy[] pi) {
        requirePolicy(pi);
        return Exploitability.of(game, pi[0]);
    }

    @Override
    public TabularPolicy[] bestResponse(double[][] mu) {
        return new TabularPolicy[] {BestResponse.of(game, mu[0]).policy()};
    }

    @Override
    public double[][] populationUpdate(TabularPolicy[] pi, double[][] mu) {
        requirePolicy(pi);
        return new double[][] {
            StationaryMeanField.normalised(PopulationOperator.gamma2(game, pi[0], mu[0]))
        };
    }

    @Override
    public double[][] stateWeights(TabularPolicy[] pi, double[][] mu) {
        requirePolicy(pi);
        return new double[][] {Occupancy.discounted(game.inducedMdp(mu[0]), pi[0], game.mu0())};
    }

    @Override
    public double[][] qValues(TabularPolicy[] pi, double[][] mu) {
        requirePolicy(pi);
        var mdp = game.inducedMdp(mu[0]);
        return new double[][] {
            PolicyEvaluation.qValues(mdp, PolicyEvaluation.evaluate(mdp, pi[0], game.lambda()))
        };
    }
}
