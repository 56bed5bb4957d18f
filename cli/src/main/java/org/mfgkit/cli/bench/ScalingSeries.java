package org.mfgkit.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family of instances of one registered game that grow in the number of states, for {@code mfgkit
 * bench --scaling NAME}: each size sets every parameter of {@code sizeParams} to it, on top of the
 * {@code fixed} settings.
 *
 * @param name the {@code --scaling} name
 * @param game the registered game ({@code Games})
 * @param sizeParams the parameters set to the size (e.g. {@code torus_l} and {@code torus_w})
 * @param sizes the default sizes
 * @param fixed the other settings of every instance (e.g. {@code T=10})
 */
public record ScalingSeries(
        String name,
        String game,
        List<String> sizeParams,
        List<Integer> sizes,
        Map<String, String> fixed) {

    /**
     * MFGLib's crowd motion on {@code n x n} grids, {@code n = 100, 300, 1000} ({@code 10^4 ..
     * 10^6} states), {@code T = 10}.
     */
    public static final ScalingSeries CROWD_MOTION =
            new ScalingSeries(
                    "crowd-motion",
                    "crowd-motion",
                    List.of("torus_l", "torus_w"),
                    List.of(100, 300, 1000),
                    Map.of("T", "10"));

    /** MFGLib's beach bar on a line of {@code n = 10^4, 10^5, 10^6} places, its default T = 2. */
    public static final ScalingSeries BEACH_BAR =
            new ScalingSeries(
                    "beach-bar",
                    "beach-bar",
                    List.of("n"),
                    List.of(10_000, 100_000, 1_000_000),
                    Map.of());

    /** The series {@code --scaling} knows, by name. */
    public static final List<ScalingSeries> BUILT_IN = List.of(CROWD_MOTION, BEACH_BAR);

    /** Validates and copies. */
    public ScalingSeries {
        if (name == null || game == null || sizeParams == null || sizeParams.isEmpty()) {
            throw new IllegalArgumentException(
                    "scaling series: name, game and at least one size parameter are required");
        }
        sizeParams = List.copyOf(sizeParams);
        sizes = List.copyOf(sizes);
        fixed = Map.copyOf(fixed);
    }

    /** The built-in series called {@code name}; unknown names fail with the known ones. */
    public static ScalingSeries get(String name) {
        for (ScalingSeries s : BUILT_IN) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown scaling series '"
                        + name
                        + "' (known: "
                        + String.join(", ", BUILT_IN.stream().map(ScalingSeries::name).toList())
                        + ")");
    }

    /** The {@code --set} overrides of the instance of size {@code size}. */
    public Map<String, String> instance(int size) {
        Map<String, String> m = new LinkedHashMap<>(fixed);
        for (String p : sizeParams) {
            m.put(p, Integer.toString(size));
        }
        return m;
    }

    /** This series with other sizes (each at least 1). */
    public ScalingSeries withSizes(List<Integer> other) {
        for (int s : other) {
            if (s < 1) {
                throw new IllegalArgumentException("--sizes must be positive, got " + s);
            }
        }
        return new ScalingSeries(name, game, sizeParams, other, fixed);
    }
}
