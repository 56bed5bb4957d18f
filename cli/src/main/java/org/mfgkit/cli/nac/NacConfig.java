package org.mfgkit.cli.nac;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.nac.FeatureMaps;
import org.mfgkit.nac.NacParams;

/**
 * The settings of a NAC / DL-NAC run as the cli takes them ({@code --set key=value} of {@code
 * mfgkit solve}, the {@code "params"} objects of a {@code "nac"} experiment): the
 * natural-actor-critic {@link NacParams} plus the feature map. Keys are snake_case; every value is
 * parsed and validated here, and a bad one fails naming the key.
 *
 * <p>Presets ({@link #preset(String)}) hold 004's hyper-parameters per environment (Appendix D):
 * SIS {@code eta = 0.05, beta = 0.01}, LQ {@code eta = 0.1, beta = 0.05}, critic step 0.001 for
 * both, and this toolkit's sample budgets (see natural-actor-critic/README.md).
 *
 * @param params the learner's hyper-parameters
 * @param features feature-map spec: {@code one-hot}, {@code polynomial:D} or {@code radial:CX:CA:W}
 */
public record NacConfig(NacParams params, String features) {
    /** Every key {@link #with(String, String)} accepts. */
    public static final List<String> KEYS =
            List.of(
                    "eta",
                    "beta",
                    "inner_iterations",
                    "critic",
                    "critic_samples",
                    "critic_step",
                    "critic_radius",
                    "actor",
                    "actor_samples",
                    "actor_step",
                    "actor_radius",
                    "warm_start",
                    "advantage",
                    "population",
                    "eval_every",
                    "features");

    /** Validates the feature spec's syntax. */
    public NacConfig {
        if (params == null || features == null) {
            throw new IllegalArgumentException("nac config: params and features are required");
        }
        parseFeatures(features);
    }

    /**
     * 004's hyper-parameters for environment {@code env}: {@code sis} (T = 3000, eta = 0.05, beta =
     * 0.01, M = 100, K = 10 000 TD(0) and 1 000 SGD samples per iteration), {@code lq} (T = 600,
     * eta = 0.1, beta = 0.05, M = 100, K = 20 000 and 10 000); any other stationary environment
     * gets the SIS values. One-hot features.
     */
    public static NacConfig preset(String env) {
        NacParams sis = NacParams.defaults();
        if ("lq".equals(env)) {
            return new NacConfig(
                    sis.withIterations(600)
                            .withEta(0.1)
                            .withBeta(0.05)
                            .withCriticSamples(20_000)
                            .withActorSamples(10_000),
                    "one-hot");
        }
        return new NacConfig(sis, "one-hot");
    }

    /** This config with setting {@code key} parsed from {@code value}. */
    public NacConfig with(String key, String value) {
        String v = value == null ? "" : value.trim();
        NacParams p = params;
        try {
            switch (key) {
                case "eta" -> p = p.withEta(number(key, v));
                case "beta" -> p = p.withBeta(number(key, v));
                case "inner_iterations" -> p = p.withInnerIterations(integer(key, v));
                case "critic" ->
                        p =
                                p.withCritic(
                                        switch (v) {
                                            case "td0" -> NacParams.CriticKind.TD_ZERO;
                                            case "exact" -> NacParams.CriticKind.EXACT;
                                            default ->
                                                    throw new IllegalArgumentException(
                                                            "setting critic: expected td0 or exact, got '"
                                                                    + v
                                                                    + "'");
                                        });
                case "critic_samples" -> p = p.withCriticSamples(integer(key, v));
                case "critic_step" -> p = p.withCriticStep(number(key, v));
                case "critic_radius" -> p = p.withCriticRadius(number(key, v));
                case "actor" ->
                        p =
                                p.withActor(
                                        switch (v) {
                                            case "sgd" -> NacParams.ActorKind.SGD;
                                            case "exact" -> NacParams.ActorKind.EXACT;
                                            default ->
                                                    throw new IllegalArgumentException(
                                                            "setting actor: expected sgd or exact, got '"
                                                                    + v
                                                                    + "'");
                                        });
                case "actor_samples" -> p = p.withActorSamples(integer(key, v));
                case "actor_step" -> p = p.withActorStep(number(key, v));
                case "actor_radius" -> p = p.withActorRadius(number(key, v));
                case "warm_start" -> p = p.withWarmStart(bool(key, v));
                case "advantage" ->
                        p =
                                p.withAdvantage(
                                        switch (v) {
                                            case "soft-q" -> NacParams.AdvantageTarget.SOFT_Q;
                                            case "shifted-q" -> NacParams.AdvantageTarget.SHIFTED_Q;
                                            default ->
                                                    throw new IllegalArgumentException(
                                                            "setting advantage: expected soft-q or shifted-q, got '"
                                                                    + v
                                                                    + "'");
                                        });
                case "population" -> p = p.withPopulation(integer(key, v));
                case "eval_every" -> p = p.withEvalEvery(integer(key, v));
                case "features" -> {
                    return new NacConfig(p, v);
                }
                default ->
                        throw new IllegalArgumentException(
                                "unknown nac setting '"
                                        + key
                                        + "' (known: "
                                        + String.join(", ", KEYS)
                                        + ")");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains(key)) {
                throw e;
            }
            throw new IllegalArgumentException(
                    "setting " + key + "=" + v + ": " + e.getMessage(), e);
        }
        return new NacConfig(p, features);
    }

