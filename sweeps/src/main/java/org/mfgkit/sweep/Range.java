package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A closed interval {@code [min, max]} on a linear or log scale, optionally of integers. The grid
 * of {@code count} values is {@code min + k (max - min) / (count - 1)}, on a log scale {@code min
 * (max/min)^(k/(count-1))}, {@code k = 0..count-1}; the end points are exactly {@code min} and
 * {@code max}.
 *
 * @param min lower end
 * @param max upper end ({@code >= min})
 * @param log log scale ({@code min > 0})
 * @param integer values rounded to the nearest integer
 */
public record Range(double min, double max, boolean log, boolean integer) implements Serializable {

    /** Validates the fields; {@code field} names the range in messages. */
    public static Range of(String field, double min, double max, boolean log, boolean integer) {
        if (min > max) {
            throw new IllegalArgumentException(
                    field + ": min " + min + " > max " + max + " (an empty range)");
        }
        if (log && !(min > 0)) {
            throw new IllegalArgumentException(
                    field + ": a log-scale range needs min > 0, got " + min);
        }
        if (integer && (Math.abs(min) > 1e15 || Math.abs(max) > 1e15)) {
            throw new IllegalArgumentException(field + ": integer range beyond +-1e15");
        }
        return new Range(min, max, log, integer);
    }

    /**
     * The {@code count} grid values (see the class comment).
     *
     * @throws IllegalArgumentException when integer rounding makes two values equal
     */
    public List<JsonNode> grid(String field, int count) {
        List<JsonNode> out = new ArrayList<>(count);
        LinkedHashSet<Long> seen = new LinkedHashSet<>();
        for (int k = 0; k < count; k++) {
            double x;
            if (count == 1 || k == 0) {
                x = min;
            } else if (k == count - 1) {
                x = max;
            } else if (log) {
                x = min * Math.pow(max / min, (double) k / (count - 1));
            } else {
                x = min + k * (max - min) / (count - 1);
            }
            if (integer) {
                long r = Math.round(x);
                if (!seen.add(r)) {
                    throw new IllegalArgumentException(
                            field
                                    + ": "
                                    + count
                                    + " integer values do not fit in ["
                                    + min
                                    + ", "
                                    + max
                                    + "] (rounding repeats "
                                    + r
                                    + ")");
                }
                out.add(LongNode.valueOf(r));
            } else {
                out.add(DoubleNode.valueOf(x));
            }
        }
        return out;
    }
}
