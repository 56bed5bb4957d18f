package org.mfgkit.core.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered parameter declarations of one owner (a game, an algorithm, an experiment). Names are
 * unique; the owner's name appears in messages about unknown keys.
 *
 * <pre>{@code
 * static final ParamSchema SCHEMA = ParamSchema.of("sis", C, GAMMA, LAMBDA, MU0, T);
 * ParamValues p = SCHEMA.defaults().withText("gamma", "0.95");   // --set gamma=0.95
 * double gamma = p.get(GAMMA);
 * }</pre>
 */
public final class ParamSchema {
    private final String owner;
    private final List<Param<?>> params;
    private final Map<String, Integer> index;

    private ParamSchema(String owner, List<Param<?>> params) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a parameter schema needs an owner name");
        }
        this.owner = owner;
        this.params = List.copyOf(params);
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < this.params.size(); i++) {
            Param<?> p = this.params.get(i);
            if (index.put(p.name(), i) != null) {
                throw new IllegalArgumentException(
                        owner + ": parameter " + p.name() + " is declared twice");
            }
            if (p.defaultValue() == null && p.noneKeyword() == null) {
                throw new IllegalArgumentException(
                        owner + ": parameter " + p.name() + " has no default");
            }
        }
    }

    /** The schema of {@code owner} with {@code params} in this order. */
    public static ParamSchema of(String owner, Param<?>... params) {
        return new ParamSchema(owner, Arrays.asList(params));
    }

    /** The schema of {@code owner} with {@code params} in this order. */
    public static ParamSchema of(String owner, List<Param<?>> params) {
        return new ParamSchema(owner, params);
    }

    /**
     * This schema under another owner name, with {@code more} appended (a preset or an extension).
     */
    public ParamSchema plus(String newOwner, Param<?>... more) {
        List<Param<?>> all = new ArrayList<>(params);
        all.addAll(Arrays.asList(more));
        return new ParamSchema(newOwner, all);
    }

    /**
     * This schema under another owner name, with the defaults of the named parameters replaced (the
     * values are validated by each declaration): how a preset such as {@code sis-fh} is made from
     * its game's schema.
     */
    public ParamSchema withDefaults(String newOwner, ParamValues defaults) {
        if (defaults.schema() != this) {
            throw new IllegalArgumentException(
                    "defaults of another schema (" + defaults.schema().owner + ")");
        }
        List<Param<?>> all = new ArrayList<>();
        for (Param<?> p : params) {
            all.add(rebase(p, defaults));
        }
        return new ParamSchema(newOwner, all);
    }

    private static <T> Param<T> rebase(Param<T> p, ParamValues v) {
        return p.withDefault(v.get(p));
    }

    /** The owner's name (a game, preset or algorithm name). */
    public String owner() {
        return owner;
    }

    /** The declarations, in order. */
    public List<Param<?>> params() {
        return params;
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return params.stream().map(Param::name).toList();
    }

    /** Whether {@code name} is declared here. */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /**
     * The declaration called {@code name}.
     *
     * @throws IllegalArgumentException {@code unknown parameter 'x' for OWNER (known: ...)}
     */
    public Param<?> param(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException(
                    "unknown parameter "
                            + ParamType.quoted(name)
                            + " for "
                            + owner
                            + " (known: "
                            + String.join(", ", names())
                            + ")");
        }
        return params.get(i);
    }

    int indexOf(String name) {
        param(name);
        return index.get(name);
    }

    /** Every parameter at its default. */
    public ParamValues defaults() {
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.get(i).defaultValue();
        }
        return new ParamValues(this, values);
    }

    /** One help line per parameter ({@link Param#help()}). */
    public List<String> help() {
        return params.stream().map(Param::help).toList();
    }

    @Override
    public String toString() {
        return owner + names();
    }
}
