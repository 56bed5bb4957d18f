package org.mfgkit.cli.faas;

import java.util.List;
import java.util.Map;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.faas.FaasComparison;

/** Builds the trainers of the learning managers from their config sections. */
final class Learners {
    private Learners() {
    }

    /** Adds a trainer for every learning manager in {@code managers}, configured by its section. */
    static void configure(Config c, List<String> managers, Map<String, FaasComparison.Learner> out) {
        // the learning managers are added with the natural-actor-critic module (phase 2)
    }
}
