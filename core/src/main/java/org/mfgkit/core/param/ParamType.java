package org.mfgkit.core.param;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The value types of {@link Param}: how text and JSON values become values, how values print,
 * compare and hash. Reals are finite and {@code -0.0} is stored as {@code 0.0}, so equal values
 * print, compare and hash alike.
 *
 * @param <T> the Java type of the values
 */
public abstract class ParamType<T> {
    /** Finite {@code double}. */
    public static final ParamType<Double> REAL = new Real();

    /** {@code int}; integral JSON numbers or text ({@code 1e3}) in range. */
    public static final ParamType<Integer> INTEGER =
            new Whole<>("an integer", Integer.MIN_VALUE, Integer.MAX_VALUE) {
                @Override
                Integer of(long v) {
                    return (int) v;
                }
            };

    /** {@code long}; integral JSON numbers or text in range. */
    public static final ParamType<Long> LONG =
            new Whole<>("an integer", Long.MIN_VALUE, Long.MAX_VALUE) {
                @Override
                Long of(long v) {
                    return v;
                }
            };

    /** {@code true}/{@code false}. */
    public static final ParamType<Boolean> BOOLEAN = new Bool();

    /** Non-empty text. */
    public static final ParamType<String> TEXT = new Text();

    /** A non-empty list of finite reals. */
    public static final ParamType<double[]> VECTOR = new Vector();

    /**
     * The path of a file (text or a JSON string); not read here: the owner reads it and names the
     * file in its messages.
     */
    public static final ParamType<Path> FILE = new FilePath();

    private final String description;

    private ParamType(String description) {
        this.description = description;
    }

    /** "a finite number", "an integer", ... (completes "NAME must be ..."). */
    public final String description() {
        return description;
    }

    abstract T parse(String name, String text, String hint);

    abstract T fromJson(String name, Object json, String hint);

    /** The text form, read back by {@code parse}. */
    abstract String format(T value);

    /** A defensive copy (arrays); the value itself otherwise. */
    T copy(T value) {
        return value;
    }

    /** The JSON echo of a value: the value itself (a copy of an array), a path as its text. */
    Object echo(T value) {
        return copy(value);
    }

    /** The canonical form of a value ({@code -0.0} to {@code 0.0}). */
    T normalise(T value) {
        return value;
    }

    /**
     * Whether a typed value (not parsed from text or JSON, which already refuse it) is of this
     * type: false for a non-finite real.
     */
    boolean accepts(T value) {
        return true;
    }

    /**
     * The largest ({@code above}) or smallest value of a bounded type, {@code null} when unbounded:
     * the value a number beyond the type's range is checked at, so that a refusal shows the
     * parameter's declared range.
     */
    T extreme(boolean above) {
        return null;
    }

    /** The type's own bound, {@code "<= 2147483647"}, for a parameter that declares none. */
    String limit(boolean above) {
        return "";
    }

    /**
     * A number beyond the range of the type ({@code int}, {@code long}); {@link Param} turns it
     * into a message with the parameter's declared range.
     */
    static final class OutOfRange extends IllegalArgumentException {
        private final String shown;
        private final boolean above;

        OutOfRange(String shown, boolean above) {
            super("out of range: " + shown);
            this.shown = shown;
            this.above = above;
        }

        /** The value as the message shows it (text quoted). */
        String shown() {
            return shown;
        }

        /** Above the type's maximum (else below its minimum). */
        boolean above() {
            return above;
        }
    }

