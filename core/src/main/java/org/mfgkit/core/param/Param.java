package org.mfgkit.core.param;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * One declared parameter: its name, type, default, checks and a one-line doc (SPEC §0, "every
 * parameter is declared once"). Parsing from {@code --set} text and from JSON values, validation
 * with one message format, help text, equality and the echo in results all derive from this
 * declaration; no other code parses or checks the value.
 *
 * <p>Declarations are immutable; the builder-style methods ({@link #check}, {@link #orNone}) return
 * new declarations. A parameter may have a <em>none keyword</em> ({@code uniform} for a
 * distribution, {@code inf} for a horizon): that text, or JSON {@code null}, gives the value {@code
 * null}, which the owner resolves.
 *
 * <pre>{@code
 * static final Param<Double> GAMMA = Param.real("gamma", 0.9, "discount factor").check(Checks.discount());
 * static final Param<Integer> T = Param.integer("T", 50, "last decision step").check(Checks.range(0, 1_000_000));
 * static final Param<double[]> MU0 = Param.vector("mu0", null, "initial distribution").orNone("uniform");
 * }</pre>
 *
 * @param <T> the value type: {@code Double}, {@code Integer}, {@code Long}, {@code Boolean}, {@code
 *     String} or {@code double[]}
 */
public final class Param<T> {
    private final String name;
    private final ParamType<T> type;
    private final T defaultValue;
    private final String doc;
    private final List<Check<? super T>> checks;
    private final String noneKeyword;

    private Param(
            String name,
            ParamType<T> type,
            T defaultValue,
            String doc,
            List<Check<? super T>> checks,
            String noneKeyword) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "parameter name must be an identifier, got '" + name + "'");
        }
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " needs a one-line doc");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.doc = doc;
        this.checks = List.copyOf(checks);
        this.noneKeyword = noneKeyword;
        if (defaultValue != null) {
            validate(defaultValue); // a declaration with a bad default fails where it is written
        }
    }

    /** A finite real number. */
    public static Param<Double> real(String name, double defaultValue, String doc) {
        return new Param<>(name, ParamType.REAL, defaultValue, doc, List.of(), null);
    }

    /**
     * An {@code int}; JSON numbers and text such as {@code 1e3} are accepted when integral and in
     * range.
     */
    public static Param<Integer> integer(String name, Integer defaultValue, String doc) {
        return new Param<>(name, ParamType.INTEGER, defaultValue, doc, List.of(), null);
    }

    /** A {@code long} (counts that may exceed {@code int}). */
    public static Param<Long> longInteger(String name, Long defaultValue, String doc) {
        return new Param<>(name, ParamType.LONG, defaultValue, doc, List.of(), null);
    }

    /** {@code true} or {@code false}. */
    public static Param<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new Param<>(name, ParamType.BOOLEAN, defaultValue, doc, List.of(), null);
    }

    /** Free text (a file name, a spec string); never empty. */
    public static Param<String> text(String name, String defaultValue, String doc) {
        return new Param<>(name, ParamType.TEXT, defaultValue, doc, List.of(), null);
    }

    /**
     * The path of a file, given as text (a JSON string in configs); the owner reads the file.
     * Echoed as its text.
     */
    public static Param<Path> file(String name, Path defaultValue, String doc) {
        return new Param<>(name, ParamType.FILE, defaultValue, doc, List.of(), null);
    }

    /** One of {@code choices} (matched exactly). */
    public static Param<String> choice(
            String name, String defaultValue, List<String> choices, String doc) {
        return new Param<>(
                name, ParamType.TEXT, defaultValue, doc, List.of(Checks.oneOf(choices)), null);
    }

    /** A list of finite reals: text {@code 0.4,0.6} or {@code [0.4, 0.6]}, or a JSON array. */
    public static Param<double[]> vector(String name, double[] defaultValue, String doc) {
        return new Param<>(
                name,
                ParamType.VECTOR,
                defaultValue == null ? null : defaultValue.clone(),
                doc,
                List.of(),
                null);
    }

    /**
     * This declaration with one more check (checks run in order; the first failure is reported).
     */
    public Param<T> check(Check<? super T> check) {
        List<Check<? super T>> all = new ArrayList<>(checks);
        all.add(Objects.requireNonNull(check));
        return new Param<>(name, type, defaultValue, doc, all, noneKeyword);
    }

    /**
     * This declaration with a none keyword: the text {@code keyword} (or JSON {@code null}) gives
     * the value {@code null}, which the owner resolves ({@code uniform}, {@code inf}, {@code
     * auto}).
     */
    public Param<T> orNone(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            throw new IllegalArgumentException(
                    "parameter " + name + ": none keyword must be non-blank");
        }
        return new Param<>(name, type, defaultValue, doc, checks, keyword);
    }

    /** This declaration with another default (a preset's value), validated. */
    public Param<T> withDefault(T newDefault) {
        return new Param<>(name, type, type.copy(newDefault), doc, checks, noneKeyword);
    }

    /** The name, as {@code --set} and JSON use it. */
    public String name() {
        return name;
    }

    /** The one-line doc. */
    public String doc() {
        return doc;
    }

    /** The default (a copy for arrays); {@code null} means the none keyword. */
    public T defaultValue() {
        return type.copy(defaultValue);
    }

    /** The none keyword, or {@code null} when the parameter has none. */
    public String noneKeyword() {
        return noneKeyword;
    }

    /** The value type. */
    public ParamType<T> type() {
        return type;
    }

    /**
     * Parses {@code text} ({@code --set} form) and validates it.
     *
     * @throws IllegalArgumentException naming this parameter and the text
     */
    public T parse(String text) {
        String t = text == null ? "" : text.trim();
        if (noneKeyword != null && t.equalsIgnoreCase(noneKeyword)) {
            return null;
        }
        T v;
        try {
            v = type.parse(name, t, hint());
        } catch (ParamType.OutOfRange e) {
            throw outOfRange(e);
        }
        return validate(v);
    }

    /**
     * Converts a JSON value ({@code Number}, {@code String}, {@code Boolean}, {@code List}, {@code
     * double[]} or {@code null}) and validates it. JSON numbers stay numbers: {@code 1e3} is the
     * integer 1000; a string is parsed as {@code --set} text.
     *
     * @throws IllegalArgumentException naming this parameter and the value
     */
    public T fromJson(Object json) {
        if (json == null) {
            if (noneKeyword != null) {
                return null;
            }
            throw new IllegalArgumentException(
                    name + " must be " + type.description() + ", got null");
        }
        if (json instanceof String s) {
            return parse(s);
        }
        T v;
        try {
            v = type.fromJson(name, json, hint());
        } catch (ParamType.OutOfRange e) {
            throw outOfRange(e);
        }
        return validate(v);
    }

    /**
     * The refusal of a number beyond the type's range in terms of the declared checks: {@code "T
     * must be in 0..1000000, got 1099511627776"}; the type's bound is added only when no declared
     * check excludes the value ({@code "steps must be >= 1 and <= 2147483647, got ..."}).
     */
    private IllegalArgumentException outOfRange(ParamType.OutOfRange e) {
        T extreme = type.extreme(e.above());
        StringJoiner phrases = new StringJoiner(" and ");
        for (Check<? super T> c : checks) {
            if (extreme != null && !c.test().test(extreme)) {
                return new IllegalArgumentException(
                        name + " must be " + c.phrase() + ", got " + e.shown());
            }
            phrases.add(c.phrase());
        }
        phrases.add(type.limit(e.above()));
        String what =
                checks.isEmpty()
                        ? type.description() + " " + type.limit(e.above())
                        : phrases.toString();
        return new IllegalArgumentException(name + " must be " + what + ", got " + e.shown());
    }

    /**
     * Checks a value and returns it (a defensive copy for arrays); {@code null} only with a none
     * keyword.
     *
     * @throws IllegalArgumentException {@code "NAME must be PHRASE, got VALUE"}
     */
    public T validate(T value) {
        if (value == null) {
            if (noneKeyword == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return null;
        }
        T v = type.copy(type.normalise(value));
        if (!type.accepts(v)) {
            throw new IllegalArgumentException(
                    name
                            + " must be "
                            + type.description()
                            + ", got "
                            + ParamType.escaped(type.format(v)));
        }
        for (Check<? super T> c : checks) {
            if (!c.test().test(v)) {
                throw new IllegalArgumentException(
                        name
                                + " must be "
                                + c.phrase()
                                + ", got "
                                + ParamType.escaped(type.format(v)));
            }
        }
        return v;
    }

    /** The text form of {@code value}, which {@link #parse} reads back to an equal value. */
    public String format(T value) {
        return value == null ? noneKeyword : type.format(value);
    }

    /**
     * The JSON echo of {@code value}: a number, boolean, string, {@code double[]} or the none
     * keyword.
     */
    public Object echo(T value) {
        return value == null ? noneKeyword : type.echo(value);
    }

    /** One help line: {@code name (type, default X; must be ...): doc}. */
    public String help() {
        StringBuilder b = new StringBuilder(name).append(" (").append(type.description());
        b.append(", default ").append(format(defaultValue));
        for (Check<? super T> c : checks) {
            b.append("; ").append(c.phrase());
        }
        if (noneKeyword != null && defaultValue != null) {
            b.append("; or ").append(noneKeyword);
        }
        return b.append("): ").append(doc).toString();
    }

    private String hint() {
        return noneKeyword == null ? "" : " or " + noneKeyword;
    }

    /**
     * A named predicate; its phrase completes "NAME must be ...".
     *
     * @param phrase e.g. {@code "in [0,1)"}, {@code "> 0"}, {@code "one of a, b"}
     * @param test the predicate (values are never null here)
     * @param <T> the value type
     */
    public record Check<T>(String phrase, Predicate<T> test) {
        /** Validates the fields. */
        public Check {
            Objects.requireNonNull(phrase);
            Objects.requireNonNull(test);
        }
    }

    @Override
    public String toString() {
        return help();
    }
}
