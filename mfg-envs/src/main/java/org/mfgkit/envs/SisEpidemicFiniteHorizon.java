package org.mfgkit.envs;

import java.util.List;
import java.util.Map;
import org.mfgkit.core.Simplex;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;

/**
 * The finite-horizon SIS preset {@code sis-fh} (SPEC §2.1): the dynamics and rewards of {@link
 * SisEpidemic} at every step {@code t = 0..T}, defined to coincide number for number with MFGLib's
 * {@code Environment.susceptible_infected()} ({@code T = 50}, {@code mu0 = (0.4, 0.6)}, infection
 * {@code 0.9**2 * mu_t(I)}, recovery 0.3, rewards {@code r[S,D] = -0.5, r[I,U] = -1, r[I,D] =
 * -1.5}, undiscounted, unregularised).
 */
public final class SisEpidemicFiniteHorizon implements FiniteHorizonMeanFieldGame {
    /**
     * Parameters.
     *
     * @param T last decision step (there are {@code T+1} steps)
     * @param c infection constant in {@code [0,1]}
     * @param gamma discount in {@code [0,1]} (1 = undiscounted, MFGLib's convention)
     * @param lambda entropy-regularisation weight {@code >= 0} (0 in MFGLib)
     * @param mu0 initial distribution {@code (S, I)}
     */
    public record Params(int T, double c, double gamma, double lambda, double[] mu0)
            implements EnvParams {
        /** Parameter names, as {@code --set} accepts them. */
        public static final List<String> KEYS = List.of("T", "c", "gamma", "lambda", "mu0");

        /** Validates every field and copies {@code mu0}. */
        public Params {
            ParamText.horizon(T);
            SisKernel.requireC(c);
            ParamText.finiteHorizonDiscount(gamma);
            ParamText.lambda(lambda);
            mu0 = Simplex.requireDistribution("mu0", mu0, SisKernel.N).clone();
        }

        /**
         * MFGLib's defaults: {@code T = 50}, {@code c = 0.81}, {@code gamma = 1}, {@code lambda =
         * 0}, {@code mu0 = (0.4, 0.6)}.
         */
        public static Params defaults() {
            return new Params(50, 0.81, 1.0, 0.0, new double[] {0.4, 0.6});
        }

        /** A copy with another {@code T}. */
        public Params withT(int newT) {
            return new Params(newT, c, gamma, lambda, mu0);
        }

        /** A copy with another {@code c}. */
        public Params withC(double newC) {
            return new Params(T, newC, gamma, lambda, mu0);
        }

        /** A copy with another {@code gamma}. */
        public Params withGamma(double newGamma) {
            return new Params(T, c, newGamma, lambda, mu0);
        }

        /** A copy with another {@code lambda}. */
        public Params withLambda(double newLambda) {
            return new Params(T, c, gamma, newLambda, mu0);
        }

        /** A copy with another {@code mu0}. */
        public Params withMu0(double[] newMu0) {
            return new Params(T, c, gamma, lambda, newMu0);
        }

        @Override
        public double[] mu0() {
            return mu0.clone();
        }

        @Override
        public Map<String, Object> asMap() {
            return ParamRecords.asMap(KEYS, T, c, gamma, lambda, mu0);
        }

        @Override
        public Params with(String key, String value) {
            return switch (key) {
                case "T" -> withT(ParamText.integer(key, value));
                case "c" -> withC(ParamText.real(key, value));
                case "gamma" -> withGamma(ParamText.real(key, value));
                case "lambda" -> withLambda(ParamText.real(key, value));
                case "mu0" -> withMu0(ParamText.distributionOrUniform(key, value, SisKernel.N));
                default -> throw ParamText.unknownKey("sis-fh", key, KEYS);
            };
        }

        private Object[] components() {
            return new Object[] {T, c, gamma, lambda, mu0};
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
            return ParamRecords.describe("SisEpidemicFiniteHorizon.Params", asMap());
        }
    }

    private final Params params;

    /** The game with the given parameters. */
    public SisEpidemicFiniteHorizon(Params params) {
        if (params == null) {
            throw new IllegalArgumentException("sis-fh parameters are required");
        }
        this.params = params;
    }

    /** The game with {@link Params#defaults()}. */
    public SisEpidemicFiniteHorizon() {
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
        SisKernel.transitions(params.c(), mu, out);
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        SisKernel.rewards(out);
    }
}
