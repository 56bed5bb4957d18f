package org.mfgkit.envs;

import java.util.List;
import java.util.Map;
import org.mfgkit.core.Simplex;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * The SIS epidemic mean-field game, stationary and discounted (004 Appendix D, SPEC §2.1; the model
 * of Cui &amp; Koeppl 2021). States {@code S = 0} (susceptible), {@code I = 1} (infected); actions
 * {@code U = 0} (go out), {@code D = 1} (social distancing). {@code P(I|S,U,mu) = c mu(I)}, {@code
 * P(I|S,D,mu) = 0}, {@code P(S|I,a,mu) = 0.3}; {@code r(s,a,mu) = -1{s = I} - 0.5 * 1{a = D}}. The
 * seed text's "0.92" is {@code 0.9^2 = 0.81}.
 */
public final class SisEpidemic implements MeanFieldGame {
    /** Susceptible state. */
    public static final int S = 0;

    /** Infected state. */
    public static final int I = 1;

    /** Action "go out". */
    public static final int U = 0;

    /** Action "social distancing". */
    public static final int D = 1;

    /** Recovery probability {@code P(S|I,a)}. */
    public static final double RECOVERY = 0.3;

    /** Cost of being infected. */
    public static final double COST_INFECTED = 1.0;

    /** Cost of social distancing. */
    public static final double COST_DISTANCING = 0.5;

    /**
     * Parameters (SPEC §2.1).
     *
     * @param c infection constant, {@code P(I|S,U,mu) = c mu(I)}, in {@code [0,1]}
     * @param gamma discount factor in {@code [0,1)}
     * @param lambda entropy-regularisation weight {@code >= 0}
     * @param mu0 initial distribution {@code (S, I)}, also the {@code rho} of values
     */
    public record Params(double c, double gamma, double lambda, double[] mu0) implements EnvParams {
        /** Parameter names, as {@code --set} accepts them. */
        public static final List<String> KEYS = List.of("c", "gamma", "lambda", "mu0");

        /** Validates every field and copies {@code mu0}. */
        public Params {
            SisKernel.requireC(c);
            ParamText.discount(gamma);
            ParamText.lambda(lambda);
            mu0 = Simplex.requireDistribution("mu0", mu0, SisKernel.N).clone();
        }

        /**
         * 004's values: {@code c = 0.81}, {@code gamma = 0.9}, {@code lambda = 0.1}, {@code mu0 =
         * (0.4, 0.6)}.
         */
        public static Params defaults() {
            return new Params(0.81, 0.9, 0.1, new double[] {0.4, 0.6});
        }

        /** A copy with another {@code c}. */
        public Params withC(double newC) {
            return new Params(newC, gamma, lambda, mu0);
        }

        /** A copy with another {@code gamma}. */
        public Params withGamma(double newGamma) {
            return new Params(c, newGamma, lambda, mu0);
        }

        /** A copy with another {@code lambda}. */
        public Params withLambda(double newLambda) {
            return new Params(c, gamma, newLambda, mu0);
        }

        /** A copy with another {@code mu0}. */
        public Params withMu0(double[] newMu0) {
            return new Params(c, gamma, lambda, newMu0);
        }

        @Override
        public double[] mu0() {
            return mu0.clone();
        }

        @Override
        public Map<String, Object> asMap() {
            return ParamRecords.asMap(KEYS, c, gamma, lambda, mu0);
        }

        @Override
        public Params with(String key, String value) {
            return switch (key) {
                case "c" -> withC(ParamText.real(key, value));
                case "gamma" -> withGamma(ParamText.real(key, value));
                case "lambda" -> withLambda(ParamText.real(key, value));
                case "mu0" -> withMu0(ParamText.distributionOrUniform(key, value, SisKernel.N));
                default -> throw ParamText.unknownKey("sis", key, KEYS);
            };
        }

        private Object[] components() {
            return new Object[] {c, gamma, lambda, mu0};
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
            return ParamRecords.describe("SisEpidemic.Params", asMap());
        }
    }

    private final Params params;

    /** The game with the given parameters. */
    public SisEpidemic(Params params) {
        if (params == null) {
            throw new IllegalArgumentException("SIS parameters are required");
        }
        this.params = params;
    }

    /** The game with {@link Params#defaults()}. */
    public SisEpidemic() {
        this(Params.defaults());
    }

    /** The parameters. */
    public Params params() {
        return params;
    }

    @Override
    public int nS() {
        return SisKernel.N;
    }

    @Override
    public int nA() {
        return SisKernel.N;
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
    public void transitions(double[] mu, double[] out) {
        SisKernel.transitions(params.c(), mu, out);
    }

    @Override
    public void rewards(double[] mu, double[] out) {
        SisKernel.rewards(out);
    }
}
