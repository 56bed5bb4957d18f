package org.mfgkit.envs;

import java.util.List;
import java.util.Map;
import org.mfgkit.core.TabularPolicy;

/**
 * The outcome of an equilibrium solver.
 *
 * @param algorithm the solver's registry name
 * @param policy the final policy, one table per decision step (length 1 for a stationary game)
 * @param curve exploitability of every iterate, {@code curve.get(n)} for iteration {@code n}
 * @param converged true when the solver stopped early because its iterate stopped changing
 * @param seconds total wall-clock seconds (including the exploitability evaluations of the curve)
 * @param last the exact evaluation of the final policy (with its mean field)
 * @param settings the solver's settings (e.g. {@code beta}), for the record
 */
public record SolverRun(
        String algorithm,
        TabularPolicy[] policy,
        List<CurvePoint> curve,
        boolean converged,
        double seconds,
        ExploitabilityResult last,
        Map<String, Object> settings) {
    /** Validates and copies. */
    public SolverRun {
        if (algorithm == null
                || policy == null
                || policy.length == 0
                || curve == null
                || curve.isEmpty()
                || last == null) {
            throw new IllegalArgumentException(
                    "solver run: algorithm, policy, a non-empty curve and last are required");
        }
        curve = List.copyOf(curve);
        settings =
                settings == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(
                                new java.util.LinkedHashMap<>(settings));
    }

    /** Number of iterations performed (curve points minus the initial one). */
    public int iterations() {
        return curve.size() - 1;
    }

    /** Exploitability of the final policy. */
    public double finalExploitability() {
        return last.exploitability();
    }
}
