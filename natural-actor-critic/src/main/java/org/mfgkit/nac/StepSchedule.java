package org.mfgkit.nac;

import org.mfgkit.core.param.Checks;
import org.mfgkit.mdp.FiniteMdp;

/**
 * A step-size schedule {@code alpha_k}, {@code k = 0, 1, ...}, for the stochastic oracles (004,
 * Algorithm 2 step 5 and Algorithm 3 step 5).
 */
@FunctionalInterface
public interface StepSchedule {
    /** The step at iteration {@code k >= 0}. */
    double alpha(long k);

    /** {@code alpha_k = alpha} for every {@code k} (004 Appendix D: critic step 0.001). */
    static StepSchedule constant(double alpha) {
        requirePositive("step", alpha);
        return k -> alpha;
    }

    /**
     * {@code alpha_k = alpha0 / (1 + k/k0)^power}, {@code 0 < power <= 1}: a decaying schedule;
     * with iterate averaging and {@code 1/2 < power < 1} it gives the optimal {@code O(1/K)}
     * mean-squared error of linear stochastic approximation (Polyak and Juditsky 1992).
     */
    static StepSchedule polynomial(double alpha0, double k0, double power) {
        requirePositive("alpha0", alpha0);
        requirePositive("k0", k0);
        Checks.requireReal("schedule power", power, Checks.openClosedUnit());
        return k -> alpha0 / Math.pow(1.0 + k / k0, power);
    }

    /**
     * The schedule of 004 Proposition 1 (Theorem 3 of Bhandari et al.), {@code alpha_k = 1/(omega
     * (k+1)(1-gamma))}, where {@code omega} is the smallest eigenvalue of the steady-state feature
     * covariance.
     */
    static StepSchedule tdTheory(double omega, double gamma) {
        requirePositive("omega", omega);
        FiniteMdp.requireGamma(gamma);
        return k -> 1.0 / (omega * (k + 1.0) * (1.0 - gamma));
    }

    /**
     * The constant step of 004 Proposition 2 for projected SGD run for {@code samples} steps:
     * {@code alpha = radius / (rho sqrt(K))}, {@code rho} a bound on the stochastic gradient norm.
     */
    static StepSchedule sgdTheory(double radius, double rho, long samples) {
        requirePositive("radius", radius);
        requirePositive("rho", rho);
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be > 0, got " + samples);
        }
        return constant(radius / (rho * Math.sqrt(samples)));
    }

    private static void requirePositive(String name, double v) {
        Checks.requireReal(name, v, Checks.positive());
    }
}