    /** This config with every setting of {@code settings} applied, in the map's order. */
    public NacConfig withAll(Map<String, String> settings) {
        NacConfig c = this;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /** This config with another algorithm. */
    public NacConfig withAlgorithm(NacParams.Algorithm algorithm) {
        return new NacConfig(params.withAlgorithm(algorithm), features);
    }

    /** This config with another iteration count. */
    public NacConfig withIterations(int iterations) {
        return new NacConfig(params.withIterations(iterations), features);
    }

    /** The feature map for a game of {@code nS x nA}. */
    public FeatureMap featureMap(int nS, int nA) {
        String[] parts = parseFeatures(features);
        if (parts[0].equals("one-hot")) {
            return FeatureMaps.oneHot(nS, nA);
        }
        double[] x = centred(nS);
        double[] a = centred(nA);
        if (parts[0].equals("polynomial")) {
            return FeatureMaps.polynomial(x, a, Integer.parseInt(parts[1]));
        }
        return FeatureMaps.radial(
                x,
                a,
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]),
                Double.parseDouble(parts[3]));
    }

    /** The settings by key, for {@code result.json}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", params.algorithm() == NacParams.Algorithm.NAC ? "nac" : "dl-nac");
        m.put("iterations", params.iterations());
        m.put("eta", params.eta());
        m.put("beta", params.beta());
        m.put("inner_iterations", params.innerIterations());
        m.put("critic", params.critic() == NacParams.CriticKind.TD_ZERO ? "td0" : "exact");
        m.put("critic_samples", params.criticSamples());
        m.put("critic_step", params.criticStep());
        m.put("critic_radius", params.criticRadius());
        m.put("actor", params.actor() == NacParams.ActorKind.SGD ? "sgd" : "exact");
        m.put("actor_samples", params.actorSamples());
        m.put("actor_step", params.actorStep());
        m.put("actor_radius", params.actorRadius());
        m.put("warm_start", params.warmStart());
        m.put(
                "advantage",
                params.advantage() == NacParams.AdvantageTarget.SOFT_Q ? "soft-q" : "shifted-q");
        m.put("population", params.population());
        m.put("eval_every", params.evalEvery());
        m.put("features", features);
        return m;
    }

    /**
     * Coordinates {@code i - (n-1)/2}: for the LQ game exactly the positions {@code x} and controls
     * {@code a}.
     */
    static double[] centred(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i - (n - 1) / 2.0;
        }
        return out;
    }

    private static String[] parseFeatures(String spec) {
        String[] parts = spec.split(":");
        String bad =
                "setting features: expected one-hot, polynomial:DEGREE or radial:CENTRES_X:CENTRES_A:WIDTH, got '"
                        + spec
                        + "'";
        try {
            switch (parts[0]) {
                case "one-hot" -> {
                    if (parts.length == 1) {
                        return parts;
                    }
                }
                case "polynomial" -> {
                    if (parts.length == 2 && Integer.parseInt(parts[1]) >= 1) {
                        return parts;
                    }
                }
                case "radial" -> {
                    if (parts.length == 4
                            && Integer.parseInt(parts[1]) >= 1
                            && Integer.parseInt(parts[2]) >= 1
                            && Double.parseDouble(parts[3]) > 0) {
                        return parts;
                    }
                }
                default -> {}
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad, e);
        }
        throw new IllegalArgumentException(bad);
    }

    private static double number(String key, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "setting " + key + ": expected a finite number, got '" + v + "'", e);
        }
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "setting " + key + ": expected an integer, got '" + v + "'", e);
        }
    }

    private static boolean bool(String key, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "setting " + key + ": expected true or false, got '" + v + "'");
        };
    }
}
