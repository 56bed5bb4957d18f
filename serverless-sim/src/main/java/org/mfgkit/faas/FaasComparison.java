package org.mfgkit.faas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.core.MemoryBudget;
import org.mfgkit.core.Parallel;

/**
 * The comparison of 004 Appendix E (SPEC §5): calibrate QoS targets, train the learning managers on
 * a training arrival stream, then evaluate every manager on the same held-out stream (other trace
 * rows and other minutes than any training episode saw) with the same seed.
 */
public final class FaasComparison {
    /**
     * Manager names in the order of the result table: 004's four, and {@code rate-priority}, an
     * analysis probe ({@link RatePriorityManager}).
     */
    public static final List<String> KNOWN_MANAGERS =
            List.of(
                    "openwhisk",
                    "ensure",
                    "ensure-tuned",
                    "nac-linear",
                    "nac-nn",
                    "nac-linear-quota",
                    "nac-nn-quota",
                    "rate-priority");

    /** The managers that are not trained. */
    static final List<String> HEURISTICS = List.of("openwhisk", "ensure", "rate-priority");

    private FaasComparison() {}

    /**
     * A window of trace rows replayed as the 12 (or F) functions.
     *
     * @param rows {@code rows[f]}: trace row replayed as function f
     * @param startMinute first minute of the window (0-based)
     * @param minutes length of the window
     */
    public record Window(int[] rows, int startMinute, int minutes) {
        public Window {
            rows = rows.clone();
            if (startMinute < 0 || minutes <= 0) {
                throw new IllegalArgumentException(
                        "window needs start_minute >= 0 and minutes > 0, got "
                                + startMinute
                                + ", "
                                + minutes);
            }
        }

        @Override
        public int[] rows() {
            return rows.clone();
        }
    }

