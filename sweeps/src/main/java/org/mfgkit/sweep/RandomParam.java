package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.Serializable;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A parameter drawn at random: uniformly on {@code [min, max]} (on a log scale: {@code log x}
 * uniform), rounded to an integer when {@code integer}, or uniformly from {@code choices}.
 *
 * @param path dotted path into the base config
 * @param range the interval, or null for a choice
 * @param choices the values to choose from, or an empty list for a range
 */
public record RandomParam(String path, Range range, List<JsonNode> choices)
        implements Serializable {

    /** Validates the fields. */
    public RandomParam {
        choices = List.copyOf(choices);
        if ((range == null) == choices.isEmpty()) {
            throw new IllegalArgumentException(path + ": give either a range or choices");
        }
    }

    /** One draw from {@code rng} (exactly one {@code nextDouble} or {@code nextInt} call). */
    public JsonNode draw(RandomGenerator rng) {
        if (range == null) {
            return choices.get(rng.nextInt(choices.size()));
        }
        double u = rng.nextDouble();
        double x =
                range.log()
                        ? Math.exp(
                                Math.log(range.min())
                                        + u * (Math.log(range.max()) - Math.log(range.min())))
                        : range.min() + u * (range.max() - range.min());
        x = Math.min(range.max(), Math.max(range.min(), x));
        return range.integer() ? LongNode.valueOf(Math.round(x)) : DoubleNode.valueOf(x);
    }

    /** Whether the draws are numbers. */
    public boolean numeric() {
        return range != null || choices.stream().allMatch(JsonNode::isNumber);
    }
}
