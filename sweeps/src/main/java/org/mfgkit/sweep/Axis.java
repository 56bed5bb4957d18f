package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;

/**
 * One varied parameter of a sweep: the JSON path it sets in the base ({@code params.eta}, {@code
 * set.beta}) and its values in order.
 *
 * @param path dotted path into the base config ({@code a.b.0.c}; numbers index arrays)
 * @param values the values in grid order (numbers, strings or booleans as JSON)
 * @param logScale whether the values were spaced on a log scale (plots use a log x axis)
 */
public record Axis(String path, List<JsonNode> values, boolean logScale) implements Serializable {

    /** Validates the fields. */
    public Axis {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("axis path must be non-blank");
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(path + ": empty grid");
        }
    }

    /** Whether every value is a number. */
    public boolean numeric() {
        return values.stream().allMatch(JsonNode::isNumber);
    }
}
