package org.mfgkit.mdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mfgkit.core.Activation;
import org.mfgkit.core.Curve;
import org.mfgkit.core.MeanFieldSoftmaxPolicy;
import org.mfgkit.core.MemoryBudget;
import org.mfgkit.core.NonFiniteException;
import org.mfgkit.core.Parallel;
import org.mfgkit.core.PolicyGradientFlow;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * The numerical examples of seed 000, §5 (Fig. 1; SPEC §4) as a study: a wide student network
 * trained by the exact mean-field softmax policy-gradient flow (000 eq. (9); bandit: eq. (12))
 * towards the soft-optimal policy {@code pi* ∝ exp(Q* / lambda)} of a width-5 teacher, {@code Q* =
 * lambda f*}, once per student initialisation (seed). It reports the gap {@code E(nu*) - E(nu_t)},
 * {@code E = V(rho0)}, against the time of eq. (9) as a {@link Curve} (one run per seed) with
 * per-initialisation summaries.
 *
 * <ul>
 *   <li>{@link Setting#BANDIT} (000 §5 a): one state, {@code A = [0,1]} on {@code actions} grid
 *       points.
 *   <li>{@link Setting#GRID} (000 §5 b): {@code grid x grid} states and actions on {@code [0,1]},
 *       {@code gamma}, {@code P(s'|s,a) = stay 1{s' = a} + (1 - stay)/grid}, {@code rho0} uniform;
 *       {@code varrho_pi} and {@code Q_pi} exact (LU resolvent) at every step.
 * </ul>
 *
 * Every parameter is declared once below ({@link #schema(Setting)}). Seeds: the teacher's weights
 * come from {@code RandomStreams.derive(teacher_seed, 0)}, the student of seed {@code k} from
 * {@code RandomStreams.derive(k, 1)}, so teacher and students never share a stream; students run in
 * parallel with results independent of the thread count.
 *
 * <pre>{@code
 * ParamValues p = PolicyGradientFlowStudy.schema(Setting.BANDIT).defaults();
 * PolicyGradientFlowStudy.Outcome r =
 *         PolicyGradientFlowStudy.run(Setting.BANDIT, p, new long[] {0, 1, 2, 3, 4}, 2, null);
 * Curve gap = r.gap();   // E(nu*) - E(nu_t), one run per seed
 * double orders = r.result().minOrdersOfMagnitude();
 * }</pre>
 */
public final class PolicyGradientFlowStudy {
    /** Which task of 000 §5. */
    public enum Setting {
        /** 000 §5 (a). */
        BANDIT,
        /** 000 §5 (b). */
        GRID;

        /** {@code bandit} or {@code grid}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Seed of the teacher network. */
    public static final Param<Long> TEACHER_SEED =
            Param.longInteger("teacher_seed", 0L, "seed of the teacher network f*");

    /** Entropy weight. */
    public static final Param<Double> LAMBDA =
            Param.real("lambda", 0.2, "entropy weight lambda (tau in 000)")
                    .check(Checks.positive());

    /** Bandit: grid points of {@code A = [0,1]}. */
    public static final Param<Integer> ACTIONS =
            Param.integer("actions", 100, "bandit: grid points of A = [0,1]")
                    .check(Checks.atLeast(2));

    /** Grid: states = actions. */
    public static final Param<Integer> GRID_SIZE =
            Param.integer("grid", 100, "grid: states = actions on [0,1]").check(Checks.atLeast(2));

    /** Grid: discount. */
    public static final Param<Double> GAMMA =
            Param.real("gamma", 0.7, "grid: discount factor").check(Checks.discount());

    /** Grid: probability of moving to the chosen point. */
    public static final Param<Double> STAY =
            Param.real("stay", 0.9, "grid: P(s' = a), the rest uniform")
                    .check(Checks.unitInterval());

    /** Student width {@code N}. */
    public static final Param<Integer> WIDTH =
            Param.integer("width", 800, "student width N").check(Checks.atLeast(1));

    /** Student units. */
    public static final Param<String> ACTIVATION =
            Param.choice(
                    "activation",
                    "relu",
                    List.of("relu", "tanh", "sigmoid", "gaussian-rbf", "rbf", "gaussian"),
                    "student units");

    /** Student first-layer standard deviation. */
    public static final Param<Double> INIT_STD =
            Param.real("init_std", 2.0, "student first layer N(0, init_std^2)")
                    .check(Checks.nonNegative());

    /** Student output-weight standard deviation. */
    public static final Param<Double> OUTPUT_STD =
            Param.real("output_std", 0.0, "student output weights N(0, output_std^2)")
                    .check(Checks.nonNegative());

    /** Teacher width. */
    public static final Param<Integer> TEACHER_WIDTH =
            Param.integer("teacher_width", 5, "teacher width").check(Checks.atLeast(1));

    /** Teacher weights' standard deviation. */
    public static final Param<Double> TEACHER_STD =
            Param.real("teacher_std", 2.0, "teacher weights N(0, teacher_std^2)")
                    .check(Checks.nonNegative());

    /** Steps per initialisation (bandit default). */
    public static final Param<Integer> STEPS =
            Param.integer("steps", 10_000, "flow steps per initialisation")
                    .check(Checks.atLeast(1));

    /** Curve points. */
    public static final Param<Integer> POINTS =
            Param.integer(
                            "points",
                            400,
                            "curve points: as many equally spaced in time, half as many in log time")
                    .check(Checks.atLeast(2));

    private static final ParamSchema BANDIT_SCHEMA =
            ParamSchema.of(
                    "meanfield-bandit",
                    TEACHER_SEED,
                    LAMBDA,
                    ACTIONS,
                    WIDTH,
                    ACTIVATION,
                    INIT_STD,
                    OUTPUT_STD,
                    TEACHER_WIDTH,
                    TEACHER_STD,
                    PolicyGradientFlow.DT,
                    PolicyGradientFlow.INTEGRATOR,
                    STEPS,
                    POINTS);

    private static final ParamSchema GRID_SCHEMA =
            ParamSchema.of(
                    "meanfield-grid",
                    TEACHER_SEED,
                    LAMBDA,
                    GRID_SIZE,
                    GAMMA,
                    STAY,
                    WIDTH,
                    ACTIVATION,
                    INIT_STD,
                    OUTPUT_STD,
                    TEACHER_WIDTH,
                    TEACHER_STD,
                    PolicyGradientFlow.DT,
                    PolicyGradientFlow.INTEGRATOR,
                    STEPS.withDefault(5_000),
                    POINTS);

    private PolicyGradientFlowStudy() {}

    /** The parameters of {@code setting}, in order, with their defaults (000 §5's values). */
    public static ParamSchema schema(Setting setting) {
        return setting == Setting.BANDIT ? BANDIT_SCHEMA : GRID_SCHEMA;
    }

    /**
     * One student initialisation.
     *
     * @param seed the student's seed
     * @param initialGap {@code E(nu*) - E(nu_0)}
     * @param finalGap {@code E(nu*) - E(nu_T)}
     * @param ordersOfMagnitude {@code log10(initialGap / finalGap)}
     * @param monotone whether the gap never increased from one step to the next
     * @param largestGapIncrease the largest one-step increase of the gap (0 when monotone)
     * @param finalKlOccupancy {@code sum_s d_pi(s) KL(pi_T(.|s) || pi*(.|s))}, {@code d_pi} the
     *     normalised discounted occupancy from {@code rho0} (equals {@code (1-gamma)/lambda *
     *     finalGap})
     * @param finalKlMean {@code (1/nS) sum_s KL(pi_T(.|s) || pi*(.|s))}
     * @param finalMaxParticleSpeed largest {@code |F(w_i)|} at the end
     * @param seconds wall time of this initialisation
     */
    public record Initialisation(
            long seed,
            double initialGap,
            double finalGap,
            double ordersOfMagnitude,
            boolean monotone,
            double largestGapIncrease,
            double finalKlOccupancy,
            double finalKlMean,
            double finalMaxParticleSpeed,
            double seconds) {}

    /**
     * The result.
     *
     * @param setting {@code bandit} or {@code grid}
     * @param teacherSeed seed of the teacher
     * @param seeds student seeds, in the order of the curve's runs
     * @param states number of states
     * @param actions number of actions
     * @param gamma discount (0 for the bandit)
     * @param lambda entropy weight
     * @param width student width {@code N}
     * @param activation student units
     * @param dt time step (time of eq. (9))
     * @param integrator time stepper
     * @param steps steps per initialisation
     * @param time final training time {@code steps * dt}
     * @param rho0 the start distribution of {@code E = V(rho0)}
     * @param optimalValue {@code E(nu*) = V*(rho0)}
     * @param allMonotone every initialisation's gap decreased monotonically
     * @param minOrdersOfMagnitude smallest {@code log10(initialGap/finalGap)} over initialisations
     * @param maxFinalKlOccupancy largest final occupancy-weighted KL to {@code pi*}
     * @param msPerStep mean wall time of one flow step (one exact evaluation), milliseconds
     * @param runs per initialisation
     * @param warnings one line per initialisation whose gap ended above where it started (the flow
     *     diverged), naming the likely cause; empty when none did
     */
    public record Summary(
            String setting,
            long teacherSeed,
            long[] seeds,
            int states,
            int actions,
            double gamma,
            double lambda,
            int width,
            String activation,
            double dt,
            String integrator,
            int steps,
            double time,
            String rho0,
            double optimalValue,
            boolean allMonotone,
            double minOrdersOfMagnitude,
            double maxFinalKlOccupancy,
            double msPerStep,
            List<Initialisation> runs,
            List<String> warnings) {}

    /**
     * What {@link #run} returns.
     *
     * @param result the summaries
     * @param gap {@code E(nu*) - E(nu_t)} at the recorded times, one run per seed
     */
    public record Outcome(Summary result, Curve gap) {}

    /**
     * Runs one student per seed.
     *
     * @param setting bandit or grid
     * @param p values of {@link #schema(Setting)}
     * @param seeds student seeds (at least one)
     * @param threads students at once, at least 1
     * @param onStep called after every flow step of every student, from the worker threads
     *     (progress); may be {@code null}
     */
    public static Outcome run(
            Setting setting, ParamValues p, long[] seeds, int threads, Runnable onStep) {
        if (p.schema() != schema(setting)) {
            throw new IllegalArgumentException("values of another schema: " + p.schema());
        }
        if (seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("the study needs at least one seed");
        }
        admit(setting, p, seeds.length, threads);
        try {
            return runAdmitted(setting, p, seeds, threads, onStep);
        } catch (NonFiniteException e) {
            throw e.inTermsOf("the " + schema(setting).owner() + " flow", p);
        }
    }

    private static Outcome runAdmitted(
            Setting setting, ParamValues p, long[] seeds, int threads, Runnable onStep) {
        boolean bandit = setting == Setting.BANDIT;
        double lambda = p.get(LAMBDA);
        int size = bandit ? p.get(ACTIONS) : p.get(GRID_SIZE);
        double gamma = bandit ? 0.0 : p.get(GAMMA);
        int width = p.get(WIDTH);
        Activation activation = Activation.parse(p.get(ACTIVATION));
        double initStd = p.get(INIT_STD);
        double outputStd = p.get(OUTPUT_STD);
        PolicyGradientFlow.StepSettings params =
                new PolicyGradientFlow.StepSettings(
                        p.get(PolicyGradientFlow.DT),
                        PolicyGradientFlow.Integrator.parse(p.get(PolicyGradientFlow.INTEGRATOR)));
        int steps = p.get(STEPS);
        long teacherSeed = p.get(TEACHER_SEED);

        TwoLayerNetwork teacher =
                TeacherTask.teacher(
                        p.get(TEACHER_WIDTH),
                        p.get(TEACHER_STD),
                        RandomStreams.derive(teacherSeed, 0));
        TeacherTask task =
                bandit
                        ? TeacherTask.bandit(size, teacher, lambda)
                        : TeacherTask.grid(size, gamma, p.get(STAY), teacher, lambda);
        PolicyGradientFlow flow = new PolicyGradientFlow(task.inputs(), task.evaluator(), params);
        double optimal = task.optimalValue();

        double time = steps * params.dt();
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException(
                    "steps x dt = "
                            + steps
                            + " x "
                            + p.text(PolicyGradientFlow.DT.name())
                            + " is not a finite time; lower dt");
        }
        int[] recorded = recordedSteps(steps, p.get(POINTS));
        double[] times = new double[recorded.length];
        for (int k = 0; k < recorded.length; k++) {
            times[k] = recorded[k] * params.dt();
        }

        List<Object[]> outcomes;
        try {
            outcomes =
                    Parallel.map(
                            seeds.length,
                            threads,
                            i -> {
                                long t0 = System.nanoTime();
                                TwoLayerNetwork student =
                                        TwoLayerNetwork.gaussian(
                                                activation,
                                                width,
                                                3,
                                                outputStd,
                                                initStd,
                                                RandomStreams.derive(seeds[i], 1));
                                PolicyGradientFlow.Trajectory run =
                                        flow.run(
                                                student,
                                                steps,
                                                onStep == null ? null : k -> onStep.run());
                                double seconds = (System.nanoTime() - t0) / 1e9;
                                double[] values = run.values();
                                double[] gap = new double[recorded.length];
                                for (int k = 0; k < recorded.length; k++) {
                                    gap[k] = optimal - values[recorded[k]];
                                }
                                MeanFieldSoftmaxPolicy last = run.lastField().policy();
                                double initialGap = optimal - values[0];
                                double finalGap = optimal - values[steps];
                                Initialisation r =
                                        new Initialisation(
                                                seeds[i],
                                                initialGap,
                                                finalGap,
                                                Math.log10(initialGap / finalGap),
                                                run.largestDecrease() == 0.0,
                                                run.largestDecrease(),
                                                task.occupancyKl(last),
                                                task.meanKl(last),
                                                run.lastField().maxParticleSpeed(),
                                                seconds);
                                return new Object[] {r, gap};
                            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        List<Initialisation> runs = new ArrayList<>();
        List<double[]> gaps = new ArrayList<>();
        for (Object[] o : outcomes) {
            runs.add((Initialisation) o[0]);
            gaps.add((double[]) o[1]);
        }
        List<String> warnings = new ArrayList<>();
        for (Initialisation r : runs) {
            if (!Double.isFinite(r.finalGap()) || !Double.isFinite(r.initialGap())) {
                throw new NonFiniteException(
                        "seed " + r.seed() + ": the gap is " + r.finalGap() + " at t = " + time);
            }
            if (r.finalGap() > r.initialGap()) {
                warnings.add(
                        String.format(
                                Locale.ROOT,
                                "seed %d: the flow diverged: the gap rose from %.3g to %.3g by t ="
                                        + " %.3g; dt = %s is likely above the stable step, lower"
                                        + " dt",
                                r.seed(),
                                r.initialGap(),
                                r.finalGap(),
                                time,
                                p.text(PolicyGradientFlow.DT.name())));
            }
        }
        boolean allMonotone = runs.stream().allMatch(Initialisation::monotone);
        double minOrders =
                runs.stream()
                        .mapToDouble(Initialisation::ordersOfMagnitude)
                        .min()
                        .orElse(Double.NaN);
        double maxKl =
                runs.stream()
                        .mapToDouble(Initialisation::finalKlOccupancy)
                        .max()
                        .orElse(Double.NaN);
        double msPerStep =
                runs.stream().mapToDouble(Initialisation::seconds).sum()
                        * 1e3
                        / ((double) steps * seeds.length);
        Summary result =
                new Summary(
                        setting.label(),
                        teacherSeed,
                        seeds.clone(),
                        task.mdp().nS(),
                        task.mdp().nA(),
                        gamma,
                        lambda,
                        width,
                        activation.label(),
                        params.dt(),
                        params.integrator().label(),
                        steps,
                        time,
                        bandit ? "the single state" : "uniform over the " + size + " states",
                        optimal,
                        allMonotone,
                        minOrders,
                        maxKl,
                        msPerStep,
                        runs,
                        List.copyOf(warnings));
        return new Outcome(result, Curve.of("E(nu*) - E(nu_t)", times, gaps));
    }

    /**
     * Refuses, before anything is allocated, a run whose estimated memory exceeds the JVM's heap
     * ({@link MemoryBudget#admit}), naming the setting that contributes most. The estimate: per
     * student running at once ({@code min(threads, seeds)}), the value and time of every step
     * ({@code 16 (steps+1)} bytes), the particles with the integrator's copies ({@code 288 width})
     * and the per-step tables ({@code 8 (10 nS nA + 2 nS^2)}: policy, velocity, resolvent); shared,
     * the grid's transitions {@code 8 nS nA nS} and the network inputs {@code 24 nS nA}, the
     * recorded curve points ({@code 64 + 16 seeds} bytes each, at most {@code min(steps + 1, 1.5
     * points)}) and the teacher ({@code 64 teacher_width}).
     *
     * @throws IllegalArgumentException when the run would not fit
     */
    public static void admit(Setting setting, ParamValues p, int seeds, int threads) {
        boolean bandit = setting == Setting.BANDIT;
        Param<Integer> sizeParam = bandit ? ACTIONS : GRID_SIZE;
        double size = p.get(sizeParam);
        double nS = bandit ? 1 : size;
        double nA = size;
        double concurrent = Math.max(1, Math.min(threads, seeds));
        double tables =
                8.0 * (bandit ? 0 : nS * nA * nS)
                        + 24.0 * nS * nA
                        + concurrent * 8.0 * (10 * nS * nA + 2 * nS * nS);
        MemoryBudget.admit(
                schema(setting).owner(),
                List.of(
                        new MemoryBudget.Term(
                                "steps", p.get(STEPS), concurrent * 16.0 * (p.get(STEPS) + 1.0)),
                        new MemoryBudget.Term(
                                "width", p.get(WIDTH), concurrent * 288.0 * p.get(WIDTH)),
                        new MemoryBudget.Term(sizeParam.name(), p.get(sizeParam), tables),
                        new MemoryBudget.Term(
                                "points",
                                p.get(POINTS),
                                recordedBound(p.get(STEPS), p.get(POINTS)) * (64.0 + 16.0 * seeds)),
                        new MemoryBudget.Term(
                                "teacher_width",
                                p.get(TEACHER_WIDTH),
                                64.0 * p.get(TEACHER_WIDTH))));
    }

    /**
     * At most how many steps {@link #recordedSteps} records: {@code points + points/2}, never more
     * than the {@code steps + 1} there are.
     */
    static double recordedBound(int steps, int points) {
        return Math.min(steps + 1.0, points + Math.max(2.0, points / 2));
    }

    /**
     * The steps written to the curve: {@code points} equally spaced steps from 0 to {@code steps}
     * and {@code points/2} steps equally spaced in {@code log t} from 1 to {@code steps} (for the
     * log-log plot), merged and sorted; 0 and {@code steps} always included.
     */
    public static int[] recordedSteps(int steps, int points) {
        if (points > steps) {
            // spacing below one step: every step is recorded (what the loops below give, without
            // running them points times)
            int[] all = new int[steps + 1];
            for (int k = 0; k <= steps; k++) {
                all[k] = k;
            }
            return all;
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < points; i++) {
            out.add((int) Math.round((double) steps * i / (points - 1)));
        }
        int logPoints = Math.max(2, points / 2);
        for (int i = 0; i < logPoints; i++) {
            out.add((int) Math.round(Math.pow(steps, i / (double) (logPoints - 1))));
        }
        out.add(0);
        out.add(steps);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