    /**
     * What to compare.
     *
     * @param seed master seed (calibration, training and evaluation streams derive from it)
     * @param cluster the cluster
     * @param params platform and game parameters
     * @param profiles the functions
     * @param trace the trace to replay
     * @param load mean CPU load offered, as a fraction of the cluster's cores (split evenly)
     * @param train training rows and minutes; episodes are random sub-windows of it
     * @param episodeMinutes length of one training episode
     * @param eval held-out rows and minutes
     * @param warmupMinutes first minutes of the evaluation not recorded (the cluster fills up)
     * @param evalSeeds evaluation episodes (seeds) per manager, pooled; every manager gets the same
     *     seeds
     * @param trainSeeds independent training runs per learning manager; each trained policy is
     *     evaluated on every evaluation seed and the learner's row pools them
     * @param managers managers to evaluate, names from {@link #KNOWN_MANAGERS}
     * @param learners the learning managers' trainers by name (need not cover heuristic managers);
     *     {@code ensure-tuned}'s is an {@link EnsureTuner}; a {@code -quota} variant is trained and
     *     evaluated with {@code cpu_quota} on
     * @param normalisation how the trace rows are scaled to the load
     * @param ensure ENSURE as evaluated under {@code ensure} (its options also apply when tuned)
     */
    public record Spec(
            long seed,
            ClusterSpec cluster,
            FaasParams params,
            List<FunctionProfile> profiles,
            AzureTrace trace,
            double load,
            Window train,
            int episodeMinutes,
            Window eval,
            int warmupMinutes,
            int evalSeeds,
            int trainSeeds,
            List<String> managers,
            Map<String, Learner> learners,
            TraceReplay.Normalisation normalisation,
            EnsureManager ensure) {
        public Spec {
            profiles = List.copyOf(profiles);
            managers = List.copyOf(managers);
            learners = Map.copyOf(learners);
            if (managers.isEmpty()) {
                throw new IllegalArgumentException("managers: at least one manager is needed");
            }
            for (String m : managers) {
                if (!KNOWN_MANAGERS.contains(m)) {
                    throw new IllegalArgumentException(
                            "managers: unknown manager '"
                                    + m
                                    + "' (known: "
                                    + String.join(", ", KNOWN_MANAGERS)
                                    + ")");
                }
                if (!HEURISTICS.contains(m) && !learners.containsKey(m)) {
                    throw new IllegalArgumentException(
                            "managers: no trainer configured for '" + m + "'");
                }
            }
            if (managers.stream().distinct().count() != managers.size()) {
                throw new IllegalArgumentException("managers: a manager is listed twice");
            }
            if (!(load > 0.0) || load > 1.0) {
                throw new IllegalArgumentException("load must lie in (0, 1], got " + load);
            }
            checkWindow("train", train, trace, profiles.size());
            checkWindow("eval", eval, trace, profiles.size());
            double interval = params.controlIntervalMs() / 60_000.0;
            if (episodeMinutes <= 0 || episodeMinutes > train.minutes()) {
                throw new IllegalArgumentException(
                        "train.episode_minutes must lie in 1.."
                                + train.minutes()
                                + ", got "
                                + episodeMinutes);
            }
            if (episodeMinutes / interval < 2) {
                throw new IllegalArgumentException(
                        "train.episode_minutes must span at least 2 control intervals");
            }
            if (trainSeeds < 1) {
                throw new IllegalArgumentException("train.seeds must be >= 1, got " + trainSeeds);
            }
            if (evalSeeds < 1) {
                throw new IllegalArgumentException("eval.seeds must be >= 1, got " + evalSeeds);
            }
            if (warmupMinutes < 0 || warmupMinutes >= eval.minutes()) {
                throw new IllegalArgumentException(
                        "eval.warmup_minutes must lie in 0.."
                                + (eval.minutes() - 1)
                                + ", got "
                                + warmupMinutes);
            }
            requireInvocations(eval, warmupMinutes, trace);
        }

        /**
         * Refuses an evaluation window whose recorded minutes (after the warm-up) hold no
         * invocation: every manager would be scored on nothing, p99 0 ms and no violation, a
         * perfect score.
         */
        private static void requireInvocations(Window eval, int warmupMinutes, AzureTrace trace) {
            int from = eval.startMinute() + warmupMinutes;
            int length = eval.minutes() - warmupMinutes;
            for (int r : eval.rows()) {
                if (trace.rows().get(r).total(from, length) > 0) {
                    return;
                }
            }
            throw new IllegalArgumentException(
                    "eval: trace "
                            + trace.source()
                            + " has no invocation in rows "
                            + java.util.Arrays.toString(eval.rows())
                            + " over minutes ["
                            + from
                            + ", "
                            + (from + length)
                            + ") (the evaluation window after its "
                            + warmupMinutes
                            + "-minute warm-up): nothing to evaluate; choose rows or minutes"
                            + " with invocations");
        }

        private static void checkWindow(String name, Window w, AzureTrace trace, int functions) {
            if (w.rows.length != functions) {
                throw new IllegalArgumentException(
                        name
                                + ".rows: need one trace row per function ("
                                + functions
                                + "), got "
                                + w.rows.length);
            }
            for (int r : w.rows) {
                if (r < 0 || r >= trace.rows().size()) {
                    throw new IllegalArgumentException(
                            name
                                    + ".rows: row "
                                    + r
                                    + " is outside 0.."
                                    + (trace.rows().size() - 1)
                                    + " of "
                                    + trace.source());
                }
            }
            if (w.startMinute + w.minutes > trace.minutes()) {
                throw new IllegalArgumentException(
                        name
                                + ": minutes ["
                                + w.startMinute
                                + ", "
                                + (w.startMinute + w.minutes)
                                + ") exceed the trace's "
                                + trace.minutes());
            }
        }

        /**
         * Refuses, before anything is allocated, a comparison whose estimated memory exceeds the
         * JVM's heap ({@link MemoryBudget#admit}), naming the setting that contributes most: per
         * simulator running at once ({@code min(threads, tasks)}) about 4 KB per node; per recorded
         * evaluation interval of every (manager, training run, seed) episode about 100 bytes per
         * function (its metrics; latencies come on top); per training run of every learner what
         * {@link Learner#memory} says.
         *
         * @throws IllegalArgumentException when the comparison would not fit
         */
        public void admit(int threads) {
            int nF = profiles.size();
            double runs = trainSeeds;
            double evalTasks = 0;
            for (String m : managers) {
                evalTasks += learners.containsKey(m) ? runs : 1;
            }
            double concurrent = Math.max(1, Math.min(threads, evalTasks));
            double recorded =
                    (eval.minutes() - warmupMinutes) * 60_000.0 / params.controlIntervalMs();
            List<MemoryBudget.Term> terms = new ArrayList<>();
            terms.add(
                    new MemoryBudget.Term(
                            "cluster.nodes",
                            cluster.nodes(),
                            concurrent * 4096.0 * cluster.nodes()));
            terms.add(
                    new MemoryBudget.Term(
                            "eval.seeds",
                            evalSeeds,
                            evalTasks * evalSeeds * recorded * nF * 100.0));
            for (String m : managers) {
                Learner l = learners.get(m);
                if (l == null) {
                    continue;
                }
                // the config section of the learner's settings
                String section =
                        m.startsWith("nac-nn")
                                ? "nac_nn"
                                : m.startsWith("nac-linear") ? "nac_linear" : "ensure_tuning";
                for (MemoryBudget.Term t : l.memory(this)) {
                    terms.add(
                            new MemoryBudget.Term(
                                    section + "." + t.setting(), t.value(), runs * t.bytes()));
                }
                terms.add(
                        new MemoryBudget.Term(
                                "train.seeds",
                                trainSeeds,
                                runs * (1024.0 + evalSeeds * recorded * nF * 100.0)));
            }
            MemoryBudget.admit("this faas comparison", terms);
        }

        /** Control intervals in one training episode. */
        public int episodeIntervals() {
            return (int) Math.round(episodeMinutes * 60_000.0 / params.controlIntervalMs());
        }

        /**
         * A training episode's environment: the training rows over minutes {@code [start, start +
         * episodeMinutes)}.
         */
        public FaasEnvironment trainingEnvironment(int startMinute, double[] targets) {
            TraceReplay replay =
                    TraceReplay.atLoad(
                            trace,
                            train.rows(),
                            profiles,
                            cluster,
                            load,
                            startMinute,
                            episodeMinutes,
                            normalisation);
            return FaasEnvironment.of(
                    cluster, profiles, params, replay, targets, episodeIntervals());
        }

        /** The held-out evaluation environment. */
        public FaasEnvironment evaluationEnvironment(double[] targets) {
            TraceReplay replay =
                    TraceReplay.atLoad(
                            trace,
                            eval.rows(),
                            profiles,
                            cluster,
                            load,
                            eval.startMinute(),
                            eval.minutes(),
                            normalisation);
            return FaasEnvironment.of(cluster, profiles, params, replay, targets, 0);
        }

        /** This spec with other platform parameters. */
        public Spec withParams(FaasParams p) {
            return new Spec(
                    seed,
                    cluster,
                    p,
                    profiles,
                    trace,
                    load,
                    train,
                    episodeMinutes,
                    eval,
                    warmupMinutes,
                    evalSeeds,
                    trainSeeds,
                    managers,
                    learners,
                    normalisation,
                    ensure);
        }

        /** This spec at another load. */
        public Spec withLoad(double l) {
            return new Spec(
                    seed,
                    cluster,
                    params,
                    profiles,
                    trace,
                    l,
                    train,
                    episodeMinutes,
                    eval,
                    warmupMinutes,
                    evalSeeds,
                    trainSeeds,
                    managers,
                    learners,
                    normalisation,
                    ensure);
        }

        /**
         * The spec a manager is trained and evaluated under ({@code -quota}: with the quota
         * actions).
         */
        public Spec forManager(String name) {
            return name.endsWith("-quota")
                    ? withParams(params.with(FaasParams.CPU_QUOTA, true))
                    : withParams(params.with(FaasParams.CPU_QUOTA, false));
        }

        /** Intervals of the evaluation warm-up. */
        public int warmupIntervals() {
            return (int) Math.round(warmupMinutes * 60_000.0 / params.controlIntervalMs());
        }
    }

