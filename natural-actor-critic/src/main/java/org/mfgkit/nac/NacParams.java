package org.mfgkit.nac;

import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;

/**
 * The loop hyper-parameters of NAC / DL-NAC (004 Algorithm 1; SPEC §3): what the loop itself does
 * with the oracles' outputs. The oracles' own settings are {@link OracleParams}; both, with the
 * features and the population, make a {@link NacSettings}. Every field is declared once as a {@link
 * Param} below (name, default, check, doc); the compact constructor validates through those
 * declarations, so a bad value fails with the message every other input path gives ({@code "eta
 * must be > 0, got -1.0"}). The defaults are 004's SIS values ({@link NacPresets}).
 *
 * @param algorithm single-loop NAC or the double-loop baseline
 * @param iterations policy updates {@code T}
 * @param eta natural step size {@code eta} (step 4)
 * @param beta mean-field step {@code beta} (step 5)
 * @param innerIterations DL-NAC: policy updates {@code M} per full mean-field step
 * @param advantage the Q-function whose advantage the actor fits (step 2)
 * @param evalEvery record the measurement every this many iterations (and at the first and last)
 */
public record NacParams(
        Algorithm algorithm,
        int iterations,
        double eta,
        double beta,
        int innerIterations,
        AdvantageTarget advantage,
        int evalEvery) {

    /** {@code nac} or {@code dl-nac}. */
    public static final Param<String> ALGORITHM =
            Param.choice(
                    "algorithm",
                    "nac",
                    List.of("nac", "dl-nac"),
                    "single-loop NAC (004 Alg. 1) or the double-loop baseline DL-NAC");

    /** {@code T}. */
    public static final Param<Integer> ITERATIONS =
            Param.integer("iterations", 3000, "policy updates T").check(Checks.nonNegative());

    /** {@code eta}. */
    public static final Param<Double> ETA =
            Param.real("eta", 0.05, "natural step size eta (004 Alg. 1 step 4)")
                    .check(Checks.positive());

    /** {@code beta}. */
    public static final Param<Double> BETA =
            Param.real("beta", 0.01, "mean-field step beta (004 Alg. 1 step 5)")
                    .check(Checks.openClosedUnit());

    /** {@code M}. */
    public static final Param<Integer> INNER_ITERATIONS =
            Param.integer(
                            "inner_iterations",
                            100,
                            "DL-NAC: policy updates M per full mean-field step")
                    .check(Checks.positive());

    /** {@code soft-q} or {@code shifted-q}. */
    public static final Param<String> ADVANTAGE =
            Param.choice(
                    "advantage",
                    "soft-q",
                    List.of("soft-q", "shifted-q"),
                    "advantage of Qhat = qhat + lambda log pi (soft-q) or of qhat itself (the slip)");

    /** Record spacing. */
    public static final Param<Integer> EVAL_EVERY =
            Param.integer("eval_every", 1, "record the exploitability every this many iterations")
                    .check(Checks.positive());

    /** Single-loop NAC or the double-loop baseline. */
    public enum Algorithm {
        /** 004 Algorithm 1: policy and mean field move together. */
        NAC("nac"),
        /** Mean field frozen for {@code M} policy updates, then one full {@code Gamma2} step. */
        DL_NAC("dl-nac");

        private final String label;

        Algorithm(String label) {
            this.label = label;
        }

        /** The name in configs: {@code nac}, {@code dl-nac}. */
        public String label() {
            return label;
        }

        /** The algorithm called {@code label} (validated by {@link #ALGORITHM}). */
        public static Algorithm of(String label) {
            return ALGORITHM.validate(label).equals("nac") ? NAC : DL_NAC;
        }
    }

    /** The Q-function whose advantage the actor fits (SPEC §3 step 2). */
    public enum AdvantageTarget {
        /**
         * {@code Qhat = qhat + lambda log pi}: fixed point {@code pi ∝ exp(Q/lambda)} (correct).
         */
        SOFT_Q("soft-q"),
        /**
         * The shifted {@code qhat} itself: fixed point {@code pi ∝ exp(Q/(2 lambda))} (the slip).
         */
        SHIFTED_Q("shifted-q");

        private final String label;

        AdvantageTarget(String label) {
            this.label = label;
        }

        /** The name in configs: {@code soft-q}, {@code shifted-q}. */
        public String label() {
            return label;
        }

        /** The target called {@code label} (validated by {@link #ADVANTAGE}). */
        public static AdvantageTarget of(String label) {
            return ADVANTAGE.validate(label).equals("soft-q") ? SOFT_Q : SHIFTED_Q;
        }
    }

    /** Validates every field through its declaration, which names it. */
    public NacParams {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (advantage == null) {
            throw new IllegalArgumentException("advantage is required");
        }
        ITERATIONS.validate(iterations);
        ETA.validate(eta);
        BETA.validate(beta);
        INNER_ITERATIONS.validate(innerIterations);
        EVAL_EVERY.validate(evalEvery);
    }

    /** The declared defaults: 004's SIS values ({@code T = 3000, eta = 0.05, beta = 0.01}). */
    public static NacParams defaults() {
        return new NacParams(
                Algorithm.of(ALGORITHM.defaultValue()),
                ITERATIONS.defaultValue(),
                ETA.defaultValue(),
                BETA.defaultValue(),
                INNER_ITERATIONS.defaultValue(),
                AdvantageTarget.of(ADVANTAGE.defaultValue()),
                EVAL_EVERY.defaultValue());
    }

    /** A copy with {@code algorithm} replaced. */
    public NacParams withAlgorithm(Algorithm v) {
        return new NacParams(v, iterations, eta, beta, innerIterations, advantage, evalEvery);
    }

    /** A copy with {@code iterations} replaced. */
    public NacParams withIterations(int v) {
        return new NacParams(algorithm, v, eta, beta, innerIterations, advantage, evalEvery);
    }

    /** A copy with {@code eta} replaced. */
    public NacParams withEta(double v) {
        return new NacParams(algorithm, iterations, v, beta, innerIterations, advantage, evalEvery);
    }

    /** A copy with {@code beta} replaced. */
    public NacParams withBeta(double v) {
        return new NacParams(algorithm, iterations, eta, v, innerIterations, advantage, evalEvery);
    }

    /** A copy with {@code innerIterations} replaced. */
    public NacParams withInnerIterations(int v) {
        return new NacParams(algorithm, iterations, eta, beta, v, advantage, evalEvery);
    }

    /** A copy with {@code advantage} replaced. */
    public NacParams withAdvantage(AdvantageTarget v) {
        return new NacParams(algorithm, iterations, eta, beta, innerIterations, v, evalEvery);
    }

    /** A copy with {@code evalEvery} replaced. */
    public NacParams withEvalEvery(int v) {
        return new NacParams(algorithm, iterations, eta, beta, innerIterations, advantage, v);
    }
}
