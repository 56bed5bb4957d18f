package org.mfgkit.core;

/**
 * Exact evaluation of a policy, as needed by the policy-gradient flow of 000 eq. (9): the
 * (improper) discounted state measure {@code varrho_pi} (000 eq. (6); SPEC §1: {@code varrho_pi =
 * d_pi / (1-gamma)}), the soft Q-function {@code Q_pi(s,a) = r(s,a) + gamma P V_pi} and the
 * objective {@code E = V_pi(rho0)}, all for entropy weight {@link #lambda()}.
 *
 * <p>{@code core} cannot see MDPs; the {@code mdp} module provides the resolvent-based
 * implementation ({@code org.mfgkit.mdp.ExactPolicyEvaluator}), and {@link BanditEvaluator} covers
 * the one-state case.
 */
public interface PolicyEvaluator {
    /** Number of states. */
    int nS();

    /** Number of actions. */
    int nA();

    /** Entropy weight {@code lambda} ({@code tau} in 000). */
    double lambda();

    /** Evaluates {@code pi} (shape {@code nS x nA}). */
    Evaluation evaluate(Policy pi);

    /**
     * The result of an exact evaluation. Arrays are owned by the record (not copied; do not
     * modify).
     *
     * @param varrho {@code varrho_pi(s)}, total mass {@code 1/(1-gamma)}
     * @param q {@code Q_pi(s,a)}, flat {@code [s*nA + a]}
     * @param value {@code E = sum_s rho0(s) V_pi(s)}
     */
    record Evaluation(double[] varrho, double[] q, double value) {
        /** Validates presence and finiteness of the value. */
        public Evaluation {
            if (varrho == null || q == null) {
                throw new IllegalArgumentException("evaluation: varrho and q are required");
            }
            if (q.length % varrho.length != 0) {
                throw new IllegalArgumentException(
                        "evaluation: q has length "
                                + q.length
                                + ", not a multiple of nS = "
                                + varrho.length);
            }
            if (!Double.isFinite(value)) {
                throw new NonFiniteException("evaluation: value is not finite (" + value + ")");
            }
        }
    }
}
