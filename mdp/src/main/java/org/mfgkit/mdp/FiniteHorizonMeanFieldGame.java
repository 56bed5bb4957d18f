package org.mfgkit.mdp;

import org.mfgkit.core.Simplex;

/**
 * A finite-horizon mean-field game (SPEC §2): decision steps {@code t = 0..T}, flow {@code mu_0 =
 * mu0}, {@code mu_{t+1} = Gamma2(pi_t, mu_t)} with {@code P_t(.|s,a,mu_t)}, rewards {@code
 * r_t(s,a,mu_t)}; undiscounted unless {@link #gamma()} says otherwise.
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

    /** Fills {@code out[(s*nA + a)*nS + s2] = P_t(s2|s,a,mu)} for {@code t = 0..T-1}. */
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

    /** Fills {@code out[s*nA + a] = r_t(s,a,mu)} for {@code t = 0..T}. */
    void rewards(int t, double[] mu, double[] out);

    /**
     * Whether {@link #rewardsVjp} and {@link #transitionsVjp} are implemented (false by default).
     * Solvers that differentiate through the game (MF-OMO) require it.
     */
    default boolean hasMeanFieldDerivatives() {
        return false;
    }

    /**
     * Vector-Jacobian product of the rewards in the mean field: adds {@code sum_{s,a} w[s*nA + a]
     * dr_t(s,a,mu)/dmu[j]} to {@code out[j]} for every {@code j}. The index {@code j} runs over the
     * mean-field argument as the game takes it ({@code mu.length}: the state distribution, or the
     * state-action distribution of a game whose mean field is {@code L_t(s,a)}). Where a reward is
     * not differentiable (a clamp, a rounding), the one-sided derivative that automatic
     * differentiation would give is used, as documented by the game.
     *
     * @param mu the mean field at step {@code t} (not modified)
     * @param w weights {@code [s*nA + a]} (not modified)
     * @param out accumulated into, length {@code mu.length}
     * @throws UnsupportedOperationException unless {@link #hasMeanFieldDerivatives()}
     */
    default void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        throw new UnsupportedOperationException(
                this + " provides no derivatives in the mean field");
    }

    /**
     * Vector-Jacobian product of the transitions in the mean field, for rank-one weights {@code
     * W[(s,a),s'] = u[s*nA + a] v[s']}: adds {@code sum_{s,a,s'} u[s*nA + a] v[s'] dP_t(s'|s,a,mu)
     * / dmu[j]} to {@code out[j]} ({@code t < T}). Rank one keeps it {@code O(S A k)}, with no
     * {@code S^2 A} table; a sum of rank-one terms is several calls. A kernel that does not depend
     * on {@code mu} adds nothing.
     *
     * @param mu the mean field at step {@code t} (not modified)
     * @param u weights of the state-action pairs {@code [s*nA + a]} (not modified)
     * @param v weights of the next states {@code [s']} (not modified)
     * @param out accumulated into, length {@code mu.length}
     * @throws UnsupportedOperationException unless {@link #hasMeanFieldDerivatives()}
     */
    default void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {
        throw new UnsupportedOperationException(
                this + " provides no derivatives in the mean field");
    }

    /**
     * MFGLib's {@code r_max}: the reward scale of the game, which MF-OMO's constraint radii grow
     * with ({@code c_z = S A (T^2 + T + 2) r_max}, {@code c_y = S (T+1)(T+2) r_max / 2}). Each game
     * gives MFGLib's formula (not always a bound on {@code |r|}).
     *
     * @throws UnsupportedOperationException when the game declares none (the default)
     */
    default double rMax() {
        throw new UnsupportedOperationException(this + " declares no r_max");
    }

    /** The finite-horizon MDP induced by a mean-field flow {@code muFlow[t]}, {@code t = 0..T}. */
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
            Simplex.requireDistribution("mean field mu_" + t, muFlow[t], nS);
            rewards(t, muFlow[t], r[t]);
            if (t < horizon) {
                transitions(t, muFlow[t], p[t]);
            }
        }
        return new FiniteHorizonMdp(nS, nA, gamma(), p, r);
    }
}
