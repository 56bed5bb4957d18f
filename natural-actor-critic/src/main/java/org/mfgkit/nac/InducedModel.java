package org.mfgkit.nac;

import org.mfgkit.mdp.FiniteMdp;

/**
 * What the exact (ablation) oracles need and a sample-based learner cannot have: the model of the
 * MDP induced by the current mean field, and the start distribution of the values. {@link
 * MeanFieldEnvironment} provides it; the NAC loop itself never calls it.
 */
public interface InducedModel {
    /** The MDP induced by the current mean field {@code mu_t} (transitions, rewards, gamma). */
    FiniteMdp inducedMdp();

    /** The start distribution {@code rho = mu0} (a copy). */
    double[] initialDistribution();

    /** Entropy weight {@code lambda >= 0} of the regularised objective. */
    double lambda();
}
