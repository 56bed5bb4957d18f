package org.mfgkit.nac;

import org.mfgkit.core.Numerics;
import org.mfgkit.core.param.Checks;

/**
 * Stateless operations of entropy-regularised NAC on plain vectors, for learners whose observations
 * are not finite states (e.g. linear features of a continuous observation with a finite action
 * set). {@code phiActions} holds the features of every action at one observation, flat {@code [a*d
 * + k]}. Arrays named {@code out} are overwritten; no other argument is modified.
 */
public final class NacOps {
    private NacOps() {}

    /** {@code outLogPi[a] = theta^T phi_a - logSumExp_b(theta^T phi_b)} (stable). */
    public static void logProbabilities(
            double[] theta, double[] phiActions, int nA, double[] outLogPi) {
        int d = theta.length;
        requireShape(phiActions, nA, d);
        for (int a = 0; a < nA; a++) {
            double z = 0.0;
            for (int k = 0; k < d; k++) {
                z += theta[k] * phiActions[a * d + k];
            }
            outLogPi[a] = z;
        }
        double lse = Numerics.logSumExp(outLogPi, 0, nA);
        for (int a = 0; a < nA; a++) {
            outLogPi[a] -= lse;
        }
    }

    /** {@code outPi[a] = exp(outLogPi[a])} after {@link #logProbabilities}. */
    public static void probabilities(
            double[] theta, double[] phiActions, int nA, double[] outLogPi, double[] outPi) {
        logProbabilities(theta, phiActions, nA, outLogPi);
        for (int a = 0; a < nA; a++) {
            outPi[a] = Math.exp(outLogPi[a]);
        }
    }

    /** Score {@code out = grad_theta log pi(a) = phi_a - sum_b pi(b) phi_b} (SPEC §3). */
    public static void score(double[] phiActions, int nA, double[] pi, int a, double[] out) {
        int d = out.length;
        requireShape(phiActions, nA, d);
        for (int k = 0; k < d; k++) {
            out[k] = phiActions[a * d + k];
        }
        for (int b = 0; b < nA; b++) {
            double p = pi[b];
            for (int k = 0; k < d; k++) {
                out[k] -= p * phiActions[b * d + k];
            }
        }
    }

    /**
     * The advantage of the <em>unshifted</em> soft Q (SPEC §3 step 2; 004 Lemma 8's proof): with
     * {@code Qhat(a) = qhat(a) + lambda log pi(a)} ({@code qhat} the critic's estimate of the
     * shifted {@code Q - lambda log pi}), {@code out[a] = Qhat(a) - sum_b pi(b) Qhat(b)}. Reads
     * {@code qhat, pi, logPi} at {@code [from .. from+nA-1]} and writes {@code out} there too
     * ({@code out} may alias {@code qhat}).
     */
    public static void softAdvantage(
            double[] qhat,
            double[] pi,
            double[] logPi,
            int from,
            int nA,
            double lambda,
            double[] out) {
        double mean = 0.0;
        for (int a = from; a < from + nA; a++) {
            mean += pi[a] * (qhat[a] + lambda * logPi[a]);
        }
        for (int a = from; a < from + nA; a++) {
            out[a] = qhat[a] + lambda * logPi[a] - mean;
        }
    }

    /**
     * The advantage of the shifted {@code qhat} itself, {@code out[a] = qhat(a) - sum_b pi(b)
     * qhat(b)}: the classic slip of SPEC §3 step 2, whose fixed point is {@code pi ∝ exp(Q/(2
     * lambda))}. Kept only for the ablation that shows it.
     */
    public static void shiftedAdvantage(
            double[] qhat, double[] pi, int from, int nA, double[] out) {
        double mean = 0.0;
        for (int a = from; a < from + nA; a++) {
            mean += pi[a] * qhat[a];
        }
        for (int a = from; a < from + nA; a++) {
            out[a] = qhat[a] - mean;
        }
    }

    /**
     * The NAC policy step {@code theta <- (1 - eta lambda) theta + eta what}, in place (004 Alg. 1;
     * SPEC §3 step 4).
     */
    public static void naturalStep(double[] theta, double[] what, double eta, double lambda) {
        if (theta.length != what.length) {
            throw new IllegalArgumentException(
                    "theta has length " + theta.length + ", what has " + what.length);
        }
        double decay = 1.0 - requireStep(eta, lambda);
        for (int k = 0; k < theta.length; k++) {
            theta[k] = decay * theta[k] + eta * what[k];
        }
    }

    /**
     * Checks {@code 0 <= eta * lambda <= 1} (004 Lemma 2: the policy step contracts {@code theta})
     * and returns {@code eta * lambda}.
     */
    public static double requireStep(double eta, double lambda) {
        return Checks.requireReal("eta * lambda", eta * lambda, Checks.unitInterval());
    }

    private static void requireShape(double[] phiActions, int nA, int d) {
        if (nA <= 0 || phiActions.length != nA * d) {
            throw new IllegalArgumentException(
                    "phiActions has length "
                            + phiActions.length
                            + ", expected nA*d = "
                            + nA
                            + "*"
                            + d);
        }
    }
}
