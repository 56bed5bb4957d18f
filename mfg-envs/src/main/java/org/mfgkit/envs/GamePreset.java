package org.mfgkit.envs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * A named parameter set of a game class, what {@code --env NAME} selects (SPEC §6): {@code sis} is
 * {@link SisEpidemic} at its defaults, {@code sis-fh} the same class with {@code T=50, gamma=1,
 * lambda=0}. Its {@link #params() schema} is the game's with this preset's defaults, owned by the
 * preset's name, so parsing, help and messages name the preset.
 *
 * @param name the registry name ({@code --env})
 * @param summary one line for {@code mfgkit list}
 * @param reference where the model comes from
 * @param params the game's schema with this preset's defaults
 * @param factory builds the game from validated values of {@code params}
 * @param overrides the {@code name=value} texts this preset changes relative to its game's own
 *     defaults (empty for the game's own preset)
 */
public record GamePreset(
        String name,
        String summary,
        String reference,
        ParamSchema params,
        Function<ParamValues, ? extends GameModel> factory,
        Map<String, String> overrides) {

    /** Validates; the name must be the schema's owner. */
    public GamePreset {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException(
                    "game preset name must be lower-case words joined by '-', got '" + name + "'");
        }
        if (summary == null || reference == null || params == null || factory == null) {
            throw new IllegalArgumentException(
                    "game preset " + name + ": summary, reference, params and factory required");
        }
        if (!params.owner().equals(name)) {
            throw new IllegalArgumentException(
                    "game preset " + name + ": its schema is owned by " + params.owner());
        }
        overrides =
                Collections.unmodifiableMap(
                        new LinkedHashMap<>(overrides == null ? Map.of() : overrides));
    }

    /** A game at its own defaults; the preset's name is the schema's owner. */
    public static GamePreset of(
            ParamSchema params,
            Function<ParamValues, ? extends GameModel> factory,
            String summary,
            String reference) {
        return new GamePreset(params.owner(), summary, reference, params, factory, Map.of());
    }

    /**
     * Another preset of the same game: this one's defaults with {@code overrides} ({@code
     * name=value} texts, parsed and checked by the declarations).
     */
    public GamePreset preset(String newName, String summary, String reference, String... sets) {
        ParamValues values = apply(params.defaults(), sets);
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(texts(sets));
        return new GamePreset(
                newName, summary, reference, params.withDefaults(newName, values), factory, all);
    }

    /** The game at this preset's defaults. */
    public GameModel create() {
        return create(params.defaults());
    }

    /**
     * The game with {@code --set} overrides ({@code name -> text}), applied in order.
     *
     * @throws IllegalArgumentException naming an unknown or bad parameter
     */
    public GameModel create(Map<String, String> texts) {
        return create(params.defaults().withTexts(texts));
    }

    /**
     * The game with JSON overrides ({@code name -> Number, String, Boolean, List, null}).
     *
     * @throws IllegalArgumentException naming an unknown or bad parameter
     */
    public GameModel createFromJson(Map<String, ?> json) {
        return create(params.defaults().withJsons(json));
    }

    /**
     * The game with these values (of this preset's schema).
     *
     * @throws IllegalArgumentException naming a parameter whose check depends on others
     */
    public GameModel create(ParamValues values) {
        if (!values.schema().owner().equals(name)) {
            throw new IllegalArgumentException(
                    "parameters of " + values.schema().owner() + " given to " + name);
        }
        return factory.apply(values);
    }

    /** The game class's simple name (for listings). */
    public String gameClass() {
        return create().getClass().getSimpleName();
    }

    /** {@code values} with every {@code name=value} text applied, in order. */
    static ParamValues apply(ParamValues values, String... sets) {
        return values.withTexts(texts(sets));
    }

    private static Map<String, String> texts(String... sets) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + s + "'");
            }
            m.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return m;
    }

    /** The parameter names, in order. */
    public List<String> keys() {
        return new ArrayList<>(params.names());
    }

    /** The name. */
    @Override
    public String toString() {
        return name;
    }
}
