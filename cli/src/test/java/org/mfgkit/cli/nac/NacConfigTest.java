package org.mfgkit.cli.nac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.Tolerances;
import org.mfgkit.nac.FeatureMaps;
import org.mfgkit.nac.NacParams;

class NacConfigTest {
    @Test
    void presetsCarry004sHyperParameters() {
        NacParams sis = NacConfig.preset("sis").params();
        assertEquals(0.05, sis.eta());
        assertEquals(0.01, sis.beta());
        assertEquals(0.001, sis.criticStep());
        assertEquals(3000, sis.iterations());
        NacParams lq = NacConfig.preset("lq").params();
        assertEquals(0.1, lq.eta());
        assertEquals(0.05, lq.beta());
        assertEquals(0.001, lq.criticStep());
        assertEquals(600, lq.iterations());
        assertEquals("one-hot", NacConfig.preset("lq").features());
    }

    @Test
    void everyKeyParsesAndRoundTripsThroughAsMap() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("eta", "0.2");
        settings.put("beta", "0.5");
        settings.put("inner_iterations", "7");
        settings.put("critic", "exact");
        settings.put("critic_samples", "11");
        settings.put("critic_step", "0.01");
        settings.put("critic_radius", "5");
        settings.put("actor", "exact");
        settings.put("actor_samples", "13");
        settings.put("actor_step", "0.2");
        settings.put("actor_radius", "6");
        settings.put("warm_start", "false");
        settings.put("advantage", "shifted-q");
        settings.put("population", "100");
        settings.put("eval_every", "3");
        settings.put("features", "polynomial:3");
        NacConfig c = NacConfig.preset("sis").withAll(settings);
        assertEquals(settings.keySet().size(), NacConfig.KEYS.size());
        Map<String, Object> m = c.asMap();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            Object v = m.get(e.getKey());
            if (v instanceof Number n && !(v instanceof Integer)) {
                assertEquals(Double.parseDouble(e.getValue()), n.doubleValue(), 0.0, e.getKey());
            } else {
                assertEquals(e.getValue(), String.valueOf(v), e.getKey());
            }
        }
        assertEquals(NacParams.AdvantageTarget.SHIFTED_Q, c.params().advantage());
    }

    @Test
    void compactFeaturesUseThePositionsAndControlsOfLq() {
        FeatureMap phi = NacConfig.preset("lq").with("features", "polynomial:2").featureMap(25, 7);
        FeatureMap direct =
                FeatureMaps.polynomial(
                        FeatureMaps.symmetricGrid(12), FeatureMaps.symmetricGrid(3), 2);
        for (int s = 0; s < 25; s++) {
            for (int a = 0; a < 7; a++) {
                for (int k = 0; k < 6; k++) {
                    assertEquals(direct.get(s, a, k), phi.get(s, a, k), 0.0);
                }
            }
        }
        assertEquals(
                15,
                NacConfig.preset("lq").with("features", "radial:5:3:0.4").featureMap(25, 7).dim());
        assertEquals(175, NacConfig.preset("lq").featureMap(25, 7).dim());
    }

    @Test
    void badSettingsNameTheKey() {
        NacConfig c = NacConfig.preset("sis");
        assertMessage(
                () -> c.with("critic", "tdd"), "setting critic: expected td0 or exact, got 'tdd'");
        assertMessage(
                () -> c.with("eta", "fast"), "setting eta: expected a finite number, got 'fast'");
        assertMessage(
                () -> c.with("critic_samples", "0"),
                "setting critic_samples=0: criticSamples must be > 0, got 0");
        assertMessage(
                () -> c.with("features", "poly"),
                "setting features: expected one-hot, polynomial:DEGREE or "
                        + "radial:CENTRES_X:CENTRES_A:WIDTH, got 'poly'");
        assertMessage(
                () -> c.with("warm_start", "yes"),
                "setting warm_start: expected true or false, got 'yes'");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> c.with("alpha", "1"));
        assertTrue(
                e.getMessage().startsWith("unknown nac setting 'alpha' (known: eta, beta,"),
                e.getMessage());
    }

    @Test
    void largestRiseInDecades() {
        assertEquals(
                -1.0,
                NacExperiment.largestRise(new double[] {1, 0.1, 0.01, 0.001}),
                Tolerances.TEST_EXACT);
        // down 2 decades, up 1, down 2; the zero is skipped
        assertEquals(
                1.0,
                NacExperiment.largestRise(new double[] {1, 0.01, 0.0, 0.1, 0.001}),
                Tolerances.TEST_EXACT);
        assertTrue(Double.isNaN(NacExperiment.largestRise(new double[] {0.5})));
    }

    private static void assertMessage(
            org.junit.jupiter.api.function.Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
