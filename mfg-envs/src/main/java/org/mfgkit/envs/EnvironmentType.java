package org.mfgkit.envs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A registered environment: its name, a one-line summary, the reference it follows, its default
 * parameters and how to build the exact model from parameters.
 *
 * @param <P> the parameter record
 */
public record EnvironmentType<P extends EnvParams>(
        String name, String summary, String reference, P defaults, Function<P, ExactModel> build) {
    /** Keys applied before all others, because other values are validated against them. */
    private static final List<String> SHAPE_KEYS = List.of("T", "L", "M");

    /** Validates the fields. */
    public EnvironmentType {
        if (name == null || name.isBlank() || defaults == null || build == null) {
            throw new IllegalArgumentException(
                    "environment type needs a name, defaults and a factory");
        }
    }

    /** The environment with its defaults. */
    public Environment create() {
        return create(Map.of());
    }

    /**
     * The environment with {@code overrides} ({@code key -> value text}) applied to the defaults;
     * the shape keys {@code T}, {@code L}, {@code M} first, then the rest in the map's order.
     *
     * @throws IllegalArgumentException naming an unknown key or a bad value
     */
    @SuppressWarnings("unchecked")
    public Environment create(Map<String, String> overrides) {
        P params = defaults;
        List<Map.Entry<String, String>> ordered = new ArrayList<>();
        for (String key : SHAPE_KEYS) {
            if (overrides.containsKey(key)) {
                ordered.add(Map.entry(key, overrides.get(key)));
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!SHAPE_KEYS.contains(e.getKey())) {
                ordered.add(e);
            }
        }
        for (Map.Entry<String, String> e : ordered) {
            params = (P) params.with(e.getKey(), e.getValue());
        }
        return new Environment(name, params, build.apply(params));
    }

    /** The parameter names this environment accepts. */
    public List<String> keys() {
        return List.copyOf(defaults.asMap().keySet());
    }
}
