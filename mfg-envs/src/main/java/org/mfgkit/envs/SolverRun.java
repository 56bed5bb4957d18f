package org.mfgkit.envs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mfgkit.core.Curve;
import org.mfgkit.core.TabularPolicy;

/**
 * The outcome of an equilibrium solver (exact or learning): its exploitability curve and final
 * policy. Arrays are copied on construction; the accessors return the stored arrays, which callers
 * must not modify.
 *
 * @param algorithm the solver's registry name
 * @param policy the final policy, one table per decision step (length 1 for a stationary game)
 * @param curve exploitability of every recorded iterate, one run named {@code algorithm}; {@code x}
 *     holds the iteration numbers ({@code 0} = the starting policy)
 * @param seconds wall-clock seconds since the start when each point of {@code curve} was recorded
 * @param converged true when the solver stopped early because its iterate stopped changing
 * @param totalSeconds total wall-clock seconds (including the evaluations of the curve)
 * @param last the exact evaluation of the final policy (with its mean field)
 * @param settings the solver's settings by name (its parameter echo), for the record
 */
public record SolverRun(
        String algorithm,
        TabularPolicy[] policy,
        Curve curve,
        double[] seconds,
        boolean converged,
        double totalSeconds,
        ExploitabilityResult last,
        Map<String, Object> settings) {
    /** Validates and copies. */
    public SolverRun {
        if (algorithm == null
                || policy == null
                || policy.length == 0
                || curve == null
                || seconds == null
                || last == null) {
            throw new IllegalArgumentException(
                    "solver run: algorithm, policy, curve, seconds and last are required");
        }
        if (curve.runCount() != 1 || seconds.length != curve.size()) {
            throw new IllegalArgumentException(
                    "solver run: one curve run with one time per point required");
        }
        policy = policy.clone();
        seconds = seconds.clone();
        settings =
                settings == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Number of iterations performed (curve points minus the initial one). */
    public int iterations() {
        return curve.size() - 1;
    }

    /** The iteration number of point {@code i}. */
    public int iteration(int i) {
        return (int) curve.x()[i];
    }

    /** The exploitability at point {@code i}. */
    public double exploitability(int i) {
        return curve.runs()[0][i];
    }

    /** Exploitability of the final policy. */
    public double finalExploitability() {
        return last.exploitability();
    }
}
