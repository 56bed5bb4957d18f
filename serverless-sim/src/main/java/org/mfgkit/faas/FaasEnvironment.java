package org.mfgkit.faas;

import java.util.List;

/**
 * The serverless cluster as a mean-field game (SPEC §5; 004 Appendix E): one agent per function,
 * all acting every control interval, coupled only through the nodes they share. Gym-like API:
 * {@link #reset(long)} and {@link #step(int[])} return a {@link Step} with the agents'
 * observations, rewards and the interval's metrics.
 *
 * <p><b>Observation</b> of agent f ({@link #OBS_DIM} numbers in [0, 1], at {@code
 * observations[f*OBS_DIM + k]}): (0) CPU utilisation of what it holds ({@link
 * IntervalMetrics#containerCpuUtilization}), (1) SLO preservation (share of its completions within
 * the QoS target), (2) its {@code cpu.shares} / maxShares, (3) live containers {@code
 * log(1+n)/log(1+256)}, (4) arrival rate {@code log(1+lambda)/log(1+1000)} (lambda per second), (5)
 * {@code p99/target} divided by 4 (0 without completions), (6) the mean {@code cpu.shares} of the
 * co-located containers / maxShares, (7) the CPU pressure of its nodes (share of the interval they
 * were oversubscribed); all capped at 1.
 *
 * <p><b>Actions</b> ({@link #N_ACTIONS}): {@link #NOOP}; {@link #ADD_CONTAINER} (reserve one more
 * warm container); {@link #REMOVE_CONTAINER} (release one reservation if there is one, and remove
 * the least recently used idle unreserved container of the function at once: a scale-in ahead of
 * the keep-alive timeout); {@link #RAISE_SHARES} / {@link #LOWER_SHARES} ({@code cpu.shares} +-
 * {@code sharesStep} within [minShares, maxShares]; a default below minShares only rises); with
 * {@code cpuQuota} also {@link #RAISE_QUOTA} / {@link #LOWER_QUOTA} (the hard CPU limit of its
 * containers +- {@code quotaStep} cores, within [quotaStep, cpuDemand]; raising it to the demand
 * removes it).
 *
 * <p><b>Reward</b> of agent f: {@code alpha * util_f + (1 - alpha) * slo_f - reversalPenalty *
 * 1{reversal}}, where a reversal is a change of a control (reservation or shares) in the direction
 * opposite to its change in the previous interval. Heuristic managers act through {@link
 * #setReserved}, {@link #setShares} and {@link #removeIdle} and are scored by the same rule.
 */
public final class FaasEnvironment {
    /** Observation size per agent. */
    public static final int OBS_DIM = 8;

    /** Number of discrete actions per agent of 004 (without the quota actions). */
    public static final int N_ACTIONS = 5;

    /** Number of discrete actions per agent with the quota actions. */
    public static final int MAX_ACTIONS = 7;

    public static final int NOOP = 0;
    public static final int ADD_CONTAINER = 1;
    public static final int REMOVE_CONTAINER = 2;
    public static final int RAISE_SHARES = 3;
    public static final int LOWER_SHARES = 4;
    public static final int RAISE_QUOTA = 5;
    public static final int LOWER_QUOTA = 6;

    /** Largest reservation an agent can ask for per function. */
    public static final int MAX_RESERVED = 256;

    private static final double CONTAINER_SCALE = Math.log1p(256.0);
    private static final double RATE_SCALE = Math.log1p(1000.0);
    private static final double P99_SCALE = 4.0;

    private final ClusterSimulator sim;
    private final FaasParams params;
    private final int nF;
    private final double[] targets;
    private final int episodeIntervals;
    private int interval;

    /** Direction of the change of each control in this interval and the previous one. */
    private final int[] dirC;

    private final int[] dirS;
    private final int[] dirQ;
    private final int[] prevDirC;
    private final int[] prevDirS;
    private final int[] prevDirQ;

    /**
     * One control interval's outcome.
     *
     * @param interval index of the interval just simulated (0 for the state after reset)
     * @param observations {@code [f*OBS_DIM + k]}, see the class doc
     * @param rewards per agent (0 after reset)
     * @param metrics the interval's metrics ({@code null} after reset)
     * @param done whether the episode is over
     */
    public record Step(
            int interval,
            double[] observations,
            double[] rewards,
            IntervalMetrics metrics,
            boolean done) {}

