package org.mfgkit.nac;

/**
 * Hyper-parameters of a NAC / DL-NAC run (004 Algorithm 1 and Appendix C; SPEC §3). Defaults, in
 * {@link #defaults()}, are 004's SIS values ({@code eta = 0.05}, {@code beta = 0.01}, critic step
 * {@code 0.001}) with the sample budget and the remaining choices documented in the module README.
 *
 * @param algorithm single-loop {@code NAC} or double-loop {@code DL_NAC}
 * @param iterations number of policy updates {@code T}
 * @param eta policy step {@code eta}; {@code eta * lambda <= 1}
 * @param beta mean-field step {@code beta ∈ (0,1]} of single-loop NAC
 * @param innerIterations {@code M}: DL-NAC's policy updates per frozen mean field
 * @param critic which critic oracle
 * @param criticSamples TD(0) transitions per iteration {@code K}
 * @param criticStep constant TD(0) step {@code alpha}
 * @param criticRadius projection radius {@code B} of {@code psi}
 * @param actor which actor oracle
 * @param actorSamples SGD samples per iteration {@code K}
 * @param actorStep constant SGD step {@code alpha_bar}
 * @param actorRadius projection radius {@code R} of {@code w}
 * @param warmStart keep the critic's {@code psi} and the actor's {@code w} from one iteration to
 *     the next
 * @param advantage which Q the advantage is taken of ({@code SOFT_Q} is correct; {@code SHIFTED_Q}
 *     is the slip, for ablation)
 * @param population {@code N > 0}: an empirical population of {@code N} agents; {@code 0}: the
 *     exact {@code Gamma2}
 * @param evalEvery record the evaluator every this many iterations (and at {@code 0} and {@code T})
 */
