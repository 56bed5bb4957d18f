package org.mfgkit.faas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.mfgkit.core.Activation;
import org.mfgkit.core.MeanFieldSoftmaxPolicy;
import org.mfgkit.core.MemoryBudget;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * NAC-NN (004 Appendix E, "NAC Implementation"): mean-field natural actor-critic whose shared
 * policy is a one-hidden-layer network, with the natural step approximated "by a standard gradient
 * descent method with adaptive KL divergence penalty" (the PPO-penalty procedure, Schulman et al.
 * 2017 §4).
 *
 * <p><b>Policy</b>: {@code pi(a|o) ∝ exp(f(x(o,a)))} with {@code f} core's mean-field two-layer
 * network ({@link TwoLayerNetwork}, 64 units) and {@code x(o,a) = (o, e_a, 1)} (observation,
 * one-hot action, bias; 12 inputs). <b>Critic</b>: a second such network {@code g(o, 1)} giving the
 * scaled value {@code (1 - gamma) V(o)}. All agents share both (one policy for the population) and
 * pool their transitions.
 *
 * <p><b>Iteration</b>: one (or {@code episodesPerIteration}) training episode(s) with the current
 * policy (the mean field is whatever the population produces under it: single-loop); entropy-
 * regularised rewards {@code r - lambda log pi(a|o)} (SPEC §1); GAE advantages (normalised per
 * batch); then {@code epochs} passes over the batch in mini-batches of {@code miniBatch}
 * transitions, each an Adam ascent step (learning rate {@code learningRate}) on {@code mean[rho A]
 * - beta mean KL(pi_old(.|o) || pi(.|o))}, {@code rho = pi(a|o)/pi_old(a|o)}, and an Adam descent
 * step of the critic on its squared error to the (scaled) returns; after the epochs {@code beta}
 * doubles when the mean KL exceeded {@code 1.5 klTarget} and halves when it stayed below {@code
 * klTarget / 1.5}.
 *
 * @param iterations training iterations
 * @param episodesPerIteration episodes collected per iteration
 * @param hidden hidden units of both networks (004: 64)
 * @param activation unit nonlinearity
 * @param learningRate Adam learning rate of actor and critic in 004's (standard) parameterisation
 *     (3e-4)
 * @param widthScaledRate multiply the learning rate by {@code sqrt(hidden)}: core's network is
 *     mean-field parameterised ({@code f = (1/N) sum_i w0_i sigma(...)}); under Adam every
 *     parameter moves by about the learning rate per step, so the function moves {@code sqrt(N)}
 *     times slower through the hidden layer (and {@code N} times through the output layer) than the
 *     standard-parameterised network ({@code f = sum_i v_i sigma(...)}, {@code v ~ 1/sqrt(N)}) that
 *     004's 3e-4 refers to; {@code sqrt(N)} matches the hidden layer
 * @param gamma discount factor (004: 0.99)
 * @param gaeLambda GAE parameter
 * @param miniBatch transitions per mini-batch (004: 5)
 * @param epochs passes over each batch (004: 5)
 * @param klTarget target KL of the adaptive penalty
 * @param beta0 initial KL penalty coefficient
 * @param lambda entropy weight {@code lambda} of the regularised reward
 * @param outputStd initial std of the output weights {@code w0}
 * @param hiddenStd initial std of the hidden weights
 * @param greedy evaluate with the most probable action instead of sampling
 */
