package org.mfgkit.envs;

import java.util.Arrays;
import org.mfgkit.core.Curve;

/**
 * Collects the points of a solver's curve as they are recorded (iteration, exploitability, seconds)
 * and tells a listener; {@link #curve} and {@link #seconds} give what a {@link SolverRun} holds.
 * Not thread-safe.
 */
public final class SolverTrace {
    private final long startNanos = System.nanoTime();
    private final EquilibriumSolver.IterationListener listener;
    private double[] x = new double[16];
    private double[] y = new double[16];
    private double[] t = new double[16];
    private int n;

    /**
     * A trace started now.
     *
     * @param listener told of every point; may be {@code null}
     */
    public SolverTrace(EquilibriumSolver.IterationListener listener) {
        this.listener = listener;
    }

    /** Seconds since the trace started. */
    public double elapsed() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /** Records a point timed now. */
    public void add(int iteration, double exploitability) {
        add(iteration, exploitability, elapsed());
    }

    /** Records a point with its own time stamp. */
    public void add(int iteration, double exploitability, double seconds) {
        if (n == x.length) {
            x = Arrays.copyOf(x, 2 * n);
            y = Arrays.copyOf(y, 2 * n);
            t = Arrays.copyOf(t, 2 * n);
        }
        x[n] = iteration;
        y[n] = exploitability;
        t[n] = seconds;
        n++;
        if (listener != null) {
            listener.onIteration(iteration, exploitability, seconds);
        }
    }

    /** The curve so far, one run named {@code name}. */
    public Curve curve(String name) {
        return Curve.single(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }

    /** The time stamps so far. */
    public double[] seconds() {
        return Arrays.copyOf(t, n);
    }
}