    /** Trains a learning manager. */
    public interface Learner {
        /**
         * Trains and returns the trained manager with its training log.
         *
         * @param spec the comparison (episodes come from {@code spec.trainingEnvironment})
         * @param targets QoS targets
         * @param seed training seed
         * @param onIteration called after each training iteration (progress)
         */
        Trained train(Spec spec, double[] targets, long seed, Runnable onIteration);

        /** Number of training iterations (for progress bars). */
        int iterations();

        /**
         * What one training run needs in memory ({@link MemoryBudget}); by default its
         * per-iteration logs, {@code 24} bytes per iteration.
         */
        default List<MemoryBudget.Term> memory(Spec spec) {
            return List.of(new MemoryBudget.Term("iterations", iterations(), 24.0 * iterations()));
        }

        /**
         * The memory of an episodic learner: its per-iteration logs ({@code 24} bytes an iteration)
         * and the transitions of one iteration's episodes (about {@code 200} bytes per agent and
         * interval), named by its {@code iterations} and {@code episodes_per_iteration} settings; a
         * mutable list, for the learner to add its own terms.
         */
        static List<MemoryBudget.Term> episodicMemory(
                int iterations, int episodesPerIteration, Spec spec) {
            List<MemoryBudget.Term> terms = new java.util.ArrayList<>();
            terms.add(new MemoryBudget.Term("iterations", iterations, 24.0 * iterations));
            terms.add(
                    new MemoryBudget.Term(
                            "episodes_per_iteration",
                            episodesPerIteration,
                            200.0
                                    * episodesPerIteration
                                    * spec.episodeIntervals()
                                    * spec.profiles().size()));
            return terms;
        }
    }

