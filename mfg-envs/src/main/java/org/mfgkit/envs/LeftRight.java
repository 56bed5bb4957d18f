package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mfgkit.core.Simplex;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;

/**
 * The left-right crowd-aversion game (Cui &amp; Koeppl 2021, "Approximately solving mean field
 * games via entropy-regularized deep reinforcement learning", AISTATS; MFGLib's {@code
 * Environment.left_right()}). States {@code 0} (centre), {@code 1} (left), {@code 2} (right);
 * actions {@code 0} (go left), {@code 1} (go right); every agent moves deterministically to {@code
 * 1 + a}. Reward at step {@code t}: {@code -mu_t(1)} in the left state, {@code -2 mu_t(2)} in the
 * right one, 0 in the centre. With {@code T = 1} and everyone starting in the centre, the
 * equilibrium goes left with probability {@code 2/3} (then {@code mu_1(1) = 2 mu_1(2)}); the
 * uniform policy's exploitability is {@code 1/4}.
 */
public final class LeftRight implements FiniteHorizonMeanFieldGame {
    /**
     * Parameters.
     *
     * @param T last decision step (MFGLib: 1)
     * @param gamma discount in {@code [0,1]}
     * @param lambda entropy-regularisation weight {@code >= 0}
     * @param mu0 initial distribution over (centre, left, right); MFGLib: {@code (1, 0, 0)}
     */
    public record Params(int T, double gamma, double lambda, double[] mu0) implements EnvParams {
        /** Parameter names, as {@code --set} accepts them. */
        public static final List<String> KEYS = List.of("T", "gamma", "lambda", "mu0");

        /** Validates every field. */
        public Params {
            ParamText.horizon(T);
            ParamText.finiteHorizonDiscount(gamma);
            ParamText.lambda(lambda);
            mu0 = Simplex.requireDistribution("mu0", mu0, 3).clone();
        }

        /**
         * MFGLib's defaults: {@code T = 1}, undiscounted, unregularised, everyone in the centre.
         */
        public static Params defaults() {
            return new Params(1, 1.0, 0.0, new double[] {1.0, 0.0, 0.0});
        }

        /** A copy with another {@code T}. */
        public Params withT(int v) {
            return new Params(v, gamma, lambda, mu0);
        }

        /** A copy with another {@code gamma}. */
        public Params withGamma(double v) {
            return new Params(T, v, lambda, mu0);
        }

        /** A copy with another {@code lambda}. */
        public Params withLambda(double v) {
            return new Params(T, gamma, v, mu0);
        }

        /** A copy with another {@code mu0}. */
        public Params withMu0(double[] v) {
            return new Params(T, gamma, lambda, v);
        }

        @Override
        public double[] mu0() {
            return mu0.clone();
        }

        @Override
        public Map<String, Object> asMap() {
            return ParamRecords.asMap(KEYS, T, gamma, lambda, mu0);
        }

        @Override
        public Params with(String key, String value) {
            return switch (key) {
                case "T" -> withT(ParamText.integer(key, value));
                case "gamma" -> withGamma(ParamText.real(key, value));
                case "lambda" -> withLambda(ParamText.real(key, value));
                case "mu0" -> withMu0(ParamText.distributionOrUniform(key, value, 3));
                default -> throw ParamText.unknownKey("left-right", key, KEYS);
            };
        }

        private Object[] components() {
            return new Object[] {T, gamma, lambda, mu0};
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Params p && ParamRecords.equal(components(), p.components());
        }

        @Override
        public int hashCode() {
            return ParamRecords.hash(components());
        }

        @Override
        public String toString() {
            return ParamRecords.describe("LeftRight.Params", asMap());
        }
    }

    private final Params params;

    /** The game with the given parameters. */
    public LeftRight(Params params) {
        if (params == null) {
            throw new IllegalArgumentException("left-right parameters are required");
        }
        this.params = params;
    }

    /** The game with {@link Params#defaults()}. */
    public LeftRight() {
        this(Params.defaults());
    }

    /** The parameters. */
    public Params params() {
        return params;
    }

    @Override
    public int nS() {
        return 3;
    }

    @Override
    public int nA() {
        return 2;
    }

    @Override
    public int horizon() {
        return params.T();
    }

    @Override
    public double gamma() {
        return params.gamma();
    }

    @Override
    public double lambda() {
        return params.lambda();
    }

    @Override
    public double[] mu0() {
        return params.mu0();
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        Arrays.fill(out, 0, 18, 0.0);
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 2; a++) {
                out[(s * 2 + a) * 3 + 1 + a] = 1.0;
            }
        }
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        for (int a = 0; a < 2; a++) {
            out[a] = 0.0;
            out[2 + a] = -mu[1];
            out[4 + a] = -2.0 * mu[2];
        }
    }
}
