package org.mfgkit.core.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A validated, immutable assignment of every parameter of a {@link ParamSchema}. Overrides come as
 * {@code --set} text ({@link #withText}), JSON values ({@link #withJson}) or typed values ({@link
 * #with}); each is parsed and checked by its declaration. Equality and hashing are by content
 * (arrays included); {@link #echo()} is what results record.
 */
public final class ParamValues {
    private final ParamSchema schema;
    private final Object[] values;

    ParamValues(ParamSchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /** The schema these values belong to. */
    public ParamSchema schema() {
        return schema;
    }

    /**
     * The value of {@code param} (looked up by name; a copy for arrays; {@code null} = none
     * keyword).
     */
    public <T> T get(Param<T> param) {
        int i = schema.indexOf(param.name());
        Param<?> declared = schema.params().get(i);
        if (declared.type() != param.type()) {
            throw new IllegalArgumentException(
                    schema.owner()
                            + ": parameter "
                            + param.name()
                            + " is "
                            + declared.type().description());
        }
        @SuppressWarnings("unchecked")
        T v = (T) values[i];
        return param.type().copy(v);
    }

    /** The value of the parameter called {@code name}, untyped (a copy for arrays). */
    public Object get(String name) {
        return copyOf(schema.param(name), values[schema.indexOf(name)]);
    }

    /** A copy with {@code param} set to {@code value} (validated). */
    public <T> ParamValues with(Param<T> param, T value) {
        int i = schema.indexOf(param.name());
        @SuppressWarnings("unchecked")
        Param<T> declared = (Param<T>) schema.params().get(i);
        if (declared.type() != param.type()) {
            throw new IllegalArgumentException(
                    schema.owner()
                            + ": parameter "
                            + param.name()
                            + " is "
                            + declared.type().description());
        }
        return set(i, declared.validate(value));
    }

    /**
     * A copy with the parameter {@code name} parsed from {@code --set} text.
     *
     * @throws IllegalArgumentException for an unknown name or a bad value, naming it
     */
    public ParamValues withText(String name, String text) {
        int i = schema.indexOf(name);
        return set(i, schema.params().get(i).parse(text));
    }

    /**
     * A copy with the parameter {@code name} from a JSON value ({@code Number}, {@code String},
     * {@code Boolean}, {@code List}, {@code null}).
     *
     * @throws IllegalArgumentException for an unknown name or a bad value, naming it
     */
    public ParamValues withJson(String name, Object json) {
        int i = schema.indexOf(name);
        return set(i, schema.params().get(i).fromJson(json));
    }

    /** A copy with every {@code name -> text} override applied, in the map's order. */
    public ParamValues withTexts(Map<String, String> overrides) {
        ParamValues p = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            p = p.withText(e.getKey(), e.getValue());
        }
        return p;
    }

    /** A copy with every {@code name -> JSON value} override applied, in the map's order. */
    public ParamValues withJsons(Map<String, ?> overrides) {
        ParamValues p = this;
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            p = p.withJson(e.getKey(), e.getValue());
        }
        return p;
    }

    /** The text form of one value, which {@link #withText} reads back. */
    public String text(String name) {
        return formatted(schema.param(name), values[schema.indexOf(name)]);
    }

    /**
     * Every value by name, in declaration order, as results echo them (numbers, booleans, strings,
     * {@code double[]}).
     */
    public Map<String, Object> echo() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(schema.params().get(i).name(), echoed(schema.params().get(i), values[i]));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every value's text form by name, in declaration order. */
    public Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Param<?> p : schema.params()) {
            m.put(p.name(), text(p.name()));
        }
        return Collections.unmodifiableMap(m);
    }

    private ParamValues set(int i, Object v) {
        Object[] copy = values.clone();
        copy[i] = v;
        return new ParamValues(schema, copy);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copyOf(Param<T> p, Object v) {
        return p.type().copy((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> String formatted(Param<T> p, Object v) {
        return p.format((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object echoed(Param<T> p, Object v) {
        return p.echo((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean same(Param<T> p, Object a, Object b) {
        return p.type().same((T) a, (T) b);
    }

    @SuppressWarnings("unchecked")
    private static <T> int hash(Param<T> p, Object v) {
        return p.type().hash((T) v);
    }

    /** Same schema owner and names, and every value equal by content. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParamValues other)
                || !schema.owner().equals(other.schema.owner())
                || !schema.names().equals(other.schema.names())) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!same(schema.params().get(i), values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = schema.owner().hashCode();
        for (int i = 0; i < values.length; i++) {
            h = 31 * h + hash(schema.params().get(i), values[i]);
        }
        return h;
    }

    /** {@code owner[name=text, ...]}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", schema.owner() + "[", "]");
        texts().forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
