package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mfgkit.core.Tolerances;

class NacSettingsTest {
    @Test
    void presetsCarry004sHyperParameters() {
        NacSettings sis = NacPresets.get("sis");
        assertEquals(0.05, sis.loop().eta());
        assertEquals(0.01, sis.loop().beta());
        assertEquals(0.001, sis.oracles().criticStep());
        assertEquals(3000, sis.loop().iterations());
        assertEquals(10_000, sis.oracles().criticSamples());
        assertEquals(1_000, sis.oracles().actorSamples());
        NacSettings lq = NacPresets.get("lq");
        assertEquals(0.1, lq.loop().eta());
        assertEquals(0.05, lq.loop().beta());
        assertEquals(0.001, lq.oracles().criticStep());
        assertEquals(600, lq.loop().iterations());
        assertEquals(20_000, lq.oracles().criticSamples());
        assertEquals(10_000, lq.oracles().actorSamples());
        assertEquals("one-hot", lq.features());
        assertEquals(List.of("sis", "lq"), NacPresets.names());
    }

    @Test
    void unknownPresetIsRefusedNotDefaultedToSis() {
        assertMessage(
                () -> NacPresets.get("sis-fh"), "unknown NAC preset 'sis-fh' (known: sis, lq)");
    }

    @Test
    void everyKeyParsesAndRoundTripsThroughTheEcho() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("eta", "0.2");
        settings.put("beta", "0.5");
        settings.put("inner_iterations", "7");
        settings.put("critic", "exact");
        settings.put("critic_samples", "11");
        settings.put("critic_step", "0.01");
        settings.put("critic_radius", "5.0");
        settings.put("actor", "exact");
        settings.put("actor_samples", "13");
        settings.put("actor_step", "0.2");
        settings.put("actor_radius", "6.0");
        settings.put("warm_start", "false");
        settings.put("advantage", "shifted-q");
        settings.put("population", "100");
        settings.put("eval_every", "3");
        settings.put("features", "polynomial:3");
        NacSettings c = NacPresets.get("sis").withTexts(settings);
        assertEquals(settings.keySet(), new java.util.HashSet<>(NacSettings.KEYS));
        Map<String, Object> echo = c.echo();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            assertEquals(e.getValue(), String.valueOf(echo.get(e.getKey())), e.getKey());
        }
        assertEquals(NacParams.AdvantageTarget.SHIFTED_Q, c.loop().advantage());
        assertEquals(OracleParams.CriticKind.EXACT, c.oracles().critic());
        assertEquals(100, c.population());
        // the echo lists every parameter, algorithm and iterations first
        assertEquals(NacSettings.SCHEMA.names(), List.copyOf(echo.keySet()));
        assertEquals("algorithm", NacSettings.SCHEMA.names().get(0));
    }

    @Test
    void jsonNumbersStayNumbers() {
        // Jackson reads 1e3 as the double 1000.0: an integral value is a valid integer
        NacSettings c = NacPresets.get("sis").withJson("critic_samples", 1e3);
        assertEquals(1000, c.oracles().criticSamples());
        assertEquals(0.5, c.withJson("beta", 0.5).loop().beta());
        assertMessage(
                () -> c.withJson("critic_samples", 10.5),
                "critic_samples must be an integer, got 10.5");
    }

    @Test
    void badSettingsNameTheKeyWithTheDeclarationsMessage() {
        NacSettings c = NacPresets.get("sis");
        assertMessage(
                () -> c.withText("critic", "tdd"), "critic must be one of td0, exact, got tdd");
        assertMessage(() -> c.withText("eta", "fast"), "eta must be a finite number, got 'fast'");
        assertMessage(() -> c.withText("critic_samples", "0"), "critic_samples must be > 0, got 0");
        assertMessage(() -> c.withText("beta", "0"), "beta must be in (0,1], got 0.0");
        assertMessage(
                () -> c.withText("features", "poly"),
                "features must be one-hot, polynomial:DEGREE or "
                        + "radial:CENTRES_X:CENTRES_A:WIDTH, got poly");
        assertMessage(
                () -> c.withText("warm_start", "yes"),
                "warm_start must be true or false, got 'yes'");
        // typed values go through the same declarations
        assertMessage(
                () -> c.loop().withEta(Double.POSITIVE_INFINITY),
                "eta must be a finite number, got Infinity");
        assertMessage(() -> c.loop().withInnerIterations(0), "inner_iterations must be > 0, got 0");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> c.withText("alpha", "1"));
        assertTrue(
                e.getMessage().startsWith("unknown parameter 'alpha' for nac (known: algorithm,"),
                e.getMessage());
    }

    @Test
    void largestRiseInDecades() {
        assertEquals(
                -1.0,
                NacStudyResult.largestRise(new double[] {1, 0.1, 0.01, 0.001}),
                Tolerances.TEST_EXACT);
        // down 2 decades, up 1, down 2; the zero is skipped
        assertEquals(
                1.0,
                NacStudyResult.largestRise(new double[] {1, 0.01, 0.0, 0.1, 0.001}),
                Tolerances.TEST_EXACT);
        assertTrue(Double.isNaN(NacStudyResult.largestRise(new double[] {0.5})));
    }

    @Test
    void oneHotFeaturesAreRecognised() {
        assertTrue(Tables.isOneHot(org.mfgkit.core.FeatureMap.oneHot(3, 2)));
        assertTrue(
                !Tables.isOneHot(
                        org.mfgkit.core.FeatureMap.polynomial(
                                org.mfgkit.core.FeatureMap.symmetricGrid(12),
                                org.mfgkit.core.FeatureMap.symmetricGrid(3),
                                1)));
    }

    private static void assertMessage(Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
