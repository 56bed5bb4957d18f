package org.mfgkit.envs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What the environments' {@code Params} records share. Their {@code double[] mu0} component makes
 * the records' generated {@code equals}/{@code hashCode}/{@code toString} compare, hash and print
 * the array by identity, so each record overrides them with these, passing its components in
 * declaration order: numbers compare with {@code ==}, arrays by content ({@link Arrays#equals}),
 * and the hash is {@code Objects.hash} of the components with each array replaced by its {@link
 * Arrays#hashCode}.
 */
final class ParamRecords {
    private ParamRecords() {}

    /**
     * {@link EnvParams#asMap()}: {@code keys.get(i) -> values[i]} in key order, arrays copied.
     *
     * @throws IllegalStateException when the counts differ (a programming error in a record)
     */
    static Map<String, Object> asMap(List<String> keys, Object... values) {
        if (keys.size() != values.length) {
            throw new IllegalStateException(
                    keys.size() + " parameter names for " + values.length + " values");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(keys.get(i), values[i] instanceof double[] v ? v.clone() : values[i]);
        }
        return m;
    }

    /** Component-wise equality of two records of the same type. */
    static boolean equal(Object[] components, Object[] other) {
        for (int i = 0; i < components.length; i++) {
            Object x = components[i];
            Object y = other[i];
            boolean same =
                    x instanceof Double dx && y instanceof Double dy
                            ? dx.doubleValue() == dy.doubleValue()
                            : x instanceof double[] ax && y instanceof double[] ay
                                    ? Arrays.equals(ax, ay)
                                    : Objects.equals(x, y);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The hash of the components, arrays by content. */
    static int hash(Object... components) {
        Object[] h = components.clone();
        for (int i = 0; i < h.length; i++) {
            if (h[i] instanceof double[] v) {
                h[i] = Arrays.hashCode(v);
            }
        }
        return Arrays.hashCode(h);
    }

    /** {@code name[key=value, ...]} over {@code asMap()}, arrays printed by content. */
    static String describe(String name, Map<String, Object> map) {
        StringJoiner j = new StringJoiner(", ", name + "[", "]");
        map.forEach((k, v) -> j.add(k + "=" + (v instanceof double[] d ? Arrays.toString(d) : v)));
        return j.toString();
    }
}