    /**
     * @param sim the simulator (its arrival process fixes the workload)
     * @param qosTargetsMs per-function QoS latency targets (ms), e.g. from {@link QosCalibration}
     * @param episodeIntervals control intervals per episode; 0 = as many as fit in the arrival
     *     process's horizon (which must then be finite)
     */
    public FaasEnvironment(ClusterSimulator sim, double[] qosTargetsMs, int episodeIntervals) {
        this.sim = sim;
        this.params = sim.params();
        this.nF = sim.functions();
        sim.setTargets(qosTargetsMs);
        this.targets = qosTargetsMs.clone();
        if (episodeIntervals < 0) {
            throw new IllegalArgumentException(
                    "episodeIntervals must be >= 0, got " + episodeIntervals);
        }
        if (episodeIntervals == 0) {
            double h = sim.arrivals().horizonMs();
            if (Double.isInfinite(h)) {
                throw new IllegalArgumentException(
                        "the arrival process is unbounded: give episodeIntervals > 0");
            }
            episodeIntervals = (int) Math.ceil(h / params.controlIntervalMs() - 1e-9);
        }
        this.episodeIntervals = episodeIntervals;
        dirC = new int[nF];
        dirS = new int[nF];
        dirQ = new int[nF];
        prevDirC = new int[nF];
        prevDirS = new int[nF];
        prevDirQ = new int[nF];
    }

    /** Actions per agent under {@code params}: 5, or 7 with the quota actions. */
    public static int actions(FaasParams params) {
        return params.cpuQuota() ? MAX_ACTIONS : N_ACTIONS;
    }

    /** Actions per agent of this environment. */
    public int actions() {
        return actions(params);
    }

    /** Convenience: a simulator of {@code profiles} on {@code cluster} fed by {@code arrivals}. */
    public static FaasEnvironment of(
            ClusterSpec cluster,
            List<FunctionProfile> profiles,
            FaasParams params,
            ArrivalProcess arrivals,
            double[] qosTargetsMs,
            int episodeIntervals) {
        return new FaasEnvironment(
                new ClusterSimulator(cluster, profiles, params, arrivals),
                qosTargetsMs,
                episodeIntervals);
    }

    /** Number of agents (functions). */
    public int agents() {
        return nF;
    }

    /** Control intervals per episode. */
    public int episodeIntervals() {
        return episodeIntervals;
    }

    /** The simulator (read access to the cluster state; controls should go through this class). */
    public ClusterSimulator simulator() {
        return sim;
    }

    /** The parameters. */
    public FaasParams params() {
        return params;
    }

    /** The QoS targets (ms), a copy. */
    public double[] targets() {
        return targets.clone();
    }

    /** The function profiles. */
    public List<FunctionProfile> profiles() {
        return sim.profiles();
    }

    /** Starts an episode: empty cluster, default controls, streams seeded by {@code seed}. */
    public Step reset(long seed) {
        sim.reset(seed);
        interval = 0;
        java.util.Arrays.fill(dirC, 0);
        java.util.Arrays.fill(dirS, 0);
        java.util.Arrays.fill(prevDirC, 0);
        java.util.Arrays.fill(prevDirS, 0);
        java.util.Arrays.fill(dirQ, 0);
        java.util.Arrays.fill(prevDirQ, 0);
        double[] obs = new double[nF * OBS_DIM];
        for (int f = 0; f < nF; f++) {
            obs[f * OBS_DIM + 1] = 1.0;
            obs[f * OBS_DIM + 2] = sharesFeature(sim.shares(f));
        }
        return new Step(0, obs, new double[nF], null, episodeIntervals == 0);
    }

    /** Gym step: applies one action per agent, then simulates one control interval. */
    public Step step(int[] actions) {
        if (actions.length != nF) {
            throw new IllegalArgumentException(
                    "need one action per agent (" + nF + "), got " + actions.length);
        }
        for (int f = 0; f < nF; f++) {
            apply(f, actions[f]);
        }
        return advance();
    }

