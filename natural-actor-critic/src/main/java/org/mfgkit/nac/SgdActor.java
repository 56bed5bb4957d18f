package org.mfgkit.nac;

import org.mfgkit.core.param.Checks;

/**
 * Projected stochastic gradient descent with averaged iterates on the compatible least-squares loss
 * {@code L(w) = E_{s~d_pi, a~pi}[(w^T grad log pi(a|s) - A(s,a))^2]} (004, Appendix C, Algorithm
 * 3), on plain vectors: each sample gives a score {@code g = grad_theta log pi(a|s)} and an
 * advantage estimate {@code A(s,a)}, and the step is
 *
 * <pre>
 *   w <- Proj_{||w|| <= R}(w - 2 alpha_k (w^T g - A) g)
 * </pre>
 *
 * The output {@code what = (1/K) sum_{j<K} w_j} (Algorithm 3 step 7) estimates the natural gradient
 * {@code F^{-1} E[g A]} restricted to the ball. {@link #startEpoch()} restarts the average and
 * keeps {@code w} (warm start); {@link #reset()} also sets {@code w = 0}, {@code k = 0} (Algorithm
 * 3 step 2). {@link #updateBlock} serves scores that vanish outside a block of components (one-hot
 * features: the score of {@code (s,a)} lives on state {@code s}'s block) in {@code O(block)} work;
 * the averages are kept lazily. Argument arrays are never modified. Not thread-safe.
 */
public final class SgdActor {
    /** Dimension {@code d} of {@code w} (the policy's feature dimension). */
    private final int dim;

    /** Step schedule {@code alpha_k}. */
    private final StepSchedule alpha;

    /** {@code w_k} and the epoch's running sum. */
    private final AveragedIterate w;

    /** Global step counter {@code k}. */
    private long k;

    /**
     * @param dim dimension {@code d > 0}
     * @param radius projection radius {@code R > 0} ({@code Double.POSITIVE_INFINITY} disables it)
     * @param alpha step schedule
     */
    public SgdActor(int dim, double radius, StepSchedule alpha) {
        if (dim <= 0) {
            throw new IllegalArgumentException("actor dimension must be > 0, got " + dim);
        }
        Checks.require("actor radius R", radius, Checks.positive());
        if (alpha == null) {
            throw new IllegalArgumentException("actor step schedule is required");
        }
        this.dim = dim;
        this.alpha = alpha;
        this.w = new AveragedIterate(dim, radius);
    }

    /**
     * One SGD step.
     *
     * @param score {@code g = grad_theta log pi(a|s)}, length {@code d}
     * @param advantage the advantage estimate {@code A(s,a)}
     * @return the residual {@code w^T g - A} before the step
     */
    public double update(double[] score, double advantage) {
        if (score == null || score.length != dim) {
            throw new IllegalArgumentException(
                    "score must have length "
                            + dim
                            + ", got "
                            + (score == null ? "null" : String.valueOf(score.length)));
        }
        return update(score, 0, advantage);
    }

    /** The same step with the score read from {@code score[offset .. offset+d-1]} (no copying). */
    public double update(double[] score, int offset, double advantage) {
        double[] x = w.x;
        double fit = 0.0;
        for (int i = 0; i < dim; i++) {
            w.settle(i);
            fit += x[i] * score[offset + i];
        }
        double residual = fit - advantage;
        double step = 2.0 * alpha.alpha(k) * residual;
        double norm2 = 0.0;
        for (int i = 0; i < dim; i++) {
            double v = x[i] - step * score[offset + i];
            x[i] = v;
            norm2 += v * v;
        }
        w.setNorm2(norm2);
        w.endStep();
        k++;
        return residual;
    }

    /**
     * The step for a score that is zero outside components {@code from .. from+length-1}, whose
     * values are {@code score[offset .. offset+length-1]}: {@code O(length)} work.
     */
    public double updateBlock(double[] score, int offset, int from, int length, double advantage) {
        if (from < 0 || length < 0 || from + length > dim) {
            throw new IllegalArgumentException(
                    "score block " + from + "+" + length + " lies outside 0.." + (dim - 1));
        }
        double[] x = w.x;
        double fit = 0.0;
        for (int i = 0; i < length; i++) {
            fit += x[from + i] * score[offset + i];
        }
        double residual = fit - advantage;
        double step = 2.0 * alpha.alpha(k) * residual;
        for (int i = 0; i < length; i++) {
            w.settle(from + i);
            w.set(from + i, x[from + i] - step * score[offset + i]);
        }
        w.endStep();
        k++;
        return residual;
    }

    /** Starts a new epoch: the average restarts; {@code w} and the step counter are kept. */
    public void startEpoch() {
        w.startEpoch();
    }

    /** Back to Algorithm 3's start: {@code w = 0}, {@code k = 0}, empty average. */
    public void reset() {
        w.reset();
        k = 0;
    }

    /**
     * The averaged iterate {@code what} of the current epoch (a fresh array); {@code w} itself
     * before any update.
     */
    public double[] averagedWeights() {
        return w.average();
    }

    /** The current iterate {@code w_k} (a fresh array). */
    public double[] weights() {
        return w.x.clone();
    }

    /** Sets the current iterate (copied, projected onto the ball) and restarts the epoch. */
    public void setWeights(double[] weights) {
        if (weights == null || weights.length != dim) {
            throw new IllegalArgumentException("weights must have length " + dim);
        }
        System.arraycopy(weights, 0, w.x, 0, dim);
        w.startEpoch();
        w.endStep();
        w.startEpoch();
    }

    /** Dimension. */
    public int dim() {
        return dim;
    }

    /** Total number of updates since construction or {@link #reset()}. */
    public long steps() {
        return k;
    }

    /** Updates in the current epoch. */
    public long epochSteps() {
        return w.epochSteps();
    }
}
