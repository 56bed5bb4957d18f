package org.mfgkit.cli.faas;

import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.core.NonFiniteException;
import org.mfgkit.core.param.ParamValues;
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
                case "nac-linear", "nac-linear-quota" -> {
                    ParamValues v =
                            FaasCompareExperiment.values(
                                    NacLinearLearner.SCHEMA, section(c, "nac_linear"));
                    out.put(m, explained(m, NacLinearLearner.of(v), v));
                }
                case "nac-nn", "nac-nn-quota" -> {
                    ParamValues v =
                            FaasCompareExperiment.values(
                                    NacNeuralLearner.SCHEMA, section(c, "nac_nn"));
                    out.put(m, explained(m, NacNeuralLearner.of(v), v));
                }
                case "ensure-tuned" -> {
                    ParamValues v =
                            FaasCompareExperiment.values(
                                    EnsureTuner.SCHEMA, section(c, "ensure_tuning"));
                    out.put(m, explained(m, EnsureTuner.of(ensure, v), v));
                }
                default -> {}
            }
        }
    }

    /**
     * {@code learner} whose NaN or infinity is reported in the user's terms ({@link
     * NonFiniteException#inTermsOf}): {@code "... in training nac-nn (parameter 0 (particle 0) is
     * not finite): learning_rate = 1.0E300 is far above its default 3.0E-4; lower it"}.
     */
    static FaasComparison.Learner explained(
            String name, FaasComparison.Learner learner, ParamValues... settings) {
        return new FaasComparison.Learner() {
            @Override
            public FaasComparison.Trained train(
                    FaasComparison.Spec spec, double[] targets, long seed, Runnable onIteration) {
                try {
                    return learner.train(spec, targets, seed, onIteration);
                } catch (NonFiniteException e) {
                    ParamValues[] all = java.util.Arrays.copyOf(settings, settings.length + 1);
                    all[settings.length] = spec.params().values();
                    throw e.inTermsOf("training " + name, all);
                }
            }

            @Override
            public int iterations() {
                return learner.iterations();
            }

            @Override
            public java.util.List<org.mfgkit.core.MemoryBudget.Term> memory(
                    FaasComparison.Spec spec) {
                return learner.memory(spec);
            }
        };
    }

    private static Config section(Config c, String name) {
        return c.has(name) ? c.object(name) : null;
    }
}