    /**
     * A trained manager and its learning curve.
     *
     * @param manager the trained manager (acts greedily or by sampling, as it documents)
     * @param meanReward mean agent reward of each training iteration's episodes
     * @param seconds wall time of the training
     * @param info learner-specific facts for the result (final parameters, step sizes, ...)
     */
    public record Trained(
            ResourceManager manager,
            double[] meanReward,
            double seconds,
            Map<String, Object> info) {}

    /** Progress callbacks of a comparison. */
    public interface Listener {
        /** Called before training {@code name} ({@code iterations} steps). */
        default void trainingStarted(String name, int iterations) {}

        /** One training iteration of {@code name} done. */
        default void trainingStep(String name) {}

        /**
         * Called before the evaluation ({@code intervals} control intervals per manager, all
         * managers).
         */
        default void evaluationStarted(int managers, int intervals) {}

        /** One evaluation interval done. */
        default void evaluationStep() {}
    }

    /**
     * Calibration result per function.
     *
     * @param function name
     * @param isolatedP99Ms isolated p99 (ms)
     * @param targetMs QoS target (ms)
     */
    public record Target(String function, double isolatedP99Ms, double targetMs) {}

    /**
     * Training log of a learning manager.
     *
     * @param iterations training iterations
     * @param episodeMinutes minutes per training episode
     * @param meanReward mean agent reward per iteration
     * @param seconds wall time
     * @param info learner-specific facts
     */
    public record TrainingLog(
            int iterations,
            int episodeMinutes,
            double[] meanReward,
            double seconds,
            Map<String, Object> info) {}

    /**
     * Result of the comparison.
     *
     * @param seed master seed
     * @param evalSeeds seeds of the (shared) evaluation episodes
     * @param targets calibrated QoS targets
     * @param training training logs by learner name, one per training run
     * @param managers evaluation results by manager name (table order)
     * @param comparisons every manager against {@code openwhisk} and against ENSURE ({@code
     *     ensure-tuned} when evaluated, else {@code ensure}), paired over the evaluation seeds
     */
    public record Result(
            long seed,
            long[] evalSeeds,
            List<Target> targets,
            Map<String, List<TrainingLog>> training,
            Map<String, ManagerEvaluation.ManagerMetrics> managers,
            List<PairedComparison> comparisons) {}

