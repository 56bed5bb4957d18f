package org.mfgkit.faas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.core.MemoryBudget;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.nac.NacOps;
import org.mfgkit.nac.SgdActor;
import org.mfgkit.nac.StepSchedule;
import org.mfgkit.nac.TdZeroCritic;

/**
 * NAC-Linear (004 Appendix E; SPEC §3, §5): mean-field natural actor-critic with linear features of
 * the agent's observation, one log-linear policy shared by all function agents, and the {@code
 * natural-actor-critic} module's sample-based oracles: the projected TD(0) critic ({@link
 * TdZeroCritic}, 004 Algorithm 2) and the projected SGD actor on the compatible least squares
 * ({@link SgdActor}, Algorithm 3).
 *
 * <p><b>Features</b>: {@code phi(o,a) = e_a ⊗ (o, 1) / sqrt(7)} (one block of the observation and a
 * bias per action, {@code ||phi|| <= 1}); policy {@code pi_theta(a|o) ∝ exp(theta^T phi(o,a))},
 * score {@code phi(o,a) - sum_b pi(b|o) phi(o,b)}; probabilities, score, soft advantage and the
 * natural step are {@link NacOps}'s.
 *
 * <p><b>Iteration t</b> (004 Algorithm 1): (1) run {@code pi_t} for an episode; every agent's
 * transitions {@code (o, a, r, o', a')} are samples of the MDP induced by the current mean field,
 * which the population itself produces under {@code pi_t} (single loop: no separate {@code
 * mu}-update, the environment moves the mean field); (2) critic: TD(0) passes over the samples give
 * {@code qhat = psi_bar^T phi} of the shifted soft Q; (3) advantage of the unshifted soft Q, {@code
 * Qhat = qhat + lambda log pi}, {@code Ahat = Qhat - sum_b pi(b) Qhat(b)} (SPEC §3 step 2); (4)
 * actor: SGD passes give {@code what}; (5) {@code theta <- (1 - eta lambda) theta + eta what}. The
 * critic and actor iterates are warm-started from the previous iteration (their averages restart
 * every iteration), because one episode holds too few samples for TD(0) with {@code gamma = 0.99}
 * to converge from zero.
 *
 * @param iterations NAC iterations {@code T}
 * @param episodesPerIteration episodes sampled per iteration
 * @param eta actor step {@code eta}
 * @param lambda entropy weight {@code lambda}
 * @param gamma discount factor (004: 0.99)
 * @param criticStep constant TD(0) step {@code alpha}
 * @param criticRadius projection radius {@code B} of the critic
 * @param criticPasses TD(0) passes over each iteration's samples
 * @param actorStep constant SGD step of the actor oracle
 * @param actorRadius projection radius {@code R} of the actor oracle
 * @param actorPasses SGD passes over each iteration's samples
 * @param greedy evaluate with the most probable action instead of sampling
 */
