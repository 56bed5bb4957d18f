package org.mfgkit.cli.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.progress.ProgressFactory;
import org.mfgkit.core.Curve;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.envs.Games;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.nac.NacParams;
import org.mfgkit.nac.NacPresets;
import org.mfgkit.nac.NacSettings;
import org.mfgkit.nac.NacStudy;
import org.mfgkit.nac.NacStudyResult;

/**
 * The library reproduction of {@code experiments/sis-nac.json} shown in the natural-actor-critic
 * README, compiled and run here with a small budget (1 seed, 30 iterations instead of 10 and 3000),
 * and checked against {@code mfgkit run} on that config with the same budget: identical curves, bit
 * for bit.
 */
class NacLibraryExampleTest {
    @TempDir Path dir;

    private static final int SEEDS = 1; // README: 10
    private static final int T = 30; // README: the preset's 3000

    @Test
    void readmeExampleGivesTheCommandsCurves() throws Exception {
        // --- the README example (budget lines marked) ---
        MeanFieldGame sis = Games.create("sis").stationary(); // mfg-envs
        NacSettings preset = NacPresets.get("sis").withIterations(T); // 004's SIS values
        NacStudy study =
                new NacStudy(
                        List.of(
                                new NacStudy.Variant("NAC", preset),
                                new NacStudy.Variant(
                                        "DL-NAC",
                                        preset.withAlgorithm(NacParams.Algorithm.DL_NAC)
                                                .with(NacParams.INNER_ITERATIONS, 300))),
                        NacStudy.seeds(SEEDS),
                        true); // mean_field_gap
        NacStudyResult r =
                study.run(sis, pi -> Exploitability.of(sis, pi).exploitability(), 2, null);
        Curve nac = r.variants().get(0).exploitability(); // one run per seed
        // --- end of the README example ---

        ObjectNode config = (ObjectNode) Json.read(Path.of("../experiments/sis-nac.json"));
        config.put("seeds", SEEDS);
        config.put("iterations", T);
        @SuppressWarnings("unchecked")
        Map<String, Object> cli =
                (Map<String, Object>)
                        new NacExperiment()
                                .run(
                                        config,
                                        new RunContext(dir, ProgressFactory.silent(), false, 1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) cli.get("variants");
        assertEquals(2, variants.size());
        for (int v = 0; v < 2; v++) {
            NacStudyResult.VariantResult lib = r.variants().get(v);
            assertEquals(variants.get(v).get("name"), lib.name());
            assertEquals(
                    Json.toString(variants.get(v).get("settings")),
                    Json.toString(lib.settings().echo()));
            double[][] curves = (double[][]) variants.get(v).get("per_seed_curves");
            assertArrayEquals(curves[0], lib.exploitability().runs()[0]);
            assertArrayEquals(
                    (double[]) variants.get(v).get("mean_field_gap_mean_curve"),
                    lib.meanFieldGap().mean());
        }
        assertEquals(T + 1, nac.size());
        JsonNode uniform = Json.toTree(cli.get("uniform_exploitability"));
        assertEquals(uniform.doubleValue(), r.uniformExploitability(), 0.0);
    }
}
