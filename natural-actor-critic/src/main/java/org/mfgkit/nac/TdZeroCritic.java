package org.mfgkit.nac;

import org.mfgkit.core.param.Checks;
import org.mfgkit.mdp.FiniteMdp;

/**
 * Projected TD(0) with linear function approximation and averaged iterates, on plain feature
 * vectors (004, Appendix C, Algorithm 2). It estimates the <em>shifted</em> soft Q-function {@code
 * q(s,a) = Q(s,a) - lambda log pi(a|s) ≈ psi^T phi(s,a)} of the policy that generated the samples.
 * Each sample {@code (phi(s,a), r, log pi(a|s), phi(s',a'))} makes the step
 *
 * <pre>
 *   delta = r - lambda log pi(a|s) + gamma psi^T phi(s',a') - psi^T phi(s,a)
 *   psi  <- Proj_{||psi|| <= B}(psi + alpha_k delta phi(s,a))
 * </pre>
 *
 * and the output is the average of the iterates {@code psi_0 .. psi_{K-1}} of the current epoch
 * (Algorithm 2 step 7). An epoch is what one call of the oracle sees; {@link #startEpoch()}
 * restarts the average and keeps {@code psi} (warm start), {@link #reset()} also sets {@code psi =
 * 0} and the step counter {@code k = 0} (Algorithm 2 step 2).
 *
 * <p>The averages are kept lazily ({@code O(1)} per step for {@link #updateOneHot}, {@code O(d)}
 * for {@link #update}), with identical results up to round-off.
 *
 * <p>The features are whatever the caller has: tabulated {@code phi(s,a)} of a finite game, or
 * features of a continuous observation and a discrete action. Argument arrays are never modified.
 * Not thread-safe; one instance per learner.
 */
public final class TdZeroCritic {
    /** Feature dimension {@code d}. */
    private final int dim;

    /** Discount factor {@code gamma}. */
    private final double gamma;

    /** Entropy weight {@code lambda}. */
    private final double lambda;

    /** Step schedule {@code alpha_k}. */
    private final StepSchedule alpha;

    /** {@code psi_k} and the epoch's running sum. */
    private final AveragedIterate psi;

    /** Global step counter {@code k} (drives the schedule; not reset by {@link #startEpoch()}). */
    private long k;

    /**
     * @param dim feature dimension {@code d > 0}
     * @param gamma discount factor in {@code [0,1)}
     * @param lambda entropy weight {@code >= 0}
     * @param radius projection radius {@code B > 0} ({@code Double.POSITIVE_INFINITY} disables it)
     * @param alpha step schedule
     */
    public TdZeroCritic(int dim, double gamma, double lambda, double radius, StepSchedule alpha) {
        if (dim <= 0) {
            throw new IllegalArgumentException("critic feature dimension must be > 0, got " + dim);
        }
        FiniteMdp.requireGamma(gamma);
        Checks.requireReal("lambda", lambda, Checks.nonNegative());
        Checks.require("critic radius B", radius, Checks.positive());
        if (alpha == null) {
            throw new IllegalArgumentException("critic step schedule is required");
        }
        this.dim = dim;
        this.gamma = gamma;
        this.lambda = lambda;
        this.alpha = alpha;
        this.psi = new AveragedIterate(dim, radius);
    }

    /**
     * One TD(0) step from a sample {@code (s, a, r, s', a')} given by its features.
     *
     * @param phiSA {@code phi(s,a)}, length {@code d}
     * @param reward {@code r(s,a)}
     * @param logPi {@code log pi(a|s)} of the evaluated policy
     * @param phiNextSA {@code phi(s',a')} with {@code a' ~ pi(.|s')}
     * @return the TD error {@code delta} before the step
     */
    public double update(double[] phiSA, double reward, double logPi, double[] phiNextSA) {
        requireLength("phiSA", phiSA);
        requireLength("phiNextSA", phiNextSA);
        return update(phiSA, 0, reward, logPi, phiNextSA, 0);
    }

    /**
     * The same step with the features read from flat tables ({@code phi[offset .. offset+d-1]}),
     * e.g. a tabulated feature map {@code [(s*nA + a)*d + k]}; no copying, for hot loops.
     */
    public double update(
            double[] phi,
            int offset,
            double reward,
            double logPi,
            double[] phiNext,
            int nextOffset) {
        double[] x = psi.x;
        double q = 0.0;
        double qNext = 0.0;
        for (int i = 0; i < dim; i++) {
            psi.settle(i);
            q += x[i] * phi[offset + i];
            qNext += x[i] * phiNext[nextOffset + i];
        }
        double delta = reward - lambda * logPi + gamma * qNext - q;
        double step = alpha.alpha(k) * delta;
        double norm2 = 0.0;
        for (int i = 0; i < dim; i++) {
            double v = x[i] + step * phi[offset + i];
            x[i] = v;
            norm2 += v * v;
        }
        psi.setNorm2(norm2);
        psi.endStep();
        k++;
        return delta;
    }

    /**
     * The step for one-hot features {@code phi(s,a) = e_index}, {@code phi(s',a') = e_nextIndex} (a
     * tabular critic): {@code O(1)} work.
     */
    public double updateOneHot(int index, double reward, double logPi, int nextIndex) {
        double[] x = psi.x;
        double delta = reward - lambda * logPi + gamma * x[nextIndex] - x[index];
        psi.settle(index);
        psi.set(index, x[index] + alpha.alpha(k) * delta);
        psi.endStep();
        k++;
        return delta;
    }

    /**
     * Starts a new epoch: the average restarts, {@code psi} and the step counter are kept (warm
     * start).
     */
    public void startEpoch() {
        psi.startEpoch();
    }

    /** Back to Algorithm 2's start: {@code psi = 0}, {@code k = 0}, empty average. */
    public void reset() {
        psi.reset();
        k = 0;
    }

    /**
     * The averaged iterate {@code psi_bar = (1/K) sum_{j<K} psi_j} of the current epoch (a fresh
     * array); {@code psi} itself before any update.
     */
    public double[] averagedWeights() {
        return psi.average();
    }

    /** The current iterate {@code psi_k} (a fresh array). */
    public double[] weights() {
        return psi.x.clone();
    }

    /**
     * Sets the current iterate (copied, projected onto the ball) and restarts the epoch; e.g. to
     * restore a saved critic.
     */
    public void setWeights(double[] weights) {
        requireLength("weights", weights);
        System.arraycopy(weights, 0, psi.x, 0, dim);
        psi.startEpoch();
        psi.endStep(); // projects if needed
        psi.startEpoch();
    }

    /**
     * {@code qhat(s,a) = psi_bar^T phi(s,a)} with the averaged iterate of the current epoch; no
     * allocation.
     */
    public double value(double[] phiSA) {
        requireLength("phiSA", phiSA);
        return psi.averageDot(phiSA);
    }

    /** Feature dimension. */
    public int dim() {
        return dim;
    }

    /** Total number of updates since construction or {@link #reset()}. */
    public long steps() {
        return k;
    }

    /** Updates in the current epoch. */
    public long epochSteps() {
        return psi.epochSteps();
    }

    private void requireLength(String name, double[] v) {
        if (v == null || v.length != dim) {
            throw new IllegalArgumentException(
                    name
                            + " must have length "
                            + dim
                            + ", got "
                            + (v == null ? "null" : String.valueOf(v.length)));
        }
    }
}
