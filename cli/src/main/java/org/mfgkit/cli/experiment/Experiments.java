package org.mfgkit.cli.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mfgkit.cli.faas.FaasCompareExperiment;
import org.mfgkit.cli.faas.FaasSweepExperiment;
import org.mfgkit.cli.nac.NacExperiment;
import org.mfgkit.cli.nplayer.NPlayerExperiment;

/**
 * The registry of experiment types, by name: a map filled by one {@code register(...)} line per
 * built-in type (the style of every registry in mfgkit). An instance is immutable; tests build
 * their own with {@link #of} and {@link #with}.
 */
public final class Experiments {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, Experiment> byName;

    private Experiments(List<Experiment> experiments) {
        Map<String, Experiment> map = new LinkedHashMap<>();
        for (Experiment e : experiments) {
            if (!NAME.matcher(e.name()).matches()) {
                throw new IllegalArgumentException(
                        "experiment name must be lower-case words joined by '-', got \""
                                + e.name()
                                + "\"");
            }
            if (map.putIfAbsent(e.name(), e) != null) {
                throw new IllegalArgumentException(
                        "two experiments are named \"" + e.name() + "\"");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The experiment types shipped with mfgkit, by name, in registration order. */
    private static final Map<String, Experiment> BUILT_IN = new LinkedHashMap<>();

    static {
        register(new NacExperiment());
        register(MeanFieldPolicyGradientExperiment.bandit());
        register(MeanFieldPolicyGradientExperiment.grid());
        register(new FaasCompareExperiment());
        register(new FaasSweepExperiment());
        register(new NPlayerExperiment());
    }

    /** Adds a built-in experiment type (one line each in the block above). */
    private static void register(Experiment e) {
        if (BUILT_IN.putIfAbsent(e.name(), e) != null) {
            throw new IllegalArgumentException("two experiments are named \"" + e.name() + "\"");
        }
    }

    /** The experiment types shipped with mfgkit. */
    public static Experiments builtIn() {
        return new Experiments(List.copyOf(BUILT_IN.values()));
    }

    /** A registry of exactly these experiments. */
    public static Experiments of(Experiment... experiments) {
        return new Experiments(List.of(experiments));
    }

    /** This registry plus {@code extra} (e.g. a fake experiment in a test). */
    public Experiments with(Experiment extra) {
        List<Experiment> all = new ArrayList<>(byName.values());
        all.add(extra);
        return new Experiments(all);
    }

    /** All experiment types, in registration order. */
    public List<Experiment> all() {
        return List.copyOf(byName.values());
    }

    /** The experiment named {@code name}, if registered. */
    public Optional<Experiment> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The experiment named {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown type and the known ones
     */
    public Experiment get(String name) {
        Experiment e = byName.get(name);
        if (e == null) {
            throw new IllegalArgumentException(
                    "unknown experiment type \""
                            + name
                            + "\" (known: "
                            + String.join(", ", byName.keySet())
                            + ")");
        }
        return e;
    }
}
