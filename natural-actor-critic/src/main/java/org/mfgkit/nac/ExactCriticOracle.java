package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.PolicyEvaluation;

/**
 * Exact critic for ablation: the true shifted soft Q-function {@code q = Q^{pi,lambda}_{mu_t} -
 * lambda log pi}, by exact evaluation (LU) in the MDP induced by the environment's current mean
 * field. It reads the model ({@link InducedModel#inducedMdp()}), which a sample-based learner
 * cannot; that is the point of the ablation. The estimate is not restricted to the span of the
 * features.
 */
public final class ExactCriticOracle implements CriticOracle {
    private final InducedModel env;

    /** An exact critic of {@code env}. */
    public ExactCriticOracle(InducedModel env) {
        this.env = env;
    }

    @Override
    public double[] estimate(LogLinearPolicy pi, RandomGenerator rng) {
        FiniteMdp mdp = env.inducedMdp();
        double lambda = env.lambda();
        double[] q = PolicyEvaluation.qValues(mdp, PolicyEvaluation.evaluate(mdp, pi, lambda));
        int nA = mdp.nA();
        for (int s = 0; s < mdp.nS(); s++) {
            for (int a = 0; a < nA; a++) {
                q[s * nA + a] -= lambda * pi.logProb(s, a);
            }
        }
        return q;
    }

    @Override
    public long samples() {
        return 0;
    }
}
