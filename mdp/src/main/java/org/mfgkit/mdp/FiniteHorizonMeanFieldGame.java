package org.mfgkit.mdp;

import org.mfgkit.core.Simplex;

/**
 * A finite-horizon mean-field game (SPEC §2): decision steps {@code t = 0..T}, flow {@code mu_0 =
 * mu0}, {@code mu_{t+1} = Gamma2(pi_t, mu_t)} with {@code P_t(.|s,a,mu_t)}, rewards {@code
 * r_t(s,a,mu_t)}; undiscounted unless {@link #gamma()} says otherwise.
 *
 * <p>The <em>mean field</em> {@code m_t} that transitions and rewards receive is {@code mu_t}
 * (length {@code nS}), or, for a game whose {@link #meanFieldIsStateAction()}, the state-action
 * distribution {@code L_t(s,a) = mu_t(s) pi_t(a|s)} (length {@code nS*nA}, {@code L[s*nA + a]}); a
 * mean-field flow is {@code m_t}, {@code t = 0..T}, of that kind ({@link #meanFieldLength()}).
 */
public interface FiniteHorizonMeanFieldGame extends MeanFieldCoupling {
    /** Number of states. */
    int nS();

    /** Number of actions. */
    int nA();

    /** Last decision step {@code T}. */
    int horizon();

    /** Discount factor in {@code [0,1]}; 1 (undiscounted) by default. */
    default double gamma() {
        return 1.0;
    }

    /** Entropy-regularisation weight {@code lambda >= 0}. */
    double lambda();

    /** Initial state distribution (a fresh copy). */
    double[] mu0();

    /**
     * The length of the mean field {@code m_t}: {@code nS}, or {@code nS*nA} when {@link
     * #meanFieldIsStateAction()}.
     */
    default int meanFieldLength() {
        return meanFieldIsStateAction() ? Math.multiplyExact(nS(), nA()) : nS();
    }

    /**
     * The state distribution {@code mu_t} of a mean field {@code m_t}: {@code m_t} itself (not
     * copied) for a state mean field, the marginal {@code mu_t(s) = sum_a L_t(s,a)} (fresh) for a
     * state-action one.
     */
    default double[] stateDistribution(double[] m) {
        if (!meanFieldIsStateAction()) {
            return m;
        }
        int nS = nS();
        int nA = nA();
        double[] mu = new double[nS];
        for (int s = 0; s < nS; s++) {
            double sum = 0.0;
            for (int a = 0; a < nA; a++) {
                sum += m[s * nA + a];
            }
            mu[s] = sum;
        }
        return mu;
    }

    /**
     * Fills {@code out[(s*nA + a)*nS + s2] = P_t(s2|s,a,m)} for {@code t = 0..T-1}, at the mean
     * field {@code m} ({@code mu_t}, or {@code L_t} when {@link #meanFieldIsStateAction()}).
     */
    void transitions(int t, double[] mu, double[] out);

    /**
     * {@code P_t(.|s,a,mu)} storing only the reachable next states, for {@code t = 0..T-1}. By
     * default built from {@link #transitions} ({@code O(S^2 A)}); a game with local moves overrides
     * it to build the kernel in {@code O(S*A*k)}, and returns one instance for every {@code t} and
     * {@code mu} when its kernel is fixed. {@link SparseBackwardInduction} works on it; whether a
     * game is dense or sparse is its own business.
     */
    default SparseKernel sparseTransitions(int t, double[] mu) {
        int nS = nS();
        int nA = nA();
        double[] p = new double[Math.multiplyExact(Math.multiplyExact(nS, nA), nS)];
        transitions(t, mu, p);
        return SparseKernel.fromDense(p, nS, nA);
    }

    /**
     * Fills {@code out[s*nA + a] = r_t(s,a,m)} for {@code t = 0..T}, at the mean field {@code m}.
     */
    void rewards(int t, double[] mu, double[] out);

    /**
     * The finite-horizon MDP induced by a mean-field flow {@code muFlow[t]}, {@code t = 0..T} (each
     * a distribution of {@link #meanFieldLength()} entries).
     */
    default FiniteHorizonMdp inducedMdp(double[][] muFlow) {
        int horizon = horizon();
        if (muFlow.length != horizon + 1) {
            throw new IllegalArgumentException(
                    "mean-field flow must have T+1 = "
                            + (horizon + 1)
                            + " entries, got "
                            + muFlow.length);
        }
        int nS = nS();
        int nA = nA();
        double[][] p = new double[horizon][nS * nA * nS];
        double[][] r = new double[horizon + 1][nS * nA];
        for (int t = 0; t <= horizon; t++) {
            Simplex.requireDistribution(
                    (meanFieldIsStateAction() ? "mean field L_" : "mean field mu_") + t,
                    muFlow[t],
                    meanFieldLength());
            rewards(t, muFlow[t], r[t]);
            if (t < horizon) {
                transitions(t, muFlow[t], p[t]);
            }
        }
        return new FiniteHorizonMdp(nS, nA, gamma(), p, r);
    }
}