    /** Equality by content. */
    boolean same(T a, T b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Hash by content. */
    int hash(T value) {
        return value == null ? 0 : value.hashCode();
    }

    /**
     * User text as messages show it: in single quotes, control characters (line breaks, tabs, NUL)
     * as {@code \\uXXXX}, so that a message stays on one line whatever the user typed.
     */
    public static String quoted(String text) {
        return "'" + escaped(text) + "'";
    }

    /** {@code text} with control characters as {@code \\uXXXX} (no quotes). */
    public static String escaped(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints()
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                b.append(String.format("\\u%04x", c));
                            } else {
                                b.appendCodePoint(c);
                            }
                        });
        return b.toString();
    }

    static IllegalArgumentException bad(String name, String what, Object got, String hint) {
        String shown = got instanceof String s ? quoted(s) : String.valueOf(got);
        return new IllegalArgumentException(name + " must be " + what + hint + ", got " + shown);
    }

    private static final class Real extends ParamType<Double> {
        Real() {
            super("a finite number");
        }

        @Override
        Double parse(String name, String text, String hint) {
            try {
                double d = Double.parseDouble(text);
                if (Double.isFinite(d)
                        && !text.isEmpty()
                        && !text.endsWith("d")
                        && !text.endsWith("f")) {
                    return d + 0.0;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(name, description(), text, hint);
        }

        @Override
        Double fromJson(String name, Object json, String hint) {
            if (json instanceof Number n
                    && !(json instanceof BigInteger && !fits((BigInteger) json))) {
                double d = n.doubleValue();
                if (Double.isFinite(d)) {
                    return d + 0.0;
                }
            }
            throw bad(name, description(), json, hint);
        }

        private static boolean fits(BigInteger b) {
            return Double.isFinite(b.doubleValue());
        }

        @Override
        Double normalise(Double value) {
            return value + 0.0;
        }

        @Override
        boolean accepts(Double value) {
            return Double.isFinite(value);
        }

        @Override
        String format(Double value) {
            return Double.toString(value);
        }
    }

    private abstract static class Whole<T extends Number> extends ParamType<T> {
        private final long min;
        private final long max;

        Whole(String description, long min, long max) {
            super(description);
            this.min = min;
            this.max = max;
        }

        abstract T of(long v);

        @Override
        T parse(String name, String text, String hint) {
            BigDecimal d;
            try {
                d = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw bad(name, description(), text, hint);
            }
            return exact(name, d, text, hint);
        }

        @Override
        T fromJson(String name, Object json, String hint) {
            BigDecimal d;
            if (json instanceof Double || json instanceof Float) {
                double x = ((Number) json).doubleValue();
                if (!Double.isFinite(x)) {
                    throw bad(name, description(), json, hint);
                }
                d = BigDecimal.valueOf(x);
            } else if (json instanceof BigDecimal b) {
                d = b;
            } else if (json instanceof BigInteger b) {
                d = new BigDecimal(b);
            } else if (json instanceof Number n) {
                d = BigDecimal.valueOf(n.longValue());
            } else {
                throw bad(name, description(), json, hint);
            }
            return exact(name, d, json, hint);
        }

        /**
         * The integer {@code d}, refused without materialising it when its exponent is huge ({@code
         * 9e94799929} would build a 95-million-digit number): at most 19 digits before the point
         * fit a {@code long}.
         */
        private T exact(String name, BigDecimal d, Object shown, String hint) {
            if (d.signum() == 0) {
                return of(0L);
            }
            long integerDigits = (long) d.precision() - d.scale();
            if (integerDigits > 19) {
                throw new OutOfRange(shown(shown), d.signum() > 0);
            }
            if (integerDigits <= 0) { // 0 < |d| < 1
                throw bad(name, description(), shown, hint);
            }
            BigInteger i;
            try {
                i = d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw bad(name, description(), shown, hint);
            }
            if (i.compareTo(BigInteger.valueOf(min)) < 0
                    || i.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new OutOfRange(shown(shown), i.signum() > 0);
            }
            return of(i.longValueExact());
        }

        private static String shown(Object got) {
            return got instanceof String s ? quoted(s) : String.valueOf(got);
        }

        @Override
        T extreme(boolean above) {
            return of(above ? max : min);
        }

        @Override
        String limit(boolean above) {
            return (above ? "<= " + max : ">= " + min);
        }

        @Override
        String format(T value) {
            return value.toString();
        }
    }

    private static final class Bool extends ParamType<Boolean> {
        Bool() {
            super("true or false");
        }

        @Override
        Boolean parse(String name, String text, String hint) {
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
            throw bad(name, description(), text, hint);
        }

        @Override
        Boolean fromJson(String name, Object json, String hint) {
            if (json instanceof Boolean b) {
                return b;
            }
            throw bad(name, description(), json, hint);
        }

        @Override
        String format(Boolean value) {
            return value.toString();
        }
    }

    private static final class Text extends ParamType<String> {
        Text() {
            super("non-empty text");
        }

        @Override
        String parse(String name, String text, String hint) {
            if (text.isEmpty()) {
                throw bad(name, description(), text, hint);
            }
            return text;
        }

        @Override
        String fromJson(String name, Object json, String hint) {
            throw bad(name, description(), json, hint);
        }

        @Override
        String format(String value) {
            return value;
        }
    }

    private static final class FilePath extends ParamType<Path> {
        FilePath() {
            super("a file path");
        }

        @Override
        Path parse(String name, String text, String hint) {
            if (text.isEmpty()) {
                throw bad(name, description(), text, hint);
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw bad(name, description(), text, hint);
            }
        }

        @Override
        Path fromJson(String name, Object json, String hint) {
            throw bad(name, description(), json, hint);
        }

        @Override
        String format(Path value) {
            return value.toString();
        }

        @Override
        Object echo(Path value) {
            return value.toString();
        }
    }

    private static final class Vector extends ParamType<double[]> {
        Vector() {
            super("a list of finite numbers");
        }

        @Override
        double[] parse(String name, String text, String hint) {
            String v = text;
            if (v.startsWith("[")) {
                if (!v.endsWith("]")) {
                    throw bad(name, description() + " (malformed [...])", text, hint);
                }
                v = v.substring(1, v.length() - 1).trim();
            }
            if (v.isEmpty()) {
                throw bad(name, description(), text, hint);
            }
            String[] parts = v.split(",", -1);
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].trim();
                try {
                    out[i] = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            name + ": entry " + i + " (" + quoted(p) + ") is not a number");
                }
                if (!Double.isFinite(out[i])) {
                    throw new IllegalArgumentException(name + ": entry " + i + " is not finite");
                }
                out[i] += 0.0;
            }
            return out;
        }

        @Override
        double[] fromJson(String name, Object json, String hint) {
            if (json instanceof double[] d) {
                return checked(name, d.clone());
            }
            if (json instanceof List<?> list && !list.isEmpty()) {
                double[] out = new double[list.size()];
                for (int i = 0; i < out.length; i++) {
                    if (!(list.get(i) instanceof Number n)) {
                        throw new IllegalArgumentException(
                                name + ": entry " + i + " (" + list.get(i) + ") is not a number");
                    }
                    out[i] = n.doubleValue() + 0.0;
                }
                return checked(name, out);
            }
            throw bad(name, description(), json, hint);
        }

        private static double[] checked(String name, double[] v) {
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException(name + ": entry " + i + " is not finite");
                }
                v[i] += 0.0;
            }
            return v;
        }

        @Override
        double[] copy(double[] value) {
            return value == null ? null : value.clone();
        }

        @Override
        String format(double[] value) {
            StringJoiner j = new StringJoiner(",");
            for (double x : value) {
                j.add(Double.toString(x));
            }
            return j.toString();
        }

        @Override
        boolean same(double[] a, double[] b) {
            return Arrays.equals(a, b);
        }

        @Override
        int hash(double[] value) {
            return Arrays.hashCode(value);
        }
    }
}
