package org.mfgkit.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Activation;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;
import org.mfgkit.core.MeanFieldSoftmaxPolicy;
import org.mfgkit.core.PolicyGradientFlow;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.mdp.TeacherTask;

/**
 * The numerical examples of seed 000, §5 (Fig. 1; SPEC §4): a wide ReLU student trained by the
 * exact mean-field softmax policy-gradient flow (000 eq. (9); bandit: eq. (12)) towards the
 * soft-optimal policy {@code pi* ∝ exp(Q* / lambda)} of a width-5 teacher, {@code Q* = lambda f*}.
 * One line per student initialisation of the gap {@code E(nu*) - E(nu_t)}, {@code E = V(rho0)},
 * against training time (the time of eq. (9)), log scale: {@code curve.png} (log y), {@code
 * curve-loglog.png} (both axes log, which shows the fast initial phase), {@code curve.csv} (column
 * {@code run_k} is the {@code k}-th seed) and {@code result.json}.
 *
 * <ul>
 *   <li>{@code meanfield-bandit} (000 §5 a): one state, {@code A = [0,1]} on {@code actions} grid
 *       points.
 *   <li>{@code meanfield-grid} (000 §5 b): {@code grid x grid} states and actions on {@code [0,1]},
 *       {@code gamma = 0.7}, {@code P(s'|s,a) = stay 1{s' = a} + (1 - stay)/grid}, {@code rho0}
 *       uniform; {@code varrho_pi} and {@code Q_pi} exact (LU resolvent) at every step.
 * </ul>
 *
 * <p>Config (every field but {@code experiment} optional; defaults in brackets): {@code seeds}
 * (student initialisations, a count or a list [5]), {@code teacher_seed} [0], {@code lambda} [0.2],
 * {@code actions} (bandit [100]) or {@code grid}, {@code gamma}, {@code stay} (grid [100, 0.7,
 * 0.9]), {@code width} [800], {@code activation} (student units [relu]), {@code init_std} (first
 * layer [2.0], i.e. variance 4), {@code output_std} [0.0], {@code teacher_width} [5], {@code
 * teacher_std} [2.0], {@code dt} [1.0; 000's value is 1e-3], {@code integrator} [euler | heun],
 * {@code steps} (bandit [10000], grid [5000]), {@code points} (curve points [400]: as many equally
 * spaced in time and half as many equally spaced in log time).
 *
 * <p>Seeds: the teacher's weights are drawn from {@code RandomStreams.derive(teacher_seed, 0)}, the
 * student of seed {@code k} from {@code RandomStreams.derive(k, 1)}, so teacher and students never
 * share a stream.
 */
public final class MeanFieldPolicyGradientExperiment implements Experiment {

    /** Which task of 000 §5. */
    private enum Setting {
        BANDIT,
        GRID
    }

    private final Setting setting;

    private MeanFieldPolicyGradientExperiment(Setting setting) {
        this.setting = setting;
    }

    /** {@code meanfield-bandit}: 000 §5 (a). */
    public static MeanFieldPolicyGradientExperiment bandit() {
        return new MeanFieldPolicyGradientExperiment(Setting.BANDIT);
    }

    /** {@code meanfield-grid}: 000 §5 (b). */
    public static MeanFieldPolicyGradientExperiment grid() {
        return new MeanFieldPolicyGradientExperiment(Setting.GRID);
    }

    @Override
    public String name() {
        return setting == Setting.BANDIT ? "meanfield-bandit" : "meanfield-grid";
    }