    /** Runs the comparison; {@code threads} managers are trained and evaluated at once. */
    public static Result run(Spec spec, Listener listener, int threads) throws Exception {
        spec.admit(threads);
        QosCalibration cal =
                QosCalibration.run(
                        spec.cluster(),
                        spec.profiles(),
                        spec.params(),
                        org.mfgkit.core.RandomStreams.deriveSeed(spec.seed(), 0));
        double[] targets = cal.targetsMs();
        List<Target> tl = new ArrayList<>();
        for (int f = 0; f < targets.length; f++) {
            tl.add(new Target(spec.profiles().get(f).name(), cal.isolatedP99Ms()[f], targets[f]));
        }
        // training: every learner trainSeeds times, seeded by its fixed position in KNOWN_MANAGERS
        // and the run
        List<String> learnerNames =
                spec.managers().stream().filter(spec.learners()::containsKey).toList();
        for (String name : learnerNames) {
            listener.trainingStarted(
                    name, spec.learners().get(name).iterations() * spec.trainSeeds());
        }
        int runs = spec.trainSeeds();
        List<Trained> trained =
                Parallel.map(
                        learnerNames.size() * runs,
                        threads,
                        i -> {
                            String name = learnerNames.get(i / runs);
                            Learner learner = spec.learners().get(name);
                            long learnerSeed =
                                    org.mfgkit.core.RandomStreams.deriveSeed(
                                            spec.seed(), 1 + KNOWN_MANAGERS.indexOf(name));
                            return learner.train(
                                    spec.forManager(name),
                                    targets,
                                    org.mfgkit.core.RandomStreams.deriveSeed(learnerSeed, i % runs),
                                    () -> listener.trainingStep(name));
                        });
        Map<String, List<TrainingLog>> logs = new LinkedHashMap<>();
        // evaluation tasks: (manager, training run); every task sees the same evaluation seeds
        List<String> taskName = new ArrayList<>();
        List<Integer> taskRun = new ArrayList<>();
        List<ResourceManager> taskManager = new ArrayList<>();
        for (String name : spec.managers()) {
            switch (name) {
                case "openwhisk" -> {
                    taskName.add(name);
                    taskRun.add(0);
                    taskManager.add(new OpenWhiskDefaultManager());
                }
                case "ensure" -> {
                    taskName.add(name);
                    taskRun.add(0);
                    taskManager.add(spec.ensure());
                }
                case "rate-priority" -> {
                    taskName.add(name);
                    taskRun.add(0);
                    taskManager.add(new RatePriorityManager());
                }
                default -> {
                    List<TrainingLog> l = new ArrayList<>();
                    for (int r = 0; r < runs; r++) {
                        Trained t = trained.get(learnerNames.indexOf(name) * runs + r);
                        taskName.add(name);
                        taskRun.add(r);
                        taskManager.add(t.manager());
                        l.add(
                                new TrainingLog(
                                        spec.learners().get(name).iterations(),
                                        spec.episodeMinutes(),
                                        t.meanReward(),
                                        t.seconds(),
                                        t.info()));
                    }
                    logs.put(name, l);
                }
            }
        }
        long[] evalSeeds = new long[spec.evalSeeds()];
        for (int k = 0; k < evalSeeds.length; k++) {
            evalSeeds[k] = org.mfgkit.core.RandomStreams.deriveSeed(spec.seed(), 100 + k);
        }
        int intervals = spec.evaluationEnvironment(targets).episodeIntervals();
        listener.evaluationStarted(taskName.size(), intervals * evalSeeds.length);
        List<List<ManagerEvaluation.Episode>> episodes =
                Parallel.map(
                        taskName.size(),
                        threads,
                        i -> {
                            FaasEnvironment env =
                                    spec.forManager(taskName.get(i)).evaluationEnvironment(targets);
                            return ManagerEvaluation.episodes(
                                    env,
                                    taskManager.get(i),
                                    evalSeeds,
                                    taskRun.get(i),
                                    spec.warmupIntervals(),
                                    listener::evaluationStep);
                        });
        Map<String, ManagerEvaluation.ManagerMetrics> byName = new LinkedHashMap<>();
        FaasEnvironment env = spec.evaluationEnvironment(targets);
        for (String name : spec.managers()) {
            List<ManagerEvaluation.Episode> mine = new ArrayList<>();
            for (int i = 0; i < taskName.size(); i++) {
                if (taskName.get(i).equals(name)) {
                    mine.addAll(episodes.get(i));
                }
            }
            byName.put(name, ManagerEvaluation.pool(name, env, mine));
        }
        return new Result(spec.seed(), evalSeeds, tl, logs, byName, comparisons(byName));
    }

    /** Every manager against {@code openwhisk} and against ENSURE (tuned when evaluated). */
    static List<PairedComparison> comparisons(
            Map<String, ManagerEvaluation.ManagerMetrics> byName) {
        List<PairedComparison> out = new ArrayList<>();
        String ensure = byName.containsKey("ensure-tuned") ? "ensure-tuned" : "ensure";
        for (String base : List.of("openwhisk", ensure)) {
            ManagerEvaluation.ManagerMetrics b = byName.get(base);
            if (b == null) {
                continue;
            }
            for (Map.Entry<String, ManagerEvaluation.ManagerMetrics> e : byName.entrySet()) {
                if (!e.getKey().equals(base)) {
                    out.add(PairedComparison.of(e.getValue(), b));
                }
            }
        }
        return out;
    }
}
