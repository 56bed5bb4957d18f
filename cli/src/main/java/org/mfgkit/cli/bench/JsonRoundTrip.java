package org.mfgkit.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.mfgkit.cli.output.Json;
import org.mfgkit.core.Curve;

/** Bench task: serialise and parse a 10-run x 1000-point curve with the shared mapper. */
final class JsonRoundTrip {

    private JsonRoundTrip() {}

    static BenchTask<Curve> task() {
        return BenchTask.of(
                "json-roundtrip",
                "serialise and parse a 10-run x 1000-point curve (Jackson, shared mapper)",
                JsonRoundTrip::curve,
                JsonRoundTrip::roundTrip);
    }

    static Curve curve() {
        double[][] runs = new double[10][1000];
        for (int r = 0; r < runs.length; r++) {
            for (int i = 0; i < 1000; i++) {
                runs[r][i] = Math.exp(-i / (100.0 + r)) / (1 + r);
            }
        }
        return new Curve("bench", Curve.range(1000), runs);
    }

    static JsonNode roundTrip(Curve curve) {
        ObjectMapper mapper = Json.mapper();
        try {
            byte[] bytes = mapper.writeValueAsBytes(curve);
            return mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
