package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its index in the sweep's fixed order, the values of the varied parameters
 * by path, and the seed.
 *
 * @param index position in {@link SweepGrid} order (the row order of {@code sweep.csv})
 * @param values parameter path to value, in the sweep's parameter order
 * @param seed the seed
 */
public record SweepPoint(int index, Map<String, JsonNode> values, long seed)
        implements Serializable {

    /** Copies the map, keeping its order. */
    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
