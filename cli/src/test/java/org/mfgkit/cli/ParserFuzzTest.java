package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.MeanFieldPolicyGradientExperiment;
import org.mfgkit.cli.nac.NacExperiment;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.TextFiles;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.GamePreset;
import org.mfgkit.envs.Games;
import org.mfgkit.faas.AzureTrace;
import org.mfgkit.faas.ClusterSpec;
import org.mfgkit.faas.FunctionProfiles;
import org.mfgkit.faas.TraceReplay;

/**
 * Fuzz tests of the parsers of user input (Jazzer): a config of {@code mfgkit run}, a policy file
 * of {@code --policy}, {@code --set KEY=VALUE} of a game, and a trace file of {@code faas run}.
 * {@code @FuzzTest} tags them {@code jazzer}: they run in their own Surefire execution and fork
 * (cli/pom.xml), because Jazzer instruments the JVM that runs them. Every input is either accepted
 * or refused with an {@link IllegalArgumentException} (or an {@link IOException}) carrying a
 * non-blank one-line message: what the CLI turns into one line and exit 2. Anything else (a
 * NullPointerException, a ClassCastException, a NegativeArraySizeException, an OutOfMemoryError) is
 * a finding.
 *
 * <p>By default (regression mode) each target runs once per file of its seed corpus in {@code
 * src/test/resources/org/mfgkit/cli/ParserFuzzTestInputs/TARGET/}; {@code JAZZER_FUZZ=1 mvn -pl cli
 * -am test -Dtest=ParserFuzzTest#TARGET} fuzzes one target for 60 s (as {@code .ci/run} does).
 */
class ParserFuzzTest {
    private static final List<String> EXPERIMENTS = List.of("meanfield-bandit", "meanfield-grid");

    @FuzzTest(maxDuration = "60s")
    void config(byte[] bytes) throws Exception {
        checked(
                () -> {
                    JsonNode json = Json.parse(bytes, "fuzz.json");
                    String experiment = json.path("experiment").asText("");
                    if (experiment.equals("nac")) {
                        assertNotNull(new NacExperiment().plan(json).study());
                    } else if (EXPERIMENTS.contains(experiment)) {
                        MeanFieldPolicyGradientExperiment e =
                                experiment.equals("meanfield-bandit")
                                        ? MeanFieldPolicyGradientExperiment.bandit()
                                        : MeanFieldPolicyGradientExperiment.grid();
                        assertNotNull(e.plan(json).values());
                    }
                });
    }

    @FuzzTest(maxDuration = "60s")
    void policy(FuzzedDataProvider data) throws Exception {
        List<String> envs = List.of("sis", "sis-fh", "left-right", "lq-fh");
        GameModel env = Games.create(data.pickValue(envs));
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = Files.createTempFile("policy", ".json");
        try {
            Files.write(file, bytes);
            checked(() -> assertNotNull(PolicyFile.read(file, env)));
        } finally {
            Files.delete(file);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void set(FuzzedDataProvider data) throws Exception {
        GamePreset preset = data.pickValue(Games.builtIn().all());
        List<String> keys = preset.keys();
        String key = data.consumeBoolean() ? data.pickValue(keys) : data.consumeString(8);
        String value = data.consumeRemainingAsString();
        checked(() -> assertNotNull(preset.create(Map.of(key, value))));
    }

    /**
     * A trace file as {@code faas run} reads it: strict UTF-8 ({@link TextFiles}), the Azure schema
     * ({@link AzureTrace#parse}), then replayed at a load over its whole length (the scaling
     * divides by the rows' totals).
     */
    @FuzzTest(maxDuration = "60s")
    void trace(byte[] bytes) throws Exception {
        checked(
                () -> {
                    AzureTrace t =
                            AzureTrace.parse(
                                    new StringReader(TextFiles.decode(bytes, "fuzz.csv")),
                                    "fuzz.csv");
                    int k = Math.min(t.rows().size(), 12);
                    int[] rows = new int[k];
                    for (int f = 0; f < k; f++) {
                        rows[f] = f;
                    }
                    TraceReplay replay =
                            TraceReplay.atLoad(
                                    t,
                                    rows,
                                    FunctionProfiles.defaults().subList(0, k),
                                    ClusterSpec.defaults(),
                                    0.15,
                                    0,
                                    t.minutes(),
                                    TraceReplay.Normalisation.NATIVE);
                    for (int f = 0; f < k; f++) {
                        double rate = replay.meanRate(f);
                        assertTrue(Double.isFinite(rate) && rate >= 0.0, "rate " + rate);
                    }
                });
    }

    private interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body}; a refusal must be an IllegalArgumentException or IOException on one line.
     */
    private static void checked(Body body) throws Exception {
        try {
            body.run();
        } catch (IllegalArgumentException | IOException e) {
            String m = e.getMessage();
            assertNotNull(m, e.toString());
            assertFalse(m.isBlank(), e.toString());
            assertFalse(m.contains("\n"), m);
        }
    }
}
