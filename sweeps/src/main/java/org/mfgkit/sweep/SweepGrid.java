package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * The points of a sweep in their fixed order: grid combinations (first axis slowest), then random
 * samples, then seeds (fastest). Random sample {@code k} draws its parameters, in file order, from
 * {@code RandomStreams.derive(randomSeed, k)}, so a sample does not depend on how many there are or
 * where it runs.
 */
public final class SweepGrid {
    private SweepGrid() {}

    /** Every point of {@code spec}. */
    public static List<SweepPoint> points(SweepSpec spec) {
        List<Map<String, JsonNode>> samples = new ArrayList<>();
        int sampleCount = spec.random().isEmpty() ? 1 : spec.samples();
        for (int k = 0; k < sampleCount; k++) {
            Map<String, JsonNode> s = new LinkedHashMap<>();
            RandomGenerator rng = RandomStreams.derive(spec.randomSeed(), k);
            for (RandomParam r : spec.random()) {
                s.put(r.path(), r.draw(rng));
            }
            samples.add(s);
        }
        List<SweepPoint> out = new ArrayList<>(spec.pointCount());
        int[] digit = new int[spec.grid().size()];
        int combos = 1;
        for (Axis a : spec.grid()) {
            combos *= a.values().size();
        }
        for (int c = 0; c < combos; c++) {
            Map<String, JsonNode> g = new LinkedHashMap<>();
            for (int i = 0; i < digit.length; i++) {
                Axis a = spec.grid().get(i);
                g.put(a.path(), a.values().get(digit[i]));
            }
            for (Map<String, JsonNode> s : samples) {
                Map<String, JsonNode> v = new LinkedHashMap<>(g);
                v.putAll(s);
                for (long seed : spec.seeds()) {
                    out.add(new SweepPoint(out.size(), v, seed));
                }
            }
            for (int i = digit.length - 1; i >= 0; i--) {
                if (++digit[i] < spec.grid().get(i).values().size()) {
                    break;
                }
                digit[i] = 0;
            }
        }
        return out;
    }
}
