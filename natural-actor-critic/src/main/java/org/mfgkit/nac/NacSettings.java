package org.mfgkit.nac;

import static org.mfgkit.nac.NacParams.ADVANTAGE;
import static org.mfgkit.nac.NacParams.ALGORITHM;
import static org.mfgkit.nac.NacParams.BETA;
import static org.mfgkit.nac.NacParams.ETA;
import static org.mfgkit.nac.NacParams.EVAL_EVERY;
import static org.mfgkit.nac.NacParams.INNER_ITERATIONS;
import static org.mfgkit.nac.NacParams.ITERATIONS;
import static org.mfgkit.nac.OracleParams.ACTOR;
import static org.mfgkit.nac.OracleParams.ACTOR_RADIUS;
import static org.mfgkit.nac.OracleParams.ACTOR_SAMPLES;
import static org.mfgkit.nac.OracleParams.ACTOR_STEP;
import static org.mfgkit.nac.OracleParams.CRITIC;
import static org.mfgkit.nac.OracleParams.CRITIC_RADIUS;
import static org.mfgkit.nac.OracleParams.CRITIC_SAMPLES;
import static org.mfgkit.nac.OracleParams.CRITIC_STEP;
import static org.mfgkit.nac.OracleParams.WARM_START;

import java.util.List;
import java.util.Map;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Everything that defines one NAC / DL-NAC run besides the game and the seed: the loop ({@link
 * NacParams}), the oracles ({@link OracleParams}), the population ({@code 0} = the exact {@code
 * Gamma2}, else {@code N} simulated agents) and the feature map. Backed by one {@link ParamValues}
 * of {@link #SCHEMA}, so text ({@code --set}), JSON values and typed values all go through the one
 * declaration of each parameter, and {@link #echo()} is what results record.
 *
 * <pre>{@code
 * NacSettings s = NacPresets.get("sis")                      // 004's SIS values
 *         .with(NacParams.ALGORITHM, "dl-nac")
 *         .with(NacParams.INNER_ITERATIONS, 300)
 *         .withJson("critic_samples", 1e3);                  // JSON numbers stay numbers
 * }</pre>
 */
public final class NacSettings {
    /** {@code N}. */
    public static final Param<Integer> POPULATION =
            Param.integer(
                            "population",
                            0,
                            "empirical population of N agents (0 = the exact Gamma2 operator)")
                    .check(Checks.nonNegative());

    /** The feature-map spec. */
    public static final Param<String> FEATURES =
            Param.text(
                            "features",
                            "one-hot",
                            "features phi(s,a) of the policy and the critic (centred coordinates)")
                    .check(Checks.featureSpec());

    /** Every parameter of a run, in the order results echo them. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(
                    "nac",
                    ALGORITHM,
                    ITERATIONS,
                    ETA,
                    BETA,
                    INNER_ITERATIONS,
                    CRITIC,
                    CRITIC_SAMPLES,
                    CRITIC_STEP,
                    CRITIC_RADIUS,
                    ACTOR,
                    ACTOR_SAMPLES,
                    ACTOR_STEP,
                    ACTOR_RADIUS,
                    WARM_START,
                    ADVANTAGE,
                    POPULATION,
                    EVAL_EVERY,
                    FEATURES);

    /**
     * The keys a config's {@code "params"} and {@code --set} take: every key but {@code algorithm}
     * and {@code iterations}, which a variant and the run length set.
     */
    public static final List<String> KEYS =
            SCHEMA.names().stream()
                    .filter(k -> !k.equals(ALGORITHM.name()) && !k.equals(ITERATIONS.name()))
                    .toList();

    private final ParamValues values;
    private final NacParams loop;
    private final OracleParams oracles;

    private NacSettings(ParamValues values) {
        if (values.schema() != SCHEMA) {
            throw new IllegalArgumentException("values of another schema: " + values.schema());
        }
        this.values = values;
        this.loop =
                new NacParams(
                        NacParams.Algorithm.of(values.get(ALGORITHM)),
                        values.get(ITERATIONS),
                        values.get(ETA),
                        values.get(BETA),
                        values.get(INNER_ITERATIONS),
                        NacParams.AdvantageTarget.of(values.get(ADVANTAGE)),
                        values.get(EVAL_EVERY));
        this.oracles =
                new OracleParams(
                        OracleParams.CriticKind.of(values.get(CRITIC)),
                        values.get(CRITIC_SAMPLES),
                        values.get(CRITIC_STEP),
                        values.get(CRITIC_RADIUS),
                        OracleParams.ActorKind.of(values.get(ACTOR)),
                        values.get(ACTOR_SAMPLES),
                        values.get(ACTOR_STEP),
                        values.get(ACTOR_RADIUS),
                        values.get(WARM_START));
    }

    /**
     * Every parameter at its declared default (004's SIS values, one-hot, exact {@code Gamma2}).
     */
    public static NacSettings defaults() {
        return new NacSettings(SCHEMA.defaults());
    }

    /** The settings of {@code values} (of {@link #SCHEMA}). */
    public static NacSettings of(ParamValues values) {
        return new NacSettings(values);
    }

    /** A copy with {@code param} set to {@code value} (validated by its declaration). */
    public <T> NacSettings with(Param<T> param, T value) {
        return new NacSettings(values.with(param, value));
    }

    /** A copy with the parameter {@code name} parsed from {@code --set} text. */
    public NacSettings withText(String name, String text) {
        return new NacSettings(values.withText(name, text));
    }

    /** A copy with every {@code name -> text} override applied. */
    public NacSettings withTexts(Map<String, String> overrides) {
        return new NacSettings(values.withTexts(overrides));
    }

    /** A copy with the parameter {@code name} from a JSON value (numbers stay numbers). */
    public NacSettings withJson(String name, Object json) {
        return new NacSettings(values.withJson(name, json));
    }

    /** A copy with another algorithm. */
    public NacSettings withAlgorithm(NacParams.Algorithm algorithm) {
        return with(ALGORITHM, algorithm.label());
    }

    /** A copy with another number of iterations. */
    public NacSettings withIterations(int iterations) {
        return with(ITERATIONS, iterations);
    }

    /** A copy with both oracles exact (the ablation of SPEC §3). */
    public NacSettings withExactOracles() {
        return with(CRITIC, "exact").with(ACTOR, "exact");
    }

    /** The loop hyper-parameters. */
    public NacParams loop() {
        return loop;
    }

    /** The oracles' settings. */
    public OracleParams oracles() {
        return oracles;
    }

    /** The population size {@code N}, 0 for the exact {@code Gamma2}. */
    public int population() {
        return values.get(POPULATION);
    }

    /** The feature-map spec ({@link FeatureMap#fromSpec}). */
    public String features() {
        return values.get(FEATURES);
    }

    /** The feature map for a game of {@code nS x nA}. */
    public FeatureMap featureMap(int nS, int nA) {
        return FeatureMap.fromSpec(features(), nS, nA);
    }

    /** The underlying values. */
    public ParamValues values() {
        return values;
    }

    /** Every value by name, in {@link #SCHEMA} order, as results record them. */
    public Map<String, Object> echo() {
        return values.echo();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NacSettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
