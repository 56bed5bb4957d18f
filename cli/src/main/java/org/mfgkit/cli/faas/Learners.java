package org.mfgkit.cli.faas;

import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.faas.EnsureManager;
import org.mfgkit.faas.EnsureTuner;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.NacLinearLearner;
import org.mfgkit.faas.NacNeuralLearner;

/**
 * Maps the learners' config sections onto their declared parameters ({@link
 * NacLinearLearner#SCHEMA}, {@link NacNeuralLearner#SCHEMA}, {@link EnsureTuner#SCHEMA}; defaults
 * where absent).
 */
final class Learners {
    private Learners() {}

    /** Adds a trainer for every learning manager in {@code managers}, configured by its section. */
    static void configure(
            Config c,
            List<String> managers,
            Map<String, FaasComparison.Learner> out,
            EnsureManager ensure) {
        for (String m : managers) {
            switch (m) {
                case "nac-linear", "nac-linear-quota" ->
                        out.put(
                                m,
                                NacLinearLearner.of(
                                        FaasCompareExperiment.values(
                                                NacLinearLearner.SCHEMA,
                                                section(c, "nac_linear"))));
                case "nac-nn", "nac-nn-quota" ->
                        out.put(
                                m,
                                NacNeuralLearner.of(
                                        FaasCompareExperiment.values(
                                                NacNeuralLearner.SCHEMA, section(c, "nac_nn"))));
                case "ensure-tuned" ->
                        out.put(
                                m,
                                EnsureTuner.of(
                                        ensure,
                                        FaasCompareExperiment.values(
                                                EnsureTuner.SCHEMA, section(c, "ensure_tuning"))));
                default -> {}
            }
        }
    }

    private static Config section(Config c, String name) {
        return c.has(name) ? c.object(name) : null;
    }
}
