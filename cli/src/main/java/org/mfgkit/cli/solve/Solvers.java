package org.mfgkit.cli.solve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.cli.nac.NacSolver;

/** The registry of {@link Solver}s behind {@code mfgkit solve --algorithm}. Immutable. */
public final class Solvers {

    private final Map<String, Solver> byName;

    private Solvers(List<Solver> solvers) {
        Map<String, Solver> map = new LinkedHashMap<>();
        for (Solver s : solvers) {
            if (map.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two solvers are named \"" + s.name() + "\"");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The solvers shipped with mfgkit: one registration line each. */
    public static Solvers builtIn() {
        return of(
                ExactSolver.FIXED_POINT,
                ExactSolver.FICTITIOUS_PLAY,
                ExactSolver.OMD,
                ExactSolver.PRIOR_DESCENT,
                ExactSolver.OCCUPATION_MEASURE_INCLUSION,
                ExactSolver.OCCUPATION_MEASURE_OPTIMIZATION,
                NacSolver.NAC,
                NacSolver.DL_NAC
                // add new solvers here, one line each (e.g. the natural actor-critic's nac, dl-nac)
                );
    }

    /** A registry of exactly these solvers. */
    public static Solvers of(Solver... solvers) {
        return new Solvers(List.of(solvers));
    }

    /** This registry plus {@code extra}. */
    public Solvers with(Solver extra) {
        List<Solver> all = new ArrayList<>(byName.values());
        all.add(extra);
        return new Solvers(all);
    }

    /** All solvers, in registration order. */
    public List<Solver> all() {
        return List.copyOf(byName.values());
    }

    /** The solver called {@code name}; unknown names fail with the list of known ones. */
    public Solver get(String name) {
        Solver s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown algorithm '"
                            + name
                            + "' (known: "
                            + String.join(", ", byName.keySet())
                            + ")");
        }
        return s;
    }
}