public record NacParams(
        Algorithm algorithm,
        int iterations,
        double eta,
        double beta,
        int innerIterations,
        CriticKind critic,
        int criticSamples,
        double criticStep,
        double criticRadius,
        ActorKind actor,
        int actorSamples,
        double actorStep,
        double actorRadius,
        boolean warmStart,
        AdvantageTarget advantage,
        int population,
        int evalEvery) {

    /** Single-loop NAC or the double-loop baseline. */
    public enum Algorithm {
        /** 004 Algorithm 1: policy and mean field move together. */
        NAC,
        /** Mean field frozen for {@code M} policy updates, then one full {@code Gamma2} step. */
        DL_NAC
    }

    /** Critic oracle. */
    public enum CriticKind {
        /** Projected TD(0) with averaged iterates (Algorithm 2). */
        TD_ZERO,
        /** True shifted Q by exact evaluation (ablation). */
        EXACT
    }

    /** Actor oracle. */
    public enum ActorKind {
        /** Projected averaged SGD on the compatible least squares (Algorithm 3). */
        SGD,
        /** The least squares solved exactly with the true occupancy (ablation). */
        EXACT
    }

    /** The Q-function whose advantage the actor fits (SPEC §3 step 2). */
    public enum AdvantageTarget {
        /**
         * {@code Qhat = qhat + lambda log pi}: fixed point {@code pi ∝ exp(Q/lambda)} (correct).
         */
        SOFT_Q,
        /**
         * The shifted {@code qhat} itself: fixed point {@code pi ∝ exp(Q/(2 lambda))} (the slip).
         */
        SHIFTED_Q
    }

    /** Validates every field and names the offending one. */
    public NacParams {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (!(eta > 0.0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        if (!(beta > 0.0 && beta <= 1.0)) {
            throw new IllegalArgumentException("beta must be in (0,1], got " + beta);
        }
        if (innerIterations <= 0) {
            throw new IllegalArgumentException(
                    "innerIterations (M) must be > 0, got " + innerIterations);
        }
        if (critic == null || actor == null || advantage == null) {
            throw new IllegalArgumentException("critic, actor and advantage must be given");
        }
        if (criticSamples <= 0) {
            throw new IllegalArgumentException("criticSamples must be > 0, got " + criticSamples);
        }
        if (actorSamples <= 0) {
            throw new IllegalArgumentException("actorSamples must be > 0, got " + actorSamples);
        }
        requirePositive("criticStep", criticStep);
        requirePositive("actorStep", actorStep);
        if (!(criticRadius > 0.0)) {
            throw new IllegalArgumentException("criticRadius (B) must be > 0, got " + criticRadius);
        }
        if (!(actorRadius > 0.0)) {
            throw new IllegalArgumentException("actorRadius (R) must be > 0, got " + actorRadius);
        }
        if (population < 0) {
            throw new IllegalArgumentException(
                    "population must be >= 0 (0 = exact Gamma2), got " + population);
        }
        if (evalEvery <= 0) {
            throw new IllegalArgumentException("evalEvery must be > 0, got " + evalEvery);
        }
    }

    /**
     * 004's SIS hyper-parameters for single-loop NAC with the sampled oracles: {@code T = 3000},
     * {@code eta = 0.05}, {@code beta = 0.01}, {@code M = 100}, TD(0) with {@code K = 10000},
     * {@code alpha = 0.001}, {@code B = 1000}, SGD with {@code K = 1000}, {@code alpha_bar = 0.1},
     * {@code R = 1000}, warm starts, the soft-Q advantage, the exact {@code Gamma2}, a record every
     * iteration.
     */
    public static NacParams defaults() {
        return new NacParams(
                Algorithm.NAC,
                3000,
                0.05,
                0.01,
                100,
                CriticKind.TD_ZERO,
                10_000,
                0.001,
                1000.0,
                ActorKind.SGD,
                1000,
                0.1,
                1000.0,
                true,
                AdvantageTarget.SOFT_Q,
                0,
                1);
    }

    /** Both oracles exact (the ablation of SPEC §3). */
    public NacParams withExactOracles() {
        return withCritic(CriticKind.EXACT).withActor(ActorKind.EXACT);
    }

    /** A copy with {@code algorithm} replaced. */
    public NacParams withAlgorithm(Algorithm v) {
        return new NacParams(
                v,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code iterations} replaced. */
    public NacParams withIterations(int v) {
        return new NacParams(
                algorithm,
                v,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code eta} replaced. */
    public NacParams withEta(double v) {
        return new NacParams(
                algorithm,
                iterations,
                v,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code beta} replaced. */
    public NacParams withBeta(double v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                v,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code innerIterations} replaced. */
    public NacParams withInnerIterations(int v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                v,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code critic} replaced. */
    public NacParams withCritic(CriticKind v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                v,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code criticSamples} replaced. */
    public NacParams withCriticSamples(int v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                v,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code criticStep} replaced. */
    public NacParams withCriticStep(double v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                v,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code criticRadius} replaced. */
    public NacParams withCriticRadius(double v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                v,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code actor} replaced. */
    public NacParams withActor(ActorKind v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                v,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code actorSamples} replaced. */
    public NacParams withActorSamples(int v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                v,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code actorStep} replaced. */
    public NacParams withActorStep(double v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                v,
                actorRadius,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code actorRadius} replaced. */
    public NacParams withActorRadius(double v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                v,
                warmStart,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code warmStart} replaced. */
    public NacParams withWarmStart(boolean v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                v,
                advantage,
                population,
                evalEvery);
    }

    /** A copy with {@code advantage} replaced. */
    public NacParams withAdvantage(AdvantageTarget v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                v,
                population,
                evalEvery);
    }

    /** A copy with {@code population} replaced. */
    public NacParams withPopulation(int v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                v,
                evalEvery);
    }

    /** A copy with {@code evalEvery} replaced. */
    public NacParams withEvalEvery(int v) {
        return new NacParams(
                algorithm,
                iterations,
                eta,
                beta,
                innerIterations,
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart,
                advantage,
                population,
                v);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