public record NacNeuralLearner(
        int iterations,
        int episodesPerIteration,
        int hidden,
        Activation activation,
        double learningRate,
        boolean widthScaledRate,
        double gamma,
        double gaeLambda,
        int miniBatch,
        int epochs,
        double klTarget,
        double beta0,
        double lambda,
        double outputStd,
        double hiddenStd,
        boolean greedy)
        implements FaasComparison.Learner {
    /** Input dimension of the actor: observation, one-hot action, bias. */
    static final int ACTOR_INPUT = FaasEnvironment.OBS_DIM + FaasEnvironment.MAX_ACTIONS + 1;

    /** Input dimension of the critic: observation, bias. */
    static final int CRITIC_INPUT = FaasEnvironment.OBS_DIM + 1;

    public static final Param<Integer> ITERATIONS =
            Param.integer("iterations", 100, "training iterations").check(Checks.positive());
    public static final Param<Integer> EPISODES_PER_ITERATION =
            Param.integer("episodes_per_iteration", 1, "training episodes per iteration")
                    .check(Checks.positive());
    public static final Param<Integer> HIDDEN =
            Param.integer("hidden", 64, "hidden units (004: 64)").check(Checks.positive());
    public static final Param<String> ACTIVATION =
            Param.choice(
                    "activation",
                    Activation.TANH.label(),
                    java.util.Arrays.stream(Activation.values()).map(Activation::label).toList(),
                    "unit nonlinearity");
    public static final Param<Double> LEARNING_RATE =
            Param.real("learning_rate", 3e-4, "Adam learning rate (004: 3e-4)")
                    .check(Checks.positive());
    public static final Param<Boolean> WIDTH_SCALED_RATE =
            Param.bool("width_scaled_rate", true, "multiply the learning rate by sqrt(hidden)");
    public static final Param<Double> GAMMA =
            Param.real("gamma", 0.99, "discount factor (004: 0.99)").check(Checks.discount());
    public static final Param<Double> GAE_LAMBDA =
            Param.real("gae_lambda", 0.95, "GAE parameter").check(Checks.unitInterval());
    public static final Param<Integer> MINI_BATCH =
            Param.integer("mini_batch", 5, "transitions per mini-batch (004: 5)")
                    .check(Checks.positive());
    public static final Param<Integer> EPOCHS =
            Param.integer("epochs", 5, "passes over each batch (004: 5)").check(Checks.positive());
    public static final Param<Double> KL_TARGET =
            Param.real("kl_target", 0.01, "target KL of the adaptive penalty")
                    .check(Checks.positive());
    public static final Param<Double> BETA0 =
            Param.real("beta0", 1.0, "initial KL penalty").check(Checks.nonNegative());
    public static final Param<Double> LAMBDA =
            Param.real("lambda", 0.01, "entropy weight").check(Checks.nonNegative());
    public static final Param<Double> OUTPUT_STD =
            Param.real("output_std", 1.0, "initial std of the output weights")
                    .check(Checks.nonNegative());
    public static final Param<Double> HIDDEN_STD =
            Param.real("hidden_std", 1.0, "initial std of the hidden weights")
                    .check(Checks.nonNegative());
    public static final Param<Boolean> GREEDY =
            Param.bool("greedy", false, "evaluate with the most probable action");

    /** The declarations (JSON section {@code nac_nn}). */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(
                    "nac_nn",
                    ITERATIONS,
                    EPISODES_PER_ITERATION,
                    HIDDEN,
                    ACTIVATION,
                    LEARNING_RATE,
                    WIDTH_SCALED_RATE,
                    GAMMA,
                    GAE_LAMBDA,
                    MINI_BATCH,
                    EPOCHS,
                    KL_TARGET,
                    BETA0,
                    LAMBDA,
                    OUTPUT_STD,
                    HIDDEN_STD,
                    GREEDY);

    public NacNeuralLearner {
        if (activation == null) {
            throw new IllegalArgumentException("nac_nn: activation is required");
        }
        ITERATIONS.validate(iterations);
        EPISODES_PER_ITERATION.validate(episodesPerIteration);
        HIDDEN.validate(hidden);
        LEARNING_RATE.validate(learningRate);
        GAMMA.validate(gamma);
        GAE_LAMBDA.validate(gaeLambda);
        MINI_BATCH.validate(miniBatch);
        EPOCHS.validate(epochs);
        KL_TARGET.validate(klTarget);
        BETA0.validate(beta0);
        LAMBDA.validate(lambda);
        OUTPUT_STD.validate(outputStd);
        HIDDEN_STD.validate(hiddenStd);
    }

    /**
     * One training run's memory: the per-iteration logs ({@code 24} bytes an iteration), the
     * transitions of one iteration's episodes (about {@code 200} bytes per agent and interval) and
     * the networks (about {@code 1} KB per hidden unit).
     */
    @Override
    public List<MemoryBudget.Term> memory(FaasComparison.Spec spec) {
        List<MemoryBudget.Term> terms =
                FaasComparison.Learner.episodicMemory(iterations, episodesPerIteration, spec);
        terms.add(
                new MemoryBudget.Term(
                        HIDDEN.name(),
                        hidden,
                        1024.0 * hidden)); // weights of policy and critic, Adam's moments,
        // gradients
        return terms;
    }

    /** The learner of {@code v} (values of {@link #SCHEMA}). */
    public static NacNeuralLearner of(ParamValues v) {
        Activation act = null;
        for (Activation a : Activation.values()) {
            if (a.label().equals(v.get(ACTIVATION))) {
                act = a;
            }
        }
        return new NacNeuralLearner(
                v.get(ITERATIONS),
                v.get(EPISODES_PER_ITERATION),
                v.get(HIDDEN),
                act,
                v.get(LEARNING_RATE),
                v.get(WIDTH_SCALED_RATE),
                v.get(GAMMA),
                v.get(GAE_LAMBDA),
                v.get(MINI_BATCH),
                v.get(EPOCHS),
                v.get(KL_TARGET),
                v.get(BETA0),
                v.get(LAMBDA),
                v.get(OUTPUT_STD),
                v.get(HIDDEN_STD),
                v.get(GREEDY));
    }

    /**
     * 004's settings (64 hidden units, learning rate 3e-4 scaled by {@code sqrt(64)} for the
     * mean-field parameterisation, gamma 0.99, mini-batch 5, 5 epochs) and ours for the rest: tanh
     * units, GAE 0.95, KL target 0.01, beta0 1, lambda 0.01, weights N(0,1), one episode per
     * iteration, 100 iterations, sampled actions at evaluation.
     */
    public static NacNeuralLearner defaults() {
        return of(SCHEMA.defaults());
    }

    /** The Adam learning rate actually used. */
    public double effectiveLearningRate() {
        return widthScaledRate ? learningRate * Math.sqrt(hidden) : learningRate;
    }

    @Override
    public FaasComparison.Trained train(
            FaasComparison.Spec spec, double[] targets, long seed, Runnable onIteration) {
        long t0 = System.nanoTime();
        RandomGenerator init = RandomStreams.derive(seed, 0);
        final int nA = FaasEnvironment.actions(spec.params());
        NetworkPolicy policy =
                new NetworkPolicy(
                        TwoLayerNetwork.gaussian(
                                activation, hidden, ACTOR_INPUT, outputStd, hiddenStd, init),
                        nA);
        TwoLayerNetwork critic =
                TwoLayerNetwork.gaussian(
                        activation, hidden, CRITIC_INPUT, outputStd, hiddenStd, init);
        Adam actorOpt = new Adam(policy.network.parameterCount(), effectiveLearningRate());
        Adam criticOpt = new Adam(critic.parameterCount(), effectiveLearningRate());
        RandomGenerator shuffle = RandomStreams.derive(seed, 1);
        TrainingEpisodes episodes = new TrainingEpisodes(spec, targets, seed);
        double beta = beta0;
        double[] curve = new double[iterations];
        double[] klLog = new double[iterations];
        double[] betaLog = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            Rollout[] batch = episodes.collect(policy, episodesPerIteration);
            curve[it] = Rollout.meanReward(batch);
            Batch b = Batch.of(batch, policy, critic, gamma, gaeLambda, lambda);
            NetworkPolicy old = policy;
            for (int epoch = 0; epoch < epochs; epoch++) {
                int[] order = permutation(b.n, shuffle);
                for (int from = 0; from < b.n; from += miniBatch) {
                    int to = Math.min(b.n, from + miniBatch);
                    double[] g = actorGradient(policy.network, b, order, from, to, beta);
                    policy = new NetworkPolicy(policy.network.plus(1.0, actorOpt.step(g)), nA);
                    double[] gc = criticGradient(critic, b, order, from, to);
                    critic = critic.plus(1.0, criticOpt.step(gc));
                }
            }
            double kl = meanKl(old, policy, b);
            klLog[it] = kl;
            betaLog[it] = beta;
            if (kl > 1.5 * klTarget) {
                beta *= 2.0;
            } else if (kl < klTarget / 1.5) {
                beta /= 2.0;
            }
            onIteration.run();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("actor_parameters", policy.network.parameterCount());
        info.put("effective_learning_rate", effectiveLearningRate());
        info.put("final_kl_penalty", beta);
        info.put("kl_per_iteration", klLog);
        info.put("kl_penalty_per_iteration", betaLog);
        info.put("evaluation", greedy ? "greedy" : "sampled");
        return new FaasComparison.Trained(
                new PolicyManager(
                        spec.params().cpuQuota() ? "nac-nn-quota" : "nac-nn", policy, greedy),
                curve,
                (System.nanoTime() - t0) / 1e9,
                info);
    }

    /** The policy {@code pi(a|o) ∝ exp(f(o, e_a, 1))} of a network. Immutable. */
    static final class NetworkPolicy implements AgentPolicy {
        final TwoLayerNetwork network;
        final int nA;

        NetworkPolicy(TwoLayerNetwork network) {
            this(network, FaasEnvironment.N_ACTIONS);
        }

        NetworkPolicy(TwoLayerNetwork network, int nA) {
            this.network = network;
            this.nA = nA;
        }

        @Override
        public void probabilities(double[] obs, int offset, double[] out) {
            MeanFieldSoftmaxPolicy.probabilities(network, inputs(obs, offset, nA), out);
        }

        @Override
        public int actions() {
            return nA;
        }

        /**
         * Per-action inputs {@code [a*d + k]} of observation {@code obs[offset..]}, 004's actions.
         */
        static double[] inputs(double[] obs, int offset) {
            return inputs(obs, offset, FaasEnvironment.N_ACTIONS);
        }

        /**
         * Per-action inputs {@code [a*d + k]} of observation {@code obs[offset..]}: the
         * observation, a one-hot action among {@link FaasEnvironment#MAX_ACTIONS} slots, a bias.
         */
        static double[] inputs(double[] obs, int offset, int nA) {
            int d = ACTOR_INPUT;
            double[] x = new double[nA * d];
            for (int a = 0; a < nA; a++) {
                System.arraycopy(obs, offset, x, a * d, FaasEnvironment.OBS_DIM);
                x[a * d + FaasEnvironment.OBS_DIM + a] = 1.0;
                x[a * d + d - 1] = 1.0;
            }
            return x;
        }
    }

    /** A batch of transitions with old probabilities, advantages and critic targets. */
    static final class Batch {
        final int n;
        final double[] obs;
        final int[] action;

        /** {@code pOld[i*nA + a]}. */
        final double[] pOld;

        final double[] advantage;

        /** Critic target: {@code (1 - gamma)} x the GAE return. */
        final double[] target;

        Batch(
                int n,
                double[] obs,
                int[] action,
                double[] pOld,
                double[] advantage,
                double[] target) {
            this.n = n;
            this.obs = obs;
            this.action = action;
            this.pOld = pOld;
            this.advantage = advantage;
            this.target = target;
        }

        static Batch of(
                Rollout[] rollouts,
                AgentPolicy policy,
                TwoLayerNetwork critic,
                double gamma,
                double gaeLambda,
                double lambda) {
            int n = 0;
            for (Rollout r : rollouts) {
                n += r.n;
            }
            int d = FaasEnvironment.OBS_DIM;
            int nA = rollouts[0].nA;
            double[] obs = new double[n * d];
            int[] action = new int[n];
            double[] pOld = new double[n * nA];
            double[] adv = new double[n];
            double[] target = new double[n];
            double scale = 1.0 / (1.0 - gamma);
            int base = 0;
            for (Rollout r : rollouts) {
                System.arraycopy(r.obs, 0, obs, base * d, r.n * d);
                System.arraycopy(r.action, 0, action, base, r.n);
                System.arraycopy(r.prob, 0, pOld, base * nA, r.n * nA);
                double[] v = new double[r.n];
                double[] vNext = new double[r.n];
                double[] x = new double[CRITIC_INPUT];
                for (int i = 0; i < r.n; i++) {
                    v[i] = scale * critic.value(criticInput(r.obs, i * d, x));
                    vNext[i] = scale * critic.value(criticInput(r.nextObs, i * d, x));
                }
                // GAE per agent, backwards in time; the episode is truncated, so bootstrap at the
                // end
                for (int f = 0; f < r.agents; f++) {
                    double gae = 0.0;
                    for (int t = r.steps - 1; t >= 0; t--) {
                        int i = t * r.agents + f;
                        double soft = r.reward[i] - lambda * r.logProb(i);
                        double delta = soft + gamma * vNext[i] - v[i];
                        gae = delta + (r.last[i] ? 0.0 : gamma * gaeLambda * gae);
                        adv[base + i] = gae;
                        target[base + i] = (gae + v[i]) / scale;
                    }
                }
                base += r.n;
            }
            double mean = 0.0;
            for (double a : adv) {
                mean += a / n;
            }
            double var = 0.0;
            for (double a : adv) {
                var += (a - mean) * (a - mean) / n;
            }
            double sd = Math.sqrt(var) + 1e-8;
            for (int i = 0; i < n; i++) {
                adv[i] = (adv[i] - mean) / sd;
            }
            return new Batch(n, obs, action, pOld, adv, target);
        }
    }

    static double[] criticInput(double[] obs, int offset, double[] x) {
        System.arraycopy(obs, offset, x, 0, FaasEnvironment.OBS_DIM);
        x[CRITIC_INPUT - 1] = 1.0;
        return x;
    }

    /**
     * Gradient of {@code mean_i[rho_i A_i] - beta mean_i KL(pi_old(.|o_i) || pi(.|o_i))} over the
     * mini-batch {@code order[from..to)}, using {@code ∇ log pi(a|o) = ∇f(x_a) - sum_b pi(b)
     * ∇f(x_b)} and {@code ∇ KL(pi_old || pi) = sum_b (pi(b) - pi_old(b)) ∇f(x_b)}.
     */
    static double[] actorGradient(
            TwoLayerNetwork net, Batch b, int[] order, int from, int to, double beta) {
        int size = net.parameterCount();
        int nA = b.pOld.length / b.n;
        int d = ACTOR_INPUT;
        double[] grad = new double[size];
        double[][] gf = new double[nA][size];
        double[] x = new double[d];
        double[] f = new double[nA];
        double[] p = new double[nA];
        double inv = 1.0 / (to - from);
        for (int k = from; k < to; k++) {
            int i = order[k];
            double[] xs = NetworkPolicy.inputs(b.obs, i * FaasEnvironment.OBS_DIM, nA);
            for (int a = 0; a < nA; a++) {
                System.arraycopy(xs, a * d, x, 0, d);
                f[a] = net.gradient(x, gf[a]);
            }
            Numerics.softmax(f, p);
            int act = b.action[i];
            double rho = p[act] / b.pOld[i * nA + act];
            double w = rho * b.advantage[i] * inv;
            for (int a = 0; a < nA; a++) {
                // score part: w (1{a = act} - p_a); KL part: -beta (p_a - pOld_a)
                double c =
                        w * ((a == act ? 1.0 : 0.0) - p[a])
                                - beta * inv * (p[a] - b.pOld[i * nA + a]);
                if (c != 0.0) {
                    double[] g = gf[a];
                    for (int j = 0; j < size; j++) {
                        grad[j] += c * g[j];
                    }
                }
            }
        }
        return grad;
    }

    /**
     * Ascent direction of {@code -mean (g(o) - target)^2 / 2} for the critic over the mini-batch.
     */
    static double[] criticGradient(TwoLayerNetwork critic, Batch b, int[] order, int from, int to) {
        int size = critic.parameterCount();
        double[] grad = new double[size];
        double[] g = new double[size];
        double[] x = new double[CRITIC_INPUT];
        double inv = 1.0 / (to - from);
        for (int k = from; k < to; k++) {
            int i = order[k];
            double v = critic.gradient(criticInput(b.obs, i * FaasEnvironment.OBS_DIM, x), g);
            double c = -(v - b.target[i]) * inv;
            for (int j = 0; j < size; j++) {
                grad[j] += c * g[j];
            }
        }
        return grad;
    }

    /** Mean over the batch's observations of {@code KL(old(.|o) || now(.|o))}. */
    static double meanKl(AgentPolicy old, AgentPolicy now, Batch b) {
        int nA = old.actions();
        double[] p = new double[nA];
        double[] q = new double[nA];
        double s = 0.0;
        for (int i = 0; i < b.n; i++) {
            old.probabilities(b.obs, i * FaasEnvironment.OBS_DIM, p);
            now.probabilities(b.obs, i * FaasEnvironment.OBS_DIM, q);
            s += Numerics.klDivergence(p, q);
        }
        return s / b.n;
    }

    static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
