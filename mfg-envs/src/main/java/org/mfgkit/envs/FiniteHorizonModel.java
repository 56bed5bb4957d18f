package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.BackwardInduction;
import org.mfgkit.mdp.FiniteHorizonMdp;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.PopulationOperator;

/** {@link ExactModel} of a finite-horizon game (policies and flows have {@code T+1} steps). */
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
        return PopulationOperator.flow(game, pi);
    }

    @Override
    public ExploitabilityResult exploitability(TabularPolicy[] pi) {
        requirePolicy(pi);
        return Exploitability.of(game, pi);
    }

    @Override
    public TabularPolicy[] bestResponse(double[][] mu) {
        return BestResponse.of(game, mu).policies();
    }

    @Override
    public double[][] populationUpdate(TabularPolicy[] pi, double[][] mu) {
        return meanField(pi);
    }

    @Override
    public double[][] stateWeights(TabularPolicy[] pi, double[][] mu) {
        return mu;
    }

    @Override
    public double[][] qValues(TabularPolicy[] pi, double[][] mu) {
        requirePolicy(pi);
        FiniteHorizonMdp mdp = game.inducedMdp(mu);
        double[][] v = BackwardInduction.evaluate(mdp, pi, game.lambda());
        int horizon = game.horizon();
        double[][] q = new double[horizon + 1][];
        for (int t = 0; t <= horizon; t++) {
            q[t] = BackwardInduction.qValues(mdp, t, t < horizon ? v[t + 1] : null);
        }
        return q;
    }
}
