package org.mfgkit.envs;

import java.util.List;
import java.util.Map;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * The discretised one-dimensional linear-quadratic mean-field game, stationary and discounted (004
 * Appendix D, SPEC §2.2; after Perrin et al. 2020 and Carmona et al.). Positions {@code x ∈
 * {-L..L}} (state {@code s = x + L}), controls {@code a ∈ {-M..M}} (action {@code a + M}), noise
 * {@code eps ∈ {-3..3}} with probabilities {@code ∝ exp(-eps^2/2)}: {@code x' = clip(rint(x + (k
 * (mbar - x) + a) dt + sigma eps sqrt(dt)), -L, L)}, {@code r(x,a,mu) = (-a^2/2 + q a (mbar - x) -
 * kappa/2 (mbar - x)^2) dt}, {@code mbar = sum_x x mu(x)}. The mean reversion {@code k} is 0 in 004
 * (the default); it is kept as a parameter because the finite-horizon preset has it.
 */
public final class LinearQuadratic implements MeanFieldGame {
    /**
     * Parameters (SPEC §2.2).
     *
     * @param L positions {@code -L..L}, {@code nS = 2L+1}
     * @param M controls {@code -M..M}, {@code nA = 2M+1}
     * @param sigma noise scale
     * @param dt time step
     * @param q cross weight of control and distance to the mean
     * @param kappa weight of the squared distance to the mean
     * @param k mean-reversion rate of the drift (0 in 004)
     * @param gamma discount factor in {@code [0,1)}
     * @param lambda entropy-regularisation weight {@code >= 0}
     * @param mu0 initial distribution over {@code s = x + L}; {@code null} means uniform
     */
    public record Params(
            int L,
            int M,
            double sigma,
            double dt,
            double q,
            double kappa,
            double k,
            double gamma,
            double lambda,
            double[] mu0)
            implements EnvParams {
        /** Parameter names, as {@code --set} accepts them. */
        public static final List<String> KEYS =
                List.of("L", "M", "sigma", "dt", "q", "kappa", "k", "gamma", "lambda", "mu0");

        /**
         * Validates every field; {@code mu0} (when given) must be a distribution of length {@code
         * 2L+1}.
         */
        public Params {
            LqKernel.requireGrid(L, M, sigma, dt);
            ParamText.finite("q", q);
            ParamText.finite("kappa", kappa);
            ParamText.finite("k", k);
            ParamText.discount(gamma);
            ParamText.lambda(lambda);
            mu0 = LqKernel.optionalMu0(mu0, L);
        }

        /**
         * 004's values: {@code L = 12, M = 3, sigma = 1, dt = 1, q = 0.01, kappa = 0.5, k = 0,
         * gamma = 0.9, lambda = 0.1}, uniform {@code mu0}.
         */
        public static Params defaults() {
            return new Params(12, 3, 1.0, 1.0, 0.01, 0.5, 0.0, 0.9, 0.1, null);
        }

        /** A copy with another {@code L} (an explicit {@code mu0} must then be reset). */
        public Params withL(int newL) {
            return new Params(newL, M, sigma, dt, q, kappa, k, gamma, lambda, mu0);
        }

        /** A copy with another {@code M}. */
        public Params withM(int newM) {
            return new Params(L, newM, sigma, dt, q, kappa, k, gamma, lambda, mu0);
        }

        /** A copy with another {@code sigma}. */
        public Params withSigma(double newSigma) {
            return new Params(L, M, newSigma, dt, q, kappa, k, gamma, lambda, mu0);
        }

        /** A copy with another {@code dt}. */
        public Params withDt(double newDt) {
            return new Params(L, M, sigma, newDt, q, kappa, k, gamma, lambda, mu0);
        }

        /** A copy with another {@code q}. */
        public Params withQ(double newQ) {
            return new Params(L, M, sigma, dt, newQ, kappa, k, gamma, lambda, mu0);
        }

        /** A copy with another {@code kappa}. */
        public Params withKappa(double newKappa) {
            return new Params(L, M, sigma, dt, q, newKappa, k, gamma, lambda, mu0);
        }

        /** A copy with another {@code k}. */
        public Params withK(double newK) {
            return new Params(L, M, sigma, dt, q, kappa, newK, gamma, lambda, mu0);
        }

        /** A copy with another {@code gamma}. */
        public Params withGamma(double newGamma) {
            return new Params(L, M, sigma, dt, q, kappa, k, newGamma, lambda, mu0);
        }

        /** A copy with another {@code lambda}. */
        public Params withLambda(double newLambda) {
            return new Params(L, M, sigma, dt, q, kappa, k, gamma, newLambda, mu0);
        }

        /** A copy with another {@code mu0} ({@code null} = uniform). */
        public Params withMu0(double[] newMu0) {
            return new Params(L, M, sigma, dt, q, kappa, k, gamma, lambda, newMu0);
        }

        /** The initial distribution, resolved (uniform when none was given); a fresh array. */
        @Override
        public double[] mu0() {
            return LqKernel.resolvedMu0(mu0, L);
        }

        @Override
        public Map<String, Object> asMap() {
            return ParamRecords.asMap(KEYS, L, M, sigma, dt, q, kappa, k, gamma, lambda, mu0());
        }

        @Override
        public Params with(String key, String value) {
            return switch (key) {
                case "L" -> withL(ParamText.integer(key, value));
                case "M" -> withM(ParamText.integer(key, value));
                case "sigma" -> withSigma(ParamText.real(key, value));
                case "dt" -> withDt(ParamText.real(key, value));
                case "q" -> withQ(ParamText.real(key, value));
                case "kappa" -> withKappa(ParamText.real(key, value));
                case "k" -> withK(ParamText.real(key, value));
                case "gamma" -> withGamma(ParamText.real(key, value));
                case "lambda" -> withLambda(ParamText.real(key, value));
                case "mu0" -> withMu0(ParamText.vectorOrUniform(key, value));
                default -> throw ParamText.unknownKey("lq", key, KEYS);
            };
        }

        private Object[] components() {
            return new Object[] {L, M, sigma, dt, q, kappa, k, gamma, lambda, mu0};
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
            return ParamRecords.describe("LinearQuadratic.Params", asMap());
        }
    }

    private final Params params;

    /** Dynamics and running reward, noise {@code eps_j = j}, {@code j = -3..3}. */
    private final LqKernel kernel;

    /** The kernel when it does not depend on {@code mu} ({@code k = 0}); else {@code null}. */
    private final double[] fixedKernel;

    /** The game with the given parameters. */
    public LinearQuadratic(Params params) {
        if (params == null) {
            throw new IllegalArgumentException("LQ parameters are required");
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
                        1.0);
        if (kernel.transitionsDependOnMean()) {
            fixedKernel = null;
        } else {
            int nS = nS();
            fixedKernel = new double[nS * nA() * nS];
            kernel.transitions(0.0, fixedKernel);
        }
    }

    /** The game with {@link Params#defaults()}. */
    public LinearQuadratic() {
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
        if (fixedKernel != null) {
            System.arraycopy(fixedKernel, 0, out, 0, fixedKernel.length);
        } else {
            kernel.transitions(kernel.mean(mu), out);
        }
    }

    /**
     * Only through the mean reversion {@code k}: with {@code k = 0} (004's LQ) the kernel ignores
     * {@code mu}.
     */
    @Override
    public boolean transitionsDependOnMeanField() {
        return fixedKernel == null;
    }

    @Override
    public void rewards(double[] mu, double[] out) {
        kernel.runningRewards(kernel.mean(mu), out);
    }
}