    /** Applies one discrete action of agent f (see the class doc). */
    public void apply(int f, int action) {
        switch (action) {
            case NOOP -> {}
            case ADD_CONTAINER -> setReserved(f, Math.min(MAX_RESERVED, sim.reserved(f) + 1));
            case REMOVE_CONTAINER -> {
                dirC[f] = -1;
                if (sim.reserved(f) > 0) {
                    sim.setReserved(f, sim.reserved(f) - 1);
                }
                sim.removeIdle(f);
            }
            case RAISE_SHARES -> {
                int s = sim.shares(f);
                if (s < params.maxShares()) {
                    setShares(
                            f,
                            Math.max(
                                    params.minShares(),
                                    Math.min(params.maxShares(), s + params.sharesStep())));
                }
            }
            case LOWER_SHARES -> {
                int s = sim.shares(f);
                if (s > params.minShares()) {
                    setShares(
                            f,
                            Math.min(
                                    params.maxShares(),
                                    Math.max(params.minShares(), s - params.sharesStep())));
                }
            }
            case RAISE_QUOTA, LOWER_QUOTA -> {
                if (!params.cpuQuota()) {
                    throw new IllegalArgumentException(
                            "action " + action + " needs cpu_quota (expected 0..4)");
                }
                double demand = Math.min(profiles().get(f).cpuDemand(), sim.cluster().cores());
                double q = Math.min(sim.quota(f), demand);
                double next =
                        action == RAISE_QUOTA
                                ? q + params.quotaStep()
                                : Math.max(params.quotaStep(), q - params.quotaStep());
                if (next != q) {
                    dirQ[f] = action == RAISE_QUOTA ? 1 : -1;
                    sim.setQuota(f, next >= demand ? Double.POSITIVE_INFINITY : next);
                }
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown action " + action + " (expected 0.." + (actions() - 1) + ")");
        }
    }

    /** Sets the reservation of f (recorded for the reversal penalty). */
    public void setReserved(int f, int k) {
        int old = sim.reserved(f);
        if (k != old) {
            dirC[f] = Integer.signum(k - old);
        }
        sim.setReserved(f, k);
    }

    /** Sets the {@code cpu.shares} of f (recorded for the reversal penalty). */
    public void setShares(int f, int value) {
        int old = sim.shares(f);
        if (value != old) {
            dirS[f] = Integer.signum(value - old);
        }
        sim.setShares(f, value);
    }

    /** Removes the least recently used idle unreserved container of f (a scale-in). */
    public boolean removeIdle(int f) {
        dirC[f] = -1;
        return sim.removeIdle(f);
    }

    /** Simulates one control interval with the current controls and scores it. */
    public Step advance() {
        if (interval >= episodeIntervals) {
            throw new IllegalStateException(
                    "the episode is over (" + episodeIntervals + " intervals); call reset");
        }
        sim.reconcile();
        interval++;
        sim.runUntil(interval * params.controlIntervalMs());
        IntervalMetrics m = sim.harvest();
        double[] obs = new double[nF * OBS_DIM];
        double[] rewards = new double[nF];
        for (int f = 0; f < nF; f++) {
            double util = m.containerCpuUtilization(f);
            double slo = m.sloPreservation(f);
            int o = f * OBS_DIM;
            obs[o] = util;
            obs[o + 1] = slo;
            obs[o + 2] = sharesFeature(m.shares()[f]);
            obs[o + 3] = Math.min(1.0, Math.log1p(m.containers()[f]) / CONTAINER_SCALE);
            obs[o + 4] = Math.min(1.0, Math.log1p(m.arrivalRate(f)) / RATE_SCALE);
            obs[o + 5] =
                    m.completions()[f] > 0
                            ? Math.min(1.0, m.p99Ms()[f] / targets[f] / P99_SCALE)
                            : 0.0;
            obs[o + 6] = Math.min(1.0, m.colocatedShares()[f] / params.maxShares());
            obs[o + 7] = Math.min(1.0, m.nodePressure()[f]);
            boolean reversal =
                    dirC[f] * prevDirC[f] < 0
                            || dirS[f] * prevDirS[f] < 0
                            || dirQ[f] * prevDirQ[f] < 0;
            rewards[f] =
                    params.alpha() * util
                            + (1.0 - params.alpha()) * slo
                            - (reversal ? params.reversalPenalty() : 0.0);
            prevDirC[f] = dirC[f];
            prevDirS[f] = dirS[f];
            prevDirQ[f] = dirQ[f];
            dirC[f] = 0;
            dirS[f] = 0;
            dirQ[f] = 0;
        }
        return new Step(interval, obs, rewards, m, interval >= episodeIntervals);
    }

    private double sharesFeature(int shares) {
        return Math.min(1.0, shares / (double) params.maxShares());
    }
}
