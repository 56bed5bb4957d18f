package org.mfgkit.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mfgkit.core.param.ParamType;

/**
 * Typed, validating access to one JSON object of a config, with errors a user can act on: {@code
 * config field "seeds": expected an integer or a list of integers, got "ten"}. Every problem is an
 * {@link IllegalArgumentException}, so {@code mfgkit} reports it on one line and exits with status
 * 2.
 *
 * <pre>{@code
 * Config c = Config.of(config);
 * c.allowOnly("experiment", "env", "seeds", "iterations");
 * String env = c.string("env");
 * long[] seeds = c.seeds("seeds", 10);
 * int iterations = c.integer("iterations", 1000);
 * }</pre>
 */
public final class Config {

    private final JsonNode node;
    private final String path;

    private Config(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The top-level config object. */
    public static Config of(JsonNode config) {
        return of(config, "config");
    }

    /**
     * A config object described as {@code where} in messages (e.g. {@code "config field \"env\""}).
     */
    public static Config of(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    where + ": expected a JSON object, got " + describe(node));
        }
        return new Config(node, where);
    }

    /** The underlying JSON object. */
    public JsonNode node() {
        return node;
    }

    /** Whether the field is present and not {@code null}. */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    /**
     * Rejects fields other than {@code allowed} (catches typos such as {@code "seed"} for {@code
     * "seeds"}).
     */
    public void allowOnly(String... allowed) {
        Set<String> known = new LinkedHashSet<>(List.of(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException(
                        path
                                + ": unknown field \""
                                + ParamType.escaped(f)
                                + "\" (allowed: "
                                + String.join(", ", known)
                                + ")");
            }
        }
    }

    /** A required string field. */
    public String string(String field) {
        return require(field, JsonNodeType.STRING, "a string").asText();
    }

    /** An optional string field. */
    public String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    /** A required integer field (JSON integer within {@code int} range). */
    public int integer(String field) {
        JsonNode v = require(field, JsonNodeType.NUMBER, "an integer");
        // JSON numbers stay numbers: 1e3 is the integer 1000
        double x = v.doubleValue();
        if (!v.isIntegralNumber() && !(Double.isFinite(x) && x == Math.rint(x))) {
            throw bad(field, "an integer", v);
        }
        if (!v.canConvertToInt() || x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
            throw bad(
                    field,
                    "an integer " + (x > 0 ? "<= " + Integer.MAX_VALUE : ">= " + Integer.MIN_VALUE),
                    v);
        }
        return (int) x;
    }

    /** An optional integer field. */
    public int integer(String field, int fallback) {
        return has(field) ? integer(field) : fallback;
    }

    /** A required finite number. */
    public double number(String field) {
        JsonNode v = require(field, JsonNodeType.NUMBER, "a number");
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw bad(field, "a finite number", v);
        }
        return d;
    }

    /** An optional finite number. */
    public double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    /** A required boolean. */
    public boolean flag(String field) {
        return require(field, JsonNodeType.BOOLEAN, "true or false").booleanValue();
    }

    /** An optional boolean. */
    public boolean flag(String field, boolean fallback) {
        return has(field) ? flag(field) : fallback;
    }

    /** A required list of strings. */
    public List<String> strings(String field) {
        JsonNode v = require(field, JsonNodeType.ARRAY, "a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw bad(field, "a list of strings", v);
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A required nested object. */
    public Config object(String field) {
        return new Config(
                require(field, JsonNodeType.OBJECT, "an object"),
                path + " field \"" + ParamType.escaped(field) + "\"");
    }

    /**
     * The most seeds a config may ask for: each seed is a whole run, kept in memory with its curve.
     */
    public static final int MAX_SEEDS = 1_000_000;

    private void requireAtMostMaxSeeds(String field, int count) {
        if (count > MAX_SEEDS) {
            throw new IllegalArgumentException(
                    "config field \""
                            + field
                            + "\" asks for "
                            + count
                            + " seeds, more than the "
                            + MAX_SEEDS
                            + " a run may have (each seed is a whole run)");
        }
    }

    /**
     * Seeds: either a count {@code n} (seeds {@code 0..n-1}) or an explicit list of distinct
     * integers (at most {@link #MAX_SEEDS}); {@code defaultCount} seeds {@code 0..defaultCount-1}
     * when the field is absent.
     */
    public long[] seeds(String field, int defaultCount) {
        if (!has(field)) {
            return range(defaultCount);
        }
        JsonNode v = node.get(field);
        String expected = "a positive count or a list of distinct integers";
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            if (v.intValue() < 1) {
                throw bad(field, expected, v);
            }
            requireAtMostMaxSeeds(field, v.intValue());
            return range(v.intValue());
        }
        if (!v.isArray() || v.isEmpty()) {
            throw bad(field, expected, v);
        }
        requireAtMostMaxSeeds(field, v.size());
        long[] seeds = new long[v.size()];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < seeds.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToLong() || !seen.add(e.longValue())) {
                throw bad(field, expected, v);
            }
            seeds[i] = e.longValue();
        }
        return seeds;
    }

    /**
     * The JSON value of {@code field} as a declared parameter reads it ({@link
     * org.mfgkit.core.param.Param#fromJson}): numbers stay numbers, strings, booleans, lists of
     * those, or {@code null}.
     */
    public Object value(String field) {
        return value(node.get(field));
    }

    /** {@code v} as a plain Java value (see {@link #value(String)}). */
    public static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode e : v) {
                out.add(value(e));
            }
            return out;
        }
        return v.toString(); // an object: the declaration refuses it with its own message
    }

    /**
     * Applies every field of this object to {@code values} by the declarations of its schema: the
     * parameters of an algorithm or experiment given as a JSON object.
     */
    public org.mfgkit.core.param.ParamValues applyTo(org.mfgkit.core.param.ParamValues values) {
        org.mfgkit.core.param.ParamValues out = values;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            out = out.withJson(f, value(f));
        }
        return out;
    }

    private static long[] range(int n) {
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = i;
        }
        return seeds;
    }

    private JsonNode require(String field, JsonNodeType type, String expected) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(
                    path
                            + ": missing field \""
                            + ParamType.escaped(field)
                            + "\" ("
                            + expected
                            + ")");
        }
        if (v.getNodeType() != type) {
            throw bad(field, expected, v);
        }
        return v;
    }

    private IllegalArgumentException bad(String field, String expected, JsonNode got) {
        return new IllegalArgumentException(
                path
                        + " field \""
                        + ParamType.escaped(field)
                        + "\": expected "
                        + expected
                        + ", got "
                        + describe(got));
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String text = v.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
