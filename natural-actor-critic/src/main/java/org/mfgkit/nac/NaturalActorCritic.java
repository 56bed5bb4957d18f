package org.mfgkit.nac;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.mfgkit.core.Curve;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * Entropy-regularised natural actor-critic for stationary mean-field games with a log-linear policy
 * {@code pi_theta(a|s) ∝ exp(theta^T phi(s,a))} (004 Algorithm 1; SPEC §3). From {@code theta_0 =
 * 0}, each iteration {@code t}:
 *
 * <ol>
 *   <li>critic: {@code qhat ≈ Q^{pi_t} - lambda log pi_t} in the MDP induced by {@code mu_t}
 *       ({@link CriticOracle});
 *   <li>advantage of the unshifted soft Q: {@code Qhat = qhat + lambda log pi_t}, {@code Ahat =
 *       Qhat - sum_a pi_t Qhat} ({@link NacOps#softAdvantage});
 *   <li>actor: {@code what ≈ argmin E_{d_pi x pi}[(w^T grad log pi - Ahat)^2]} ({@link
 *       ActorOracle});
 *   <li>{@code theta_{t+1} = (1 - eta lambda) theta_t + eta what} ({@link NacOps#naturalStep});
 *   <li>the environment moves the population: single-loop NAC {@code mu_{t+1} = (1-beta) mu_t +
 *       beta Gamma2(pi_t, mu_t)}; DL-NAC keeps {@code mu} for {@code M} iterations, then {@code mu
 *       <- Gamma2(pi, mu)} in one full step.
 * </ol>
 *
 * The learner touches the game only through its {@link LearnerEnvironment} (samples and {@code
 * advance}); exact oracles, when chosen, read the model for ablation. Measurements (exploitability)
 * come from a caller-supplied {@link PolicyMeasure} and only enter the trace. A run is a
 * deterministic function of its seed. Not thread-safe: run seeds in parallel with one instance
 * each.
 */
public final class NaturalActorCritic {
    /** Stream index of the learner's draws under a run seed (see {@link RandomStreams#derive}). */
    public static final int LEARNER_STREAM = 0;

    /** Stream index of the empirical population's draws under a run seed. */
    public static final int POPULATION_STREAM = 1;

    private final LearnerEnvironment env;

    /** The environment's mean field, for the listener's records only ({@code null}: none). */
    private final Supplier<double[]> meanField;

    private final FeatureMap phi;
    private final CriticOracle critic;
    private final ActorOracle actor;
    private final NacParams params;

    /** Entropy weight {@code lambda} of the game. */
    private final double lambda;

    /** Policy parameter {@code theta_t}. */
    private final double[] theta;

    /** The current policy {@code pi_t}. */
    private LogLinearPolicy pi;

    /** Policy updates done. */
    private int t;

    /**
     * A learner from explicit parts.
     *
     * @param env the environment (holds the mean field)
     * @param phi the policy's feature map, {@code ||phi(s,a)|| <= 1}
     * @param critic the critic oracle (bound to {@code env})
     * @param actor the actor oracle (bound to {@code env})
     * @param params the loop's hyper-parameters
     * @param meanField the environment's current mean field, handed to the listener with each
     *     record (reporting only); {@code null} when there is none to report
     */
    public NaturalActorCritic(
            LearnerEnvironment env,
            FeatureMap phi,
            CriticOracle critic,
            ActorOracle actor,
            NacParams params,
            Supplier<double[]> meanField) {
        if (env == null || phi == null || critic == null || actor == null || params == null) {
            throw new IllegalArgumentException(
                    "environment, features, critic, actor and params are required");
        }
        Tables.requireShape(env, phi);
        this.env = env;
        this.meanField = meanField;
        this.phi = phi;
        this.critic = critic;
        this.actor = actor;
        this.params = params;
        this.lambda = env.lambda();
        NacOps.requireStep(params.eta(), lambda); // fails before the run, not at its first step
        this.theta = new double[phi.dim()];
        this.pi = LogLinearPolicy.zero(phi);
    }

    /**
     * The learner {@code settings} describe for {@code game}: an exact or empirical-population
     * {@link MeanFieldEnvironment} (the population draws from stream {@link #POPULATION_STREAM} of
     * {@code seed}), the feature map and the chosen oracles.
     */
    public static NaturalActorCritic create(MeanFieldGame game, NacSettings settings, long seed) {
        return create(
                game,
                settings.featureMap(game.nS(), game.nA()),
                settings.loop(),
                settings.oracles(),
                settings.population(),
                seed);
    }

    /**
     * The learner for {@code game} with explicit features, loop and oracle settings and population
     * size {@code population} (0 = the exact {@code Gamma2}).
     */
    public static NaturalActorCritic create(
            MeanFieldGame game,
            FeatureMap phi,
            NacParams params,
            OracleParams oracles,
            int population,
            long seed) {
        MeanFieldEnvironment env =
                population > 0
                        ? MeanFieldEnvironment.withPopulation(
                                game, population, RandomStreams.derive(seed, POPULATION_STREAM))
                        : new MeanFieldEnvironment(game);
        int d = phi.dim();
        CriticOracle critic =
                switch (oracles.critic()) {
                    case TD_ZERO ->
                            new TdZeroOracle(
                                    env,
                                    phi,
                                    new TdZeroCritic(
                                            d,
                                            game.gamma(),
                                            game.lambda(),
                                            oracles.criticRadius(),
                                            StepSchedule.constant(oracles.criticStep())),
                                    oracles.criticSamples(),
                                    oracles.warmStart());
                    case EXACT -> new ExactCriticOracle(env);
                };
        ActorOracle actor =
                switch (oracles.actor()) {
                    case SGD ->
                            new SgdOracle(
                                    env,
                                    phi,
                                    new SgdActor(
                                            d,
                                            oracles.actorRadius(),
                                            StepSchedule.constant(oracles.actorStep())),
                                    oracles.actorSamples(),
                                    oracles.warmStart());
                    case EXACT -> new ExactActorOracle(env, phi);
                };
        return new NaturalActorCritic(env, phi, critic, actor, params, env::meanField);
    }

    /**
     * One full run for {@code seed}: {@link #create} then {@link #run} with the learner stream
     * {@link #LEARNER_STREAM} of {@code seed}.
     */
    public static NacResult solve(
            MeanFieldGame game,
            NacSettings settings,
            long seed,
            PolicyMeasure measure,
            NacListener listener) {
        return create(game, settings, seed)
                .run(RandomStreams.derive(seed, LEARNER_STREAM), measure, listener);
    }

    /**
     * Steps 1-4 once: a policy update against the environment's current mean field (the mean field
     * is not moved). Returns the new policy.
     */
    public LogLinearPolicy improve(RandomGenerator rng) {
        int nS = phi.nS();
        int nA = phi.nA();
        double[] qhat = critic.estimate(pi, rng);
        double[] table = pi.table();
        double[] advantage = new double[nS * nA];
        if (params.advantage() == NacParams.AdvantageTarget.SOFT_Q) {
            double[] logPi = Tables.logPolicy(pi);
            for (int s = 0; s < nS; s++) {
                NacOps.softAdvantage(qhat, table, logPi, s * nA, nA, lambda, advantage);
            }
        } else {
            for (int s = 0; s < nS; s++) {
                NacOps.shiftedAdvantage(qhat, table, s * nA, nA, advantage);
            }
        }
        double[] what = actor.estimate(pi, advantage, rng);
        NacOps.naturalStep(theta, what, params.eta(), lambda);
        pi = new LogLinearPolicy(phi, theta);
        t++;
        return pi;
    }

    /**
     * Runs {@code params.iterations()} iterations of NAC or DL-NAC from the current state.
     *
     * @param rng the learner's generator (all its sampling)
     * @param measure recorded at {@code pi_t} and the running average every {@code evalEvery}
     *     iterations, and at the first and last; may be {@code null}
     * @param listener told of every iteration and record (progress); may be {@code null}
     */
    public NacResult run(RandomGenerator rng, PolicyMeasure measure, NacListener listener) {
        long start = System.nanoTime();
        NacListener observer = listener == null ? new NacListener() {} : listener;
        int total = params.iterations();
        int every = params.evalEvery();
        int points = total / every + 1 + (total % every == 0 ? 0 : 1);
        int[] recorded = new int[points];
        double[] values = new double[points];
        double[] averageValues = new double[points];
        double[] elapsed = new double[points];
        double[] sum = pi.table();
        int count = 1;
        int point = 0;
        double first = evaluate(measure, pi);
        recorded[0] = 0;
        values[0] = first;
        averageValues[0] = first;
        elapsed[0] = (System.nanoTime() - start) * 1e-9;
        observer.onRecord(snapshot(0, first, first, elapsed[0]));
        point++;
        for (int it = 0; it < total; it++) {
            LogLinearPolicy played = pi;
            improve(rng);
            if (params.algorithm() == NacParams.Algorithm.NAC) {
                env.advance(played, params.beta());
            } else if ((it + 1) % params.innerIterations() == 0) {
                env.advance(pi, 1.0);
            }
            double[] table = pi.table();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += table[i];
            }
            count++;
            if ((it + 1) % every == 0 || it + 1 == total) {
                recorded[point] = it + 1;
                values[point] = evaluate(measure, pi);
                averageValues[point] =
                        measure == null ? Double.NaN : measure.evaluate(average(sum, count));
                elapsed[point] = (System.nanoTime() - start) * 1e-9;
                observer.onRecord(
                        snapshot(it + 1, values[point], averageValues[point], elapsed[point]));
                point++;
            }
            observer.onIteration(it + 1);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = recorded[i];
        }
        return new NacResult(
                pi,
                average(sum, count),
                Curve.single("exploitability", x, values),
                Curve.single("exploitability (average policy)", x, averageValues),
                Curve.single("elapsed seconds", x, elapsed),
                critic.samples(),
                actor.samples(),
                seconds);
    }

    private NacListener.Snapshot snapshot(
            int t, double value, double averageValue, double seconds) {
        return new NacListener.Snapshot(
                t, pi, value, averageValue, seconds, meanField == null ? null : meanField.get());
    }

    /** The current policy {@code pi_t}. */
    public LogLinearPolicy policy() {
        return pi;
    }

    /** A copy of {@code theta_t}. */
    public double[] theta() {
        return theta.clone();
    }

    /** Policy updates done so far. */
    public int iteration() {
        return t;
    }

    /** The environment the learner acts in. */
    public LearnerEnvironment environment() {
        return env;
    }

    /** The hyper-parameters. */
    public NacParams params() {
        return params;
    }

    private TabularPolicy average(double[] sum, int count) {
        double[] avg = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            avg[i] = sum[i] / count;
        }
        int nA = phi.nA();
        // renormalise each row against round-off before validation
        for (int s = 0; s < phi.nS(); s++) {
            double z = 0.0;
            for (int a = 0; a < nA; a++) {
                z += avg[s * nA + a];
            }
            for (int a = 0; a < nA; a++) {
                avg[s * nA + a] /= z;
            }
        }
        return TabularPolicy.ofTable(phi.nS(), nA, avg);
    }

    private static double evaluate(PolicyMeasure measure, LogLinearPolicy policy) {
        return measure == null ? Double.NaN : measure.evaluate(policy);
    }
}