public record NacLinearLearner(
        int iterations,
        int episodesPerIteration,
        double eta,
        double lambda,
        double gamma,
        double criticStep,
        double criticRadius,
        int criticPasses,
        double actorStep,
        double actorRadius,
        int actorPasses,
        boolean greedy)
        implements FaasComparison.Learner {
    /** Block size: observation and bias. */
    static final int BLOCK = FaasEnvironment.OBS_DIM + 1;

    /** Feature dimension {@code N_ACTIONS * BLOCK} of 004's five actions. */
    static final int DIM = FaasEnvironment.N_ACTIONS * BLOCK;

    private static final double NORM = 1.0 / Math.sqrt(BLOCK);

    public static final Param<Integer> ITERATIONS =
            Param.integer("iterations", 100, "NAC iterations T").check(Checks.positive());
    public static final Param<Integer> EPISODES_PER_ITERATION =
            Param.integer("episodes_per_iteration", 1, "training episodes per iteration")
                    .check(Checks.positive());
    public static final Param<Double> ETA =
            Param.real("eta", 0.01, "actor step eta").check(Checks.positive());
    public static final Param<Double> LAMBDA =
            Param.real("lambda", 0.01, "entropy weight lambda").check(Checks.nonNegative());
    public static final Param<Double> GAMMA =
            Param.real("gamma", 0.99, "discount factor (004: 0.99)").check(Checks.discount());
    public static final Param<Double> CRITIC_STEP =
            Param.real("critic_step", 0.05, "constant TD(0) step").check(Checks.positive());
    public static final Param<Double> CRITIC_RADIUS =
            Param.real("critic_radius", 1000.0, "critic projection radius B")
                    .check(Checks.positive());
    public static final Param<Integer> CRITIC_PASSES =
            Param.integer("critic_passes", 3, "TD(0) passes per iteration")
                    .check(Checks.positive());
    public static final Param<Double> ACTOR_STEP =
            Param.real("actor_step", 0.05, "constant SGD step of the actor oracle")
                    .check(Checks.positive());
    public static final Param<Double> ACTOR_RADIUS =
            Param.real("actor_radius", 100.0, "actor projection radius R").check(Checks.positive());
    public static final Param<Integer> ACTOR_PASSES =
            Param.integer("actor_passes", 3, "SGD passes per iteration").check(Checks.positive());
    public static final Param<Boolean> GREEDY =
            Param.bool("greedy", false, "evaluate with the most probable action");

    /** The declarations (JSON section {@code nac_linear}). */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(
                    "nac_linear",
                    ITERATIONS,
                    EPISODES_PER_ITERATION,
                    ETA,
                    LAMBDA,
                    GAMMA,
                    CRITIC_STEP,
                    CRITIC_RADIUS,
                    CRITIC_PASSES,
                    ACTOR_STEP,
                    ACTOR_RADIUS,
                    ACTOR_PASSES,
                    GREEDY);

    public NacLinearLearner {
        ITERATIONS.validate(iterations);
        EPISODES_PER_ITERATION.validate(episodesPerIteration);
        ETA.validate(eta);
        LAMBDA.validate(lambda);
        GAMMA.validate(gamma);
        CRITIC_STEP.validate(criticStep);
        CRITIC_RADIUS.validate(criticRadius);
        CRITIC_PASSES.validate(criticPasses);
        ACTOR_STEP.validate(actorStep);
        ACTOR_RADIUS.validate(actorRadius);
        ACTOR_PASSES.validate(actorPasses);
        if (eta * lambda >= 1.0) {
            throw new IllegalArgumentException(
                    "nac_linear: need eta * lambda < 1, got " + eta + " * " + lambda);
        }
    }

    /**
     * One training run's memory: the per-iteration logs ({@code 24} bytes an iteration), the
     * transitions of one iteration's episodes (about {@code 200} bytes per agent and interval).
     */
    @Override
    public List<MemoryBudget.Term> memory(FaasComparison.Spec spec) {
        return FaasComparison.Learner.episodicMemory(iterations, episodesPerIteration, spec);
    }

    /** The learner of {@code v} (values of {@link #SCHEMA}). */
    public static NacLinearLearner of(ParamValues v) {
        return new NacLinearLearner(
                v.get(ITERATIONS),
                v.get(EPISODES_PER_ITERATION),
                v.get(ETA),
                v.get(LAMBDA),
                v.get(GAMMA),
                v.get(CRITIC_STEP),
                v.get(CRITIC_RADIUS),
                v.get(CRITIC_PASSES),
                v.get(ACTOR_STEP),
                v.get(ACTOR_RADIUS),
                v.get(ACTOR_PASSES),
                v.get(GREEDY));
    }

    /**
     * Our settings (004 gives only gamma = 0.99 for the serverless runs): 100 iterations of one
     * episode, eta = 0.01 (with gamma = 0.99 the soft Q is about {@code r / (1 - gamma) <= 100} and
     * the critic's per-action errors are several units, so SIS-sized steps turn noise into
     * near-greedy policies within a few iterations), lambda = 0.01, TD step 0.05 with B = 1000, SGD
     * step 0.05 with R = 100, three passes each, sampled actions.
     */
    public static NacLinearLearner defaults() {
        return of(SCHEMA.defaults());
    }

    @Override
    public FaasComparison.Trained train(
            FaasComparison.Spec spec, double[] targets, long seed, Runnable onIteration) {
        long t0 = System.nanoTime();
        final int nA = FaasEnvironment.actions(spec.params());
        final int d = FaasEnvironment.OBS_DIM;
        final int DIM = nA * BLOCK;
        TdZeroCritic critic =
                new TdZeroCritic(
                        DIM, gamma, lambda, criticRadius, StepSchedule.constant(criticStep));
        SgdActor actor = new SgdActor(DIM, actorRadius, StepSchedule.constant(actorStep));
        double[] theta = new double[DIM];
        TrainingEpisodes episodes = new TrainingEpisodes(spec, targets, seed);
        double[] curve = new double[iterations];
        double[] thetaNorm = new double[iterations];
        double[] phiA = new double[nA * DIM];
        double[] phiNextA = new double[nA * DIM];
        double[] phi = new double[DIM];
        double[] score = new double[DIM];
        double[] logPi = new double[nA];
        double[] pi = new double[nA];
        double[] qhat = new double[nA];
        double[] adv = new double[nA];
        for (int it = 0; it < iterations; it++) {
            LinearPolicy policy = new LinearPolicy(theta, nA);
            Rollout[] batch = episodes.collect(policy, episodesPerIteration);
            curve[it] = Rollout.meanReward(batch);
            // Alg. 1 step 1 / Alg. 2: TD(0) on (phi(o,a), r, log pi(a|o), phi(o',a')); averages
            // restart, iterate warm
            critic.startEpoch();
            for (int pass = 0; pass < criticPasses; pass++) {
                for (Rollout r : batch) {
                    for (int i = 0; i < r.n; i++) {
                        featuresAllActions(r.obs, i * d, phiA, nA);
                        featuresAllActions(r.nextObs, i * d, phiNextA, nA);
                        critic.update(
                                phiA,
                                r.action[i] * DIM,
                                r.reward[i],
                                r.logProb(i),
                                phiNextA,
                                r.nextAction[i] * DIM);
                    }
                }
            }
            // Alg. 1 steps 2-3 / Alg. 3: SGD on the compatible least squares with the soft
            // advantage
            actor.startEpoch();
            for (int pass = 0; pass < actorPasses; pass++) {
                for (Rollout r : batch) {
                    for (int i = 0; i < r.n; i++) {
                        featuresAllActions(r.obs, i * d, phiA, nA);
                        NacOps.probabilities(theta, phiA, nA, logPi, pi);
                        for (int b = 0; b < nA; b++) {
                            System.arraycopy(phiA, b * DIM, phi, 0, DIM);
                            qhat[b] = critic.value(phi);
                        }
                        NacOps.softAdvantage(qhat, pi, logPi, 0, nA, lambda, adv);
                        int a = r.action[i];
                        NacOps.score(phiA, nA, pi, a, score);
                        actor.update(score, adv[a]);
                    }
                }
            }
            // Alg. 1 step 4: theta <- (1 - eta lambda) theta + eta what
            NacOps.naturalStep(theta, actor.averagedWeights(), eta, lambda);
            thetaNorm[it] = Numerics.norm2(theta);
            onIteration.run();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("theta", theta.clone());
        info.put("theta_norm_per_iteration", thetaNorm);
        info.put("critic_weights", critic.averagedWeights());
        info.put("feature_dimension", DIM);
        info.put("evaluation", greedy ? "greedy" : "sampled");
        return new FaasComparison.Trained(
                new PolicyManager(name(spec), new LinearPolicy(theta, nA), greedy),
                curve,
                (System.nanoTime() - t0) / 1e9,
                info);
    }

    /** The manager's name: {@code nac-linear}, {@code nac-linear-quota} with the quota actions. */
    static String name(FaasComparison.Spec spec) {
        return spec.params().cpuQuota() ? "nac-linear-quota" : "nac-linear";
    }

    /** {@link #featuresAllActions(double[], int, double[], int)} for 004's five actions. */
    static void featuresAllActions(double[] obs, int offset, double[] out) {
        featuresAllActions(obs, offset, out, FaasEnvironment.N_ACTIONS);
    }

    /**
     * {@code phi(o,b)} for every action b of {@code nA} into {@code out[b*dim + k]}, {@code dim =
     * nA * BLOCK} (length {@code nA * dim}).
     */
    static void featuresAllActions(double[] obs, int offset, double[] out, int nA) {
        java.util.Arrays.fill(out, 0.0);
        int dim = nA * BLOCK;
        for (int b = 0; b < nA; b++) {
            int base = b * dim + b * BLOCK;
            for (int k = 0; k < FaasEnvironment.OBS_DIM; k++) {
                out[base + k] = obs[offset + k] * NORM;
            }
            out[base + BLOCK - 1] = NORM;
        }
    }

    /**
     * The log-linear policy {@code pi(a|o) ∝ exp(theta^T phi(o,a))} (probabilities by {@link
     * NacOps}); scratch buffers, one thread.
     */
    static final class LinearPolicy implements AgentPolicy {
        final double[] theta;
        private final int nA;
        private final double[] phiA;
        private final double[] logPi;

        LinearPolicy(double[] theta) {
            this(theta, FaasEnvironment.N_ACTIONS);
        }

        LinearPolicy(double[] theta, int nA) {
            this.theta = theta.clone();
            this.nA = nA;
            phiA = new double[nA * nA * BLOCK];
            logPi = new double[nA];
        }

        @Override
        public void probabilities(double[] obs, int offset, double[] out) {
            featuresAllActions(obs, offset, phiA, nA);
            NacOps.probabilities(theta, phiA, nA, logPi, out);
        }

        @Override
        public int actions() {
            return nA;
        }
    }
}
