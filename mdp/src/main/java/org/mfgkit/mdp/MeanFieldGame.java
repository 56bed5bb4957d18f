package org.mfgkit.mdp;

import org.mfgkit.core.Simplex;

/**
 * A stationary, discounted, entropy-regularised mean-field game (SPEC §2): finite states and
 * actions, initial distribution {@code mu0} (also the {@code rho} of values), and transitions
 * {@code P(s'|s,a,mu)} and rewards {@code r(s,a,mu)} that depend on the population distribution
 * {@code mu}. Fixing {@code mu} gives an ordinary MDP, {@link #inducedMdp(double[])}. The mean
 * field of a stationary game is its state distribution: a game that says {@link
 * #meanFieldIsStateAction()} is refused by the stationary computations ({@link
 * #requireStateMeanField}).
 */
public interface MeanFieldGame extends MeanFieldCoupling {
    /** Number of states. */
    int nS();

    /** Number of actions. */
    int nA();

    /** Discount factor in {@code [0,1)}. */
    double gamma();

    /** Entropy-regularisation weight {@code lambda >= 0}. */
    double lambda();

    /** Initial state distribution (a fresh copy). */
    double[] mu0();

    /** Fills {@code out[(s*nA + a)*nS + s2] = P(s2|s,a,mu)}. */
    void transitions(double[] mu, double[] out);

    /** Fills {@code out[s*nA + a] = r(s,a,mu)}. */
    void rewards(double[] mu, double[] out);

    /**
     * Whether {@code P(s'|s,a,mu)} depends on {@code mu} (true unless a game says otherwise). When
     * it does not, {@code Gamma2(pi, .)} is a fixed linear map and callers may build it once.
     */
    default boolean transitionsDependOnMeanField() {
        return true;
    }

    /**
     * Throws unless {@code game}'s mean field is its state distribution.
     *
     * @param who the computation asking, named in the message
     * @throws IllegalArgumentException for a game whose {@link #meanFieldIsStateAction()}
     */
    static void requireStateMeanField(MeanFieldGame game, String who) {
        if (game.meanFieldIsStateAction()) {
            throw new IllegalArgumentException(
                    who
                            + " needs a stationary game whose mean field is its state distribution;"
                            + " "
                            + game
                            + " has a state-action mean field (finite-horizon only)");
        }
    }

    /** The MDP induced by a fixed mean field {@code mu} (validated). */
    default FiniteMdp inducedMdp(double[] mu) {
        Simplex.requireDistribution("mean field mu", mu, nS());
        int nS = nS();
        int nA = nA();
        double[] p = new double[nS * nA * nS];
        double[] r = new double[nS * nA];
        transitions(mu, p);
        rewards(mu, r);
        return FiniteMdp.owning(nS, nA, gamma(), p, r);
    }
}
