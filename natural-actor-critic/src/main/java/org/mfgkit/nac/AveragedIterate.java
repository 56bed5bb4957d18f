package org.mfgkit.nac;

import java.util.Arrays;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.Projections;

/**
 * A projected stochastic-approximation iterate {@code x_k} with the running sum of its values over
 * the current epoch, {@code sum_{j<K} x_j} ({@code x_j} taken before update {@code j}), kept
 * lazily: a component's sum is brought up to date only when the component changes, so an update
 * that touches {@code m} of {@code d} components costs {@code O(m)} (one-hot features) rather than
 * {@code O(d)}. {@code stamp[i]} is the number of epoch steps already accounted for in {@code
 * sum[i]}.
 */
final class AveragedIterate {
    /** Current iterate. */
    final double[] x;

    /** {@code sum[i] = sum_{j < stamp[i]} x_j[i]}. */
    private final double[] sum;

    /** Epoch steps accounted for in {@code sum[i]}. */
    private final long[] stamp;

    /** Projection radius (may be {@code +inf}). */
    private final double radius;

    /** {@code ||x||^2}, maintained incrementally and recomputed near the ball's boundary. */
    private double norm2;

    /** Steps in the current epoch. */
    private long epochSteps;

    AveragedIterate(int dim, double radius) {
        this.x = new double[dim];
        this.sum = new double[dim];
        this.stamp = new long[dim];
        this.radius = radius;
    }

    /**
     * Accounts for the pre-update value of component {@code i} at the current step; call before
     * changing {@code x[i]}.
     */
    void settle(int i) {
        long upto = epochSteps + 1;
        sum[i] += x[i] * (upto - stamp[i]);
        stamp[i] = upto;
    }

    /** Sets {@code x[i] = value} (after {@link #settle(int)}), keeping {@code ||x||^2} current. */
    void set(int i, double value) {
        double old = x[i];
        norm2 += value * value - old * old;
        x[i] = value;
    }

    /** Declares {@code ||x||^2} after a dense update. */
    void setNorm2(double value) {
        norm2 = value;
    }

    /** Projects onto the ball if needed and closes the step. */
    void endStep() {
        if (norm2 > radius * radius * (1.0 - 1e-9)) {
            norm2 = Numerics.dot(x, x);
            if (norm2 > radius * radius) {
                for (int i = 0; i < x.length; i++) {
                    settle(i);
                }
                Projections.projectToBall(x, radius);
                norm2 = radius * radius;
            }
        }
        epochSteps++;
    }

    /** Restarts the average; keeps {@code x}. */
    void startEpoch() {
        Arrays.fill(sum, 0.0);
        Arrays.fill(stamp, 0L);
        epochSteps = 0;
        norm2 = Numerics.dot(x, x);
    }

    /** {@code x = 0} and an empty average. */
    void reset() {
        Arrays.fill(x, 0.0);
        startEpoch();
    }

    /** Steps in the current epoch. */
    long epochSteps() {
        return epochSteps;
    }

    /** Average of the epoch's iterates (or {@code x} before any step), a fresh array. */
    double[] average() {
        if (epochSteps == 0) {
            return x.clone();
        }
        double[] out = new double[x.length];
        double inv = 1.0 / epochSteps;
        for (int i = 0; i < x.length; i++) {
            out[i] = (sum[i] + x[i] * (epochSteps - stamp[i])) * inv;
        }
        return out;
    }

    /** {@code average()^T v} without allocating. */
    double averageDot(double[] v) {
        if (epochSteps == 0) {
            double s = 0.0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * v[i];
            }
            return s;
        }
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += (sum[i] + x[i] * (epochSteps - stamp[i])) * v[i];
        }
        return s / epochSteps;
    }
}
