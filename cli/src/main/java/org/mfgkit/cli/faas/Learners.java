package org.mfgkit.cli.faas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.core.Activation;
import org.mfgkit.faas.EnsureManager;
import org.mfgkit.faas.EnsureTuner;
import org.mfgkit.faas.FaasComparison;
import org.mfgkit.faas.NacLinearLearner;
import org.mfgkit.faas.NacNeuralLearner;

/**
 * Builds the trainers of the learning managers from their config sections (defaults where absent).
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
                        out.put(m, nacLinear(c.has("nac_linear") ? c.object("nac_linear") : null));
                case "nac-nn", "nac-nn-quota" ->
                        out.put(m, nacNn(c.has("nac_nn") ? c.object("nac_nn") : null));
                case "ensure-tuned" -> {
                    Config t = c.has("ensure_tuning") ? c.object("ensure_tuning") : null;
                    if (t != null) {
                        t.allowOnly("candidates", "episodes_per_candidate");
                    }
                    out.put(
                            m,
                            new EnsureTuner(
                                    ensure,
                                    t == null ? 50 : t.integer("candidates", 50),
                                    t == null ? 2 : t.integer("episodes_per_candidate", 2)));
                }
                default -> {}
            }
        }
    }

    static NacLinearLearner nacLinear(Config c) {
        NacLinearLearner d = NacLinearLearner.defaults();
        if (c == null) {
            return d;
        }
        c.allowOnly(
                "iterations",
                "episodes_per_iteration",
                "eta",
                "lambda",
                "gamma",
                "critic_step",
                "critic_radius",
                "critic_passes",
                "actor_step",
                "actor_radius",
                "actor_passes",
                "greedy");
        return new NacLinearLearner(
                c.integer("iterations", d.iterations()),
                c.integer("episodes_per_iteration", d.episodesPerIteration()),
                c.number("eta", d.eta()),
                c.number("lambda", d.lambda()),
                c.number("gamma", d.gamma()),
                c.number("critic_step", d.criticStep()),
                c.number("critic_radius", d.criticRadius()),
                c.integer("critic_passes", d.criticPasses()),
                c.number("actor_step", d.actorStep()),
                c.number("actor_radius", d.actorRadius()),
                c.integer("actor_passes", d.actorPasses()),
                c.flag("greedy", d.greedy()));
    }

    static NacNeuralLearner nacNn(Config c) {
        NacNeuralLearner d = NacNeuralLearner.defaults();
        if (c == null) {
            return d;
        }
        c.allowOnly(
                "iterations",
                "episodes_per_iteration",
                "hidden",
                "activation",
                "learning_rate",
                "width_scaled_rate",
                "gamma",
                "gae_lambda",
                "mini_batch",
                "epochs",
                "kl_target",
                "beta0",
                "lambda",
                "output_std",
                "hidden_std",
                "greedy");
        return new NacNeuralLearner(
                c.integer("iterations", d.iterations()),
                c.integer("episodes_per_iteration", d.episodesPerIteration()),
                c.integer("hidden", d.hidden()),
                activation(c.string("activation", d.activation().label())),
                c.number("learning_rate", d.learningRate()),
                c.flag("width_scaled_rate", d.widthScaledRate()),
                c.number("gamma", d.gamma()),
                c.number("gae_lambda", d.gaeLambda()),
                c.integer("mini_batch", d.miniBatch()),
                c.integer("epochs", d.epochs()),
                c.number("kl_target", d.klTarget()),
                c.number("beta0", d.beta0()),
                c.number("lambda", d.lambda()),
                c.number("output_std", d.outputStd()),
                c.number("hidden_std", d.hiddenStd()),
                c.flag("greedy", d.greedy()));
    }

    static Activation activation(String label) {
        for (Activation a : Activation.values()) {
            if (a.label().equals(label.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Activation a : Activation.values()) {
            known.append(known.length() > 0 ? ", " : "").append(a.label());
        }
        throw new IllegalArgumentException(
                "config field \"activation\": unknown activation '"
                        + label
                        + "' (known: "
                        + known
                        + ")");
    }
}
