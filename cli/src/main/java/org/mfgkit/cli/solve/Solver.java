package org.mfgkit.cli.solve;

import java.util.List;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.SolverRun;

/**
 * An algorithm that {@code mfgkit solve --algorithm NAME} runs on an environment. The registry is
 * {@link Solvers}; adding an algorithm is one class implementing this plus one line in {@link
 * Solvers#builtIn()}. Algorithm-specific knobs arrive as {@code --set key=value} settings, whose
 * names the solver declares in {@link #settingKeys()} (so they never clash silently with
 * environment parameters).
 */
public interface Solver {
    /** The {@code --algorithm} name, e.g. {@code fixed-point}. */
    String name();

    /** One line for {@code mfgkit list}. */
    String description();

    /** Setting names this solver accepts through {@code --set}. */
    List<String> settingKeys();

    /** Iterations when {@code --iterations} is not given. */
    int defaultIterations();

    /**
     * Iterations when {@code --iterations} is not given, for this environment (e.g. the paper's
     * budget per game); {@link #defaultIterations()} unless a solver overrides it.
     */
    default int defaultIterations(GameModel env) {
        return defaultIterations();
    }

    /** Whether the result depends on {@code --seed} (false for the exact solvers). */
    boolean usesSeed();

    /**
     * Runs the algorithm.
     *
     * @throws IllegalArgumentException when the environment or a setting does not suit this solver
     */
    SolverRun solve(SolveRequest request);
}
