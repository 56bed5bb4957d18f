package org.mfgkit.envs;

import java.util.List;
import java.util.Map;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;

/**
 * The finite-horizon linear-quadratic preset {@code lq-fh} (SPEC §2.2), identical to MFGLib's
 * {@code Environment.linear_quadratic()} defaults: {@code T = 3}, {@code L = 5} (MFGLib's {@code
 * el}), {@code M = 2} ({@code m}), {@code sigma = 3}, {@code dt = 0.1} ({@code delta}), {@code k =
 * 1}, {@code q = 0.01}, {@code kappa = 0.5}, {@code c_term = 1}, uniform {@code mu0}, undiscounted,
 * unregularised. Noise values {@code eps_j = j sigma}, {@code j = -3..3}, with weights {@code ∝
 * exp(-eps_j^2/2)}, and {@code x' = clip(rint(x + (k (mbar_t - x) + a) dt + sigma eps_j sqrt(dt)),
 * -L, L)} — {@code sigma} enters twice, as in MFGLib. Reward {@code (-a^2/2 + q a (mbar_t - x) -
 * kappa/2 (mbar_t - x)^2) dt} for {@code t < T}, {@code -c_term/2 (mbar_t - x)^2} at {@code t = T}.
 */
public final class LinearQuadraticFiniteHorizon implements FiniteHorizonMeanFieldGame {
    /**
     * Parameters (MFGLib names in brackets).
     *
     * @param T last decision step
     * @param L positions {@code -L..L} [{@code el}]
     * @param M controls {@code -M..M} [{@code m}]
     * @param sigma noise scale
     * @param dt time step [{@code delta}]
     * @param k mean-reversion rate
     * @param q cross weight of control and distance to the mean
     * @param kappa weight of the squared distance to the mean
     * @param cTerm terminal-cost weight [{@code c_term}]
     * @param gamma discount in {@code [0,1]} (1 = undiscounted)
     * @param lambda entropy-regularisation weight {@code >= 0}
     * @param mu0 initial distribution over {@code s = x + L}; {@code null} means uniform
     */
    public record Params(
            int T,
            int L,
            int M,
            double sigma,
            double dt,
            double k,
            double q,
            double kappa,
            double cTerm,
            double gamma,
            double lambda,
            double[] mu0)
            implements EnvParams {
        /** Parameter names, as {@code --set} accepts them. */
        public static final List<String> KEYS =
                List.of(
                        "T", "L", "M", "sigma", "dt", "k", "q", "kappa", "c_term", "gamma",
                        "lambda", "mu0");

        /** Validates every field. */
        public Params {
            ParamText.horizon(T);
            LqKernel.requireGrid(L, M, sigma, dt);
            ParamText.finite("k", k);
            ParamText.finite("q", q);
            ParamText.finite("kappa", kappa);
            ParamText.finite("c_term", cTerm);
            ParamText.finiteHorizonDiscount(gamma);
            ParamText.lambda(lambda);
            mu0 = LqKernel.optionalMu0(mu0, L);
        }

        /** MFGLib's {@code linear_quadratic} defaults. */
        public static Params defaults() {
            return new Params(3, 5, 2, 3.0, 0.1, 1.0, 0.01, 0.5, 1.0, 1.0, 0.0, null);
        }

        /** A copy with another {@code T}. */
        public Params withT(int v) {
            return new Params(v, L, M, sigma, dt, k, q, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code L}. */
        public Params withL(int v) {
            return new Params(T, v, M, sigma, dt, k, q, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code M}. */
        public Params withM(int v) {
            return new Params(T, L, v, sigma, dt, k, q, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code sigma}. */
        public Params withSigma(double v) {
            return new Params(T, L, M, v, dt, k, q, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code dt}. */
        public Params withDt(double v) {
            return new Params(T, L, M, sigma, v, k, q, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code k}. */
        public Params withK(double v) {
            return new Params(T, L, M, sigma, dt, v, q, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code q}. */
        public Params withQ(double v) {
            return new Params(T, L, M, sigma, dt, k, v, kappa, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code kappa}. */
        public Params withKappa(double v) {
            return new Params(T, L, M, sigma, dt, k, q, v, cTerm, gamma, lambda, mu0);
        }

        /** A copy with another {@code c_term}. */
        public Params withCTerm(double v) {
            return new Params(T, L, M, sigma, dt, k, q, kappa, v, gamma, lambda, mu0);
        }

        /** A copy with another {@code gamma}. */
        public Params withGamma(double v) {
            return new Params(T, L, M, sigma, dt, k, q, kappa, cTerm, v, lambda, mu0);
        }

        /** A copy with another {@code lambda}. */
        public Params withLambda(double v) {
            return new Params(T, L, M, sigma, dt, k, q, kappa, cTerm, gamma, v, mu0);
        }

        /** A copy with another {@code mu0} ({@code null} = uniform). */
        public Params withMu0(double[] v) {
            return new Params(T, L, M, sigma, dt, k, q, kappa, cTerm, gamma, lambda, v);
        }

        /** The initial distribution, resolved (uniform when none was given); a fresh array. */
        @Override
        public double[] mu0() {
            return LqKernel.resolvedMu0(mu0, L);
        }

        @Override
        public Map<String, Object> asMap() {
            return ParamRecords.asMap(
                    KEYS, T, L, M, sigma, dt, k, q, kappa, cTerm, gamma, lambda, mu0());
        }

        @Override
        public Params with(String key, String value) {
            return switch (key) {
                case "T" -> withT(ParamText.integer(key, value));
                case "L" -> withL(ParamText.integer(key, value));
                case "M" -> withM(ParamText.integer(key, value));
                case "sigma" -> withSigma(ParamText.real(key, value));
                case "dt" -> withDt(ParamText.real(key, value));
                case "k" -> withK(ParamText.real(key, value));
                case "q" -> withQ(ParamText.real(key, value));
                case "kappa" -> withKappa(ParamText.real(key, value));
                case "c_term" -> withCTerm(ParamText.real(key, value));
                case "gamma" -> withGamma(ParamText.real(key, value));
                case "lambda" -> withLambda(ParamText.real(key, value));
                case "mu0" -> withMu0(ParamText.vectorOrUniform(key, value));
                default -> throw ParamText.unknownKey("lq-fh", key, KEYS);
            };
        }

        private Object[] components() {
            return new Object[] {T, L, M, sigma, dt, k, q, kappa, cTerm, gamma, lambda, mu0};
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
            return ParamRecords.describe("LinearQuadraticFiniteHorizon.Params", asMap());
        }
    }

    private final Params params;

    /**
     * Dynamics and running reward, noise {@code eps_j = j sigma}, {@code j = -3..3} (MFGLib's
     * {@code epsilon}, with weights {@code epsilon_pr}).
     */
    private final LqKernel kernel;

    /** The game with the given parameters. */
    public LinearQuadraticFiniteHorizon(Params params) {
        if (params == null) {
            throw new IllegalArgumentException("lq-fh parameters are required");
        }
        this.params = params;
        this.kernel =
                new LqKernel(
                        params.L(),
                        params.M(),
                        params.sigma(),
                        params.dt(),
                        params.q(),
                        params.kappa(),
                        params.k(),
                        params.sigma());
    }

    /** The game with {@link Params#defaults()}. */
    public LinearQuadraticFiniteHorizon() {
        this(Params.defaults());
    }

    /** The parameters. */
    public Params params() {
        return params;
    }

    @Override
    public int nS() {
        return kernel.nS();
    }

    @Override
    public int nA() {
        return kernel.nA();
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
        kernel.transitions(kernel.mean(mu), out);
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        double mbar = kernel.mean(mu);
        if (t == params.T()) {
            kernel.terminalRewards(params.cTerm(), mbar, out);
        } else {
            kernel.runningRewards(mbar, out);
        }
    }
}