    @Override
    public String description() {
        return setting == Setting.BANDIT
                ? "seed 000 §5a: exact mean-field policy-gradient flow of a width-800 ReLU net on a bandit over [0,1], gap vs time per initialisation"
                : "seed 000 §5b: exact mean-field policy-gradient flow on the 100x100 grid MDP (gamma 0.7), gap vs time per initialisation";
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
    public record Run(
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
     * @param seeds student seeds, in the order of the CSV's run columns
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
     */
    public record Result(
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
            List<Run> runs) {}

    @Override
    public Object run(JsonNode json, RunContext ctx) throws Exception {
        Config c = Config.of(json);
        boolean bandit = setting == Setting.BANDIT;
        if (bandit) {
            c.allowOnly(
                    "experiment",
                    "seeds",
                    "teacher_seed",
                    "lambda",
                    "actions",
                    "width",
                    "activation",
                    "init_std",
                    "output_std",
                    "teacher_width",
                    "teacher_std",
                    "dt",
                    "integrator",
                    "steps",
                    "points");
        } else {
            c.allowOnly(
                    "experiment",
                    "seeds",
                    "teacher_seed",
                    "lambda",
                    "grid",
                    "gamma",
                    "stay",
                    "width",
                    "activation",
                    "init_std",
                    "output_std",
                    "teacher_width",
                    "teacher_std",
                    "dt",
                    "integrator",
                    "steps",
                    "points");
        }
        long[] seeds = c.seeds("seeds", 5);
        long teacherSeed = c.integer("teacher_seed", 0);
        double lambda = positive(c, "lambda", 0.2);
        int size = atLeast(c, bandit ? "actions" : "grid", 100, 2);
        double gamma = bandit ? 0.0 : c.number("gamma", 0.7);
        double stay = bandit ? 1.0 : c.number("stay", 0.9);
        int width = atLeast(c, "width", 800, 1);
        Activation activation = Activation.parse(c.string("activation", "relu"));
        double initStd = nonNegative(c, "init_std", 2.0);
        double outputStd = nonNegative(c, "output_std", 0.0);
        int teacherWidth = atLeast(c, "teacher_width", 5, 1);
        double teacherStd = nonNegative(c, "teacher_std", 2.0);
        PolicyGradientFlow.Params params =
                new PolicyGradientFlow.Params(
                        c.number("dt", PolicyGradientFlow.Params.DEFAULT_DT),
                        PolicyGradientFlow.Integrator.parse(c.string("integrator", "euler")));
        int steps = atLeast(c, "steps", bandit ? 10_000 : 5_000, 1);
        int points = atLeast(c, "points", 400, 2);

        // builds (and validates gamma, stay) before any long work
        TwoLayerNetwork teacher =
                TeacherTask.teacher(teacherWidth, teacherStd, RandomStreams.derive(teacherSeed, 0));
        TeacherTask task =
                bandit
                        ? TeacherTask.bandit(size, teacher, lambda)
                        : TeacherTask.grid(size, gamma, stay, teacher, lambda);
        PolicyGradientFlow flow = new PolicyGradientFlow(task.inputs(), task.evaluator(), params);
        double optimal = task.optimalValue();

        int[] recorded = recordedSteps(steps, points);
        double[] times = new double[recorded.length];
        for (int k = 0; k < recorded.length; k++) {
            times[k] = recorded[k] * params.dt();
        }

        List<Object[]> outcomes;
        try (Progress progress =
                ctx.progress().start(name(), (long) seeds.length * steps, "step")) {
            outcomes =
                    ctx.runParallel(
                            seeds.length,
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
                                PolicyGradientFlow.Run run =
                                        flow.run(student, steps, k -> progress.step());
                                double seconds = (System.nanoTime() - t0) / 1e9;
                                double[] gap = new double[recorded.length];
                                for (int k = 0; k < recorded.length; k++) {
                                    gap[k] = optimal - run.values()[recorded[k]];
                                }
                                MeanFieldSoftmaxPolicy last = run.lastField().policy();
                                double initialGap = optimal - run.values()[0];
                                double finalGap = optimal - run.values()[steps];
                                Run r =
                                        new Run(
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
        }

        List<Run> runs = new ArrayList<>();
        List<double[]> gaps = new ArrayList<>();
        List<Curve> lines = new ArrayList<>();
        for (Object[] o : outcomes) {
            Run r = (Run) o[0];
            runs.add(r);
            gaps.add((double[]) o[1]);
            lines.add(Curve.single("initialisation seed " + r.seed(), times, (double[]) o[1]));
        }
        String title =
                (bandit
                                ? "bandit on [0,1], " + size + " actions"
                                : size + "x" + size + " grid, gamma " + gamma)
                        + ", lambda "
                        + lambda
                        + ", N = "
                        + width
                        + " "
                        + activation.label()
                        + ", dt "
                        + params.dt();
        ctx.writer()
                .csv(
                        "curve.csv",
                        List.of(Curve.of("E(nu*) - E(nu_t)", times, gaps)),
                        "time",
                        Band.MIN_MAX);
        PlotSpec spec =
                PlotSpec.of(title, "training time t (eq. (9))", "E(nu*) - E(nu_t)").withLogY(true);
        ctx.writer().plotLines("curve.png", spec, lines);
        ctx.writer().plotLines("curve-loglog.png", spec.withLogX(true), lines); // t = 0 is left out

        boolean allMonotone = runs.stream().allMatch(Run::monotone);
        double minOrders =
                runs.stream().mapToDouble(Run::ordersOfMagnitude).min().orElse(Double.NaN);
        double maxKl = runs.stream().mapToDouble(Run::finalKlOccupancy).max().orElse(Double.NaN);
        double msPerStep =
                runs.stream().mapToDouble(Run::seconds).sum()
                        * 1e3
                        / ((double) steps * seeds.length);
        return new Result(
                bandit ? "bandit" : "grid",
                teacherSeed,
                seeds,
                task.mdp().nS(),
                task.mdp().nA(),
                gamma,
                lambda,
                width,
                activation.label(),
                params.dt(),
                params.integrator().name().toLowerCase(java.util.Locale.ROOT),
                steps,
                steps * params.dt(),
                bandit ? "the single state" : "uniform over the " + size + " states",
                optimal,
                allMonotone,
                minOrders,
                maxKl,
                msPerStep,
                runs);
    }

    /**
     * The steps written to the curve: {@code points} equally spaced steps from 0 to {@code steps}
     * and {@code points/2} steps equally spaced in {@code log t} from 1 to {@code steps} (for the
     * log-log plot), merged and sorted; 0 and {@code steps} always included.
     */
    static int[] recordedSteps(int steps, int points) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
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

    private static double positive(Config c, String field, double fallback) {
        double v = c.number(field, fallback);
        if (!(v > 0)) {
            throw new IllegalArgumentException(
                    "config field \"" + field + "\" must be > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(Config c, String field, double fallback) {
        double v = c.number(field, fallback);
        if (!(v >= 0)) {
            throw new IllegalArgumentException(
                    "config field \"" + field + "\" must be >= 0, got " + v);
        }
        return v;
    }

    private static int atLeast(Config c, String field, int fallback, int min) {
        int v = c.integer(field, fallback);
        if (v < min) {
            throw new IllegalArgumentException(
                    "config field \"" + field + "\" must be at least " + min + ", got " + v);
        }
        return v;
    }
}
