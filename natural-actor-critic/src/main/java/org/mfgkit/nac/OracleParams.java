package org.mfgkit.nac;

import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;

/**
 * The settings of NAC's two oracles (004 Appendix C): which critic and actor, their sample budgets
 * per iteration {@code K}, steps {@code alpha}, projection radii ({@code B}, {@code R}) and warm
 * starts. Every field is declared once as a {@link Param} below; the compact constructor validates
 * through those declarations. The exact oracles ignore the sampled oracles' budgets and steps.
 *
 * @param critic projected TD(0) (Algorithm 2) or exact evaluation (ablation)
 * @param criticSamples TD(0) transitions per iteration {@code K}
 * @param criticStep TD(0) step {@code alpha}
 * @param criticRadius TD(0) projection radius {@code B}
 * @param actor projected averaged SGD (Algorithm 3) or the exact least squares (ablation)
 * @param actorSamples SGD samples per iteration
 * @param actorStep SGD step {@code alpha_bar}
 * @param actorRadius SGD projection radius {@code R}
 * @param warmStart the oracles' iterates carry over between iterations (averages restart)
 */
public record OracleParams(
        CriticKind critic,
        int criticSamples,
        double criticStep,
        double criticRadius,
        ActorKind actor,
        int actorSamples,
        double actorStep,
        double actorRadius,
        boolean warmStart) {

    /** {@code td0} or {@code exact}. */
    public static final Param<String> CRITIC =
            Param.choice(
                    "critic",
                    "td0",
                    List.of("td0", "exact"),
                    "critic oracle: projected TD(0) (004 Alg. 2) or exact evaluation");

    /** Critic budget. */
    public static final Param<Integer> CRITIC_SAMPLES =
            Param.integer("critic_samples", 10_000, "TD(0) transitions per iteration K")
                    .check(Checks.positive());

    /** Critic step. */
    public static final Param<Double> CRITIC_STEP =
            Param.real("critic_step", 0.001, "TD(0) step alpha").check(Checks.positive());

    /** {@code B}. */
    public static final Param<Double> CRITIC_RADIUS =
            Param.real("critic_radius", 1000.0, "TD(0) projection radius B")
                    .check(Checks.positive());

    /** {@code sgd} or {@code exact}. */
    public static final Param<String> ACTOR =
            Param.choice(
                    "actor",
                    "sgd",
                    List.of("sgd", "exact"),
                    "actor oracle: projected averaged SGD (004 Alg. 3) or the exact least squares");

    /** Actor budget. */
    public static final Param<Integer> ACTOR_SAMPLES =
            Param.integer("actor_samples", 1000, "SGD samples per iteration")
                    .check(Checks.positive());

    /** Actor step. */
    public static final Param<Double> ACTOR_STEP =
            Param.real("actor_step", 0.1, "SGD step alpha_bar").check(Checks.positive());

    /** {@code R}. */
    public static final Param<Double> ACTOR_RADIUS =
            Param.real("actor_radius", 1000.0, "SGD projection radius R").check(Checks.positive());

    /** Warm starts. */
    public static final Param<Boolean> WARM_START =
            Param.bool(
                    "warm_start",
                    true,
                    "oracle iterates carry over between iterations (false: start from 0 as Alg. 2/3)");

    /** Critic oracle. */
    public enum CriticKind {
        /** Projected TD(0) with averaged iterates (Algorithm 2). */
        TD_ZERO("td0"),
        /** True shifted Q by exact evaluation (ablation). */
        EXACT("exact");

        private final String label;

        CriticKind(String label) {
            this.label = label;
        }

        /** The name in configs. */
        public String label() {
            return label;
        }

        /** The critic called {@code label} (validated by {@link #CRITIC}). */
        public static CriticKind of(String label) {
            return CRITIC.validate(label).equals("td0") ? TD_ZERO : EXACT;
        }
    }

    /** Actor oracle. */
    public enum ActorKind {
        /** Projected averaged SGD on the compatible least squares (Algorithm 3). */
        SGD("sgd"),
        /** The least squares solved exactly with the true occupancy (ablation). */
        EXACT("exact");

        private final String label;

        ActorKind(String label) {
            this.label = label;
        }

        /** The name in configs. */
        public String label() {
            return label;
        }

        /** The actor called {@code label} (validated by {@link #ACTOR}). */
        public static ActorKind of(String label) {
            return ACTOR.validate(label).equals("sgd") ? SGD : EXACT;
        }
    }

    /** Validates every field through its declaration, which names it. */
    public OracleParams {
        if (critic == null || actor == null) {
            throw new IllegalArgumentException("critic and actor are required");
        }
        CRITIC_SAMPLES.validate(criticSamples);
        CRITIC_STEP.validate(criticStep);
        CRITIC_RADIUS.validate(criticRadius);
        ACTOR_SAMPLES.validate(actorSamples);
        ACTOR_STEP.validate(actorStep);
        ACTOR_RADIUS.validate(actorRadius);
    }

    /**
     * The declared defaults: TD(0) with {@code K = 10000}, {@code alpha = 0.001}, {@code B = 1000};
     * SGD with {@code K = 1000}, {@code alpha_bar = 0.1}, {@code R = 1000}; warm starts.
     */
    public static OracleParams defaults() {
        return new OracleParams(
                CriticKind.of(CRITIC.defaultValue()),
                CRITIC_SAMPLES.defaultValue(),
                CRITIC_STEP.defaultValue(),
                CRITIC_RADIUS.defaultValue(),
                ActorKind.of(ACTOR.defaultValue()),
                ACTOR_SAMPLES.defaultValue(),
                ACTOR_STEP.defaultValue(),
                ACTOR_RADIUS.defaultValue(),
                WARM_START.defaultValue());
    }

    /** Both oracles exact (the ablation of SPEC §3). */
    public OracleParams exact() {
        return new OracleParams(
                CriticKind.EXACT,
                criticSamples,
                criticStep,
                criticRadius,
                ActorKind.EXACT,
                actorSamples,
                actorStep,
                actorRadius,
                warmStart);
    }

    /** A copy with the sample budgets replaced. */
    public OracleParams withSamples(int critic, int actor) {
        return new OracleParams(
                this.critic,
                critic,
                criticStep,
                criticRadius,
                this.actor,
                actor,
                actorStep,
                actorRadius,
                warmStart);
    }

    /** A copy with the warm-start flag replaced. */
    public OracleParams withWarmStart(boolean v) {
        return new OracleParams(
                critic,
                criticSamples,
                criticStep,
                criticRadius,
                actor,
                actorSamples,
                actorStep,
                actorRadius,
                v);
    }
}
