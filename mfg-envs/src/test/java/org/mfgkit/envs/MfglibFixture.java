package org.mfgkit.envs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;

/**
 * The reference numbers written by {@code python3 mfg-envs/scripts/mfglib_reference.py} (a float64
 * numpy transcription of MFGLib v0.3.0's games and algorithms, sharing no code with mfgkit) into
 * {@code src/test/resources/mfglib/reference.json}.
 */
final class MfglibFixture {
    private MfglibFixture() {}

    static final JsonNode ROOT = read("/mfglib/reference.json");

    static JsonNode read(String resource) {
        try (InputStream in = MfglibFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's random-linear instance ({@code random_linear_file}, next to the fixture). */
    static java.nio.file.Path randomLinearFile() {
        try {
            return java.nio.file.Path.of(
                    MfglibFixture.class
                            .getResource("/mfglib/" + ROOT.get("random_linear_file").asText())
                            .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The iterations at which curves are stored. */
    static int[] curveAt() {
        JsonNode at = ROOT.get("curve_at");
        int[] out = new int[at.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at.get(i).asInt();
        }
        return out;
    }

    /** {@code games.NAME.KEY} (a number) or {@code algorithms.GAME.ALG} (a curve) as doubles. */
    static double[] numbers(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("no such reference entry");
        }
        if (node.isNumber()) {
            return new double[] {node.asDouble()};
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    /**
     * A registered finite-horizon game as the mdp interface, with the script's instance where the
     * game is random ({@link MfglibGamesTest#game}).
     */
    static FiniteHorizonMeanFieldGame game(String name) {
        return MfglibGamesTest.game(name).finiteHorizon();
    }
}
