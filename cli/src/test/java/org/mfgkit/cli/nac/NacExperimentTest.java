package org.mfgkit.cli.nac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.CurveCsv;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.ProgressFactory;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Tolerances;

class NacExperimentTest {
    @TempDir Path dir;

    private static final String SMALL =
            """
            {"experiment": "nac", "env": "sis", "seeds": [4, 9, 2], "iterations": 120, "mean_field_gap": true,
             "params": {"critic_samples": 2000, "actor_samples": 300, "eval_every": 10},
             "variants": [{"name": "NAC", "algorithm": "nac"},
                          {"name": "DL", "algorithm": "dl-nac", "params": {"inner_iterations": 40, "population": 50}}]}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void writesCurvesAndTheSameNumbersForAnyThreadCount() throws Exception {
        JsonNode config = Json.mapper().readTree(SMALL);
        NacExperiment nac = new NacExperiment();
        Map<String, Object> one =
                (Map<String, Object>)
                        nac.run(
                                config,
                                new RunContext(
                                        dir.resolve("a"), ProgressFactory.silent(), false, 1));
        Map<String, Object> two =
                (Map<String, Object>)
                        nac.run(
                                config,
                                new RunContext(
                                        dir.resolve("b"), ProgressFactory.silent(), false, 2));
        List<Map<String, Object>> v1 = (List<Map<String, Object>>) one.get("variants");
        List<Map<String, Object>> v2 = (List<Map<String, Object>>) two.get("variants");
        assertEquals(2, v1.size());
        for (int i = 0; i < 2; i++) {
            for (String key :
                    List.of(
                            "per_seed_curves",
                            "final_policies",
                            "per_seed_average_policy_curves",
                            "mean_field_gap_mean_curve",
                            "final_exploitability_per_seed")) {
                assertEquals(
                        Json.toString(v1.get(i).get(key)), Json.toString(v2.get(i).get(key)), key);
            }
        }
        double[][] curves = (double[][]) v1.get(0).get("per_seed_curves");
        assertEquals(3, curves.length);
        assertEquals(13, curves[0].length); // t = 0, 10, ..., 120
        var sis = org.mfgkit.envs.Games.create("sis").stationary();
        assertEquals(
                org.mfgkit.envs.Exploitability.of(sis, org.mfgkit.core.TabularPolicy.uniform(2, 2))
                        .exploitability(),
                curves[0][0],
                Tolerances.TEST_EXACT); // pi_0 is uniform
        assertEquals(120L * 2000, v1.get(0).get("critic_samples_per_seed"));
        for (String f :
                List.of("curve.csv", "curve.png", "mean-field-gap.csv", "mean-field-gap.png")) {
            assertTrue(Files.size(dir.resolve("a").resolve(f)) > 0, f);
        }
        List<Curve> csv = CurveCsv.read(dir.resolve("a").resolve("curve.csv"));
        assertEquals(List.of("NAC", "DL"), csv.stream().map(Curve::name).toList());
        assertEquals(curves[1][5], csv.get(0).runs()[1][5], 0.0);
        assertTrue(((String) one.get("final_NAC")).startsWith("E(pi_T) mean "));
    }

    @Test
    void badConfigsFailBeforeRunning() throws Exception {
        NacExperiment nac = new NacExperiment();
        RunContext ctx = new RunContext(dir.resolve("x"), ProgressFactory.silent(), false, 1);
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"seed\": 3}",
                "config: unknown field \"seed\" (allowed: experiment, title, env, set, preset, seeds, iterations, params, variants, "
                        + "band, average_policy, mean_field_gap)");
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis-fh\"}",
                "experiment nac needs a stationary (discounted) game; 'sis-fh' is finite-horizon");
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"variants\": [{\"algorithm\": \"omd\"}]}",
                "algorithm must be one of nac, dl-nac, got omd");
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"params\": {\"eta\": \"x\"}}",
                "eta must be a finite number, got 'x'");
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"set\": {\"gamma\": 1}}",
                "gamma must be in [0,1), got 1.0");
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"variants\": [{\"name\": \"a\", "
                        + "\"algorithm\": \"nac\"}, {\"name\": \"a\", \"algorithm\": \"dl-nac\"}]}",
                "two variants are named \"a\"");
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    /** JSON numbers stay numbers: {@code 1e3} is the integer 1000 (it used to fail). */
    @Test
    @SuppressWarnings("unchecked")
    void jsonNumbersStayNumbers() throws Exception {
        JsonNode config =
                Json.mapper()
                        .readTree(
                                "{\"experiment\": \"nac\", \"env\": \"sis\", \"seeds\": 1, \"iterations\": 2,"
                                        + " \"params\": {\"critic_samples\": 1e3, \"actor_samples\": 1E2},"
                                        + " \"variants\": [{\"algorithm\": \"nac\"}]}");
        Map<String, Object> r =
                (Map<String, Object>)
                        new NacExperiment()
                                .run(
                                        config,
                                        new RunContext(
                                                dir.resolve("n"),
                                                ProgressFactory.silent(),
                                                false,
                                                1));
        Map<String, Object> v = ((List<Map<String, Object>>) r.get("variants")).get(0);
        assertEquals(2L * 1000, v.get("critic_samples_per_seed"));
        assertEquals(2L * 100, v.get("actor_samples_per_seed"));
        assertEquals(1000, ((Map<String, Object>) v.get("settings")).get("critic_samples"));
    }

    @Test
    void aGameWithoutAPresetIsRefusedNotGivenSisValues() throws Exception {
        NacExperiment nac = new NacExperiment();
        RunContext ctx = new RunContext(dir.resolve("p"), ProgressFactory.silent(), false, 1);
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"preset\": \"sis-fh\"}",
                "unknown NAC preset 'sis-fh' (known: sis, lq)");
        assertMessage(
                nac,
                ctx,
                "{\"experiment\": \"nac\", \"env\": \"sis\", \"band\": \"iqr\"}",
                "band must be one of min-max, std, got iqr");
    }

    private static void assertMessage(
            NacExperiment nac, RunContext ctx, String json, String message) throws Exception {
        JsonNode config = Json.mapper().readTree(json);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> nac.run(config, ctx));
        assertEquals(message, e.getMessage());
    }
}
