package org.mfgkit.faas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one resource manager for one episode and summarises it (SPEC §5 metrics). The first {@code
 * warmupIntervals} intervals let the cluster fill (the manager acts, nothing is recorded); the
 * summary covers the rest.
 *
 * <p>Definitions: {@code p99Ms} is the nearest-rank 99th percentile of all recorded latencies
 * ({@code NaN} when there are none: no completion is never a perfect latency, and the JSON shows
 * {@code null}; likewise the violation rate); {@code qosViolationRate} = violations / completions;
 * {@code cpuUtilization} = CPU time the invocations received / the CPU their containers were
 * entitled to by their {@code cpu.shares} and caps ({@link IntervalAccounting}), summed over
 * functions before dividing (it exceeds 1 where CPU of idle neighbours was borrowed); {@code
 * clusterCpuUtilization} = CPU time used / (cluster cores x time); {@code memoryUtilization} =
 * container memory x time / (cluster memory x time); {@code meanReward} = mean over intervals and
 * agents of the environment's reward.
 */
public final class ManagerEvaluation {
    private ManagerEvaluation() {}

    /**
     * Per-function summary.
     *
     * @param name function
     * @param targetMs QoS target (ms)
     * @param completions recorded completions
     * @param p50Ms median latency
     * @param p99Ms 99th percentile latency
     * @param qosViolationRate violations / completions
     * @param coldStarts completions that waited for a cold start, per evaluation episode (mean)
     * @param cpuUtilization CPU used / (demand x container time)
     * @param meanContainers time-average live containers
     * @param meanShares average {@code cpu.shares} over intervals
     * @param meanReward average reward of the agent
     */
    public record FunctionResult(
            String name,
            double targetMs,
            long completions,
            double p50Ms,
            double p99Ms,
            double qosViolationRate,
            double coldStarts,
            double cpuUtilization,
            double meanContainers,
            double meanShares,
            double meanReward) {}

    /**
     * Per-interval series (index = recorded interval).
     *
     * @param minutes end of the interval (simulated minutes from the episode start)
     * @param p99Ms p99 latency over all functions' completions in the interval
     * @param qosViolationRate violations / completions in the interval
     * @param cpuUtilization container CPU utilisation in the interval
     * @param clusterCpuUtilization cluster CPU utilisation in the interval
     * @param memoryUtilization memory utilisation in the interval
     * @param containers live containers at the end of the interval
     * @param coldStarts cold starts in the interval
     * @param meanReward mean agent reward of the interval
     */
    public record TimeSeries(
            double[] minutes,
            double[] p99Ms,
            double[] qosViolationRate,
            double[] cpuUtilization,
            double[] clusterCpuUtilization,
            double[] memoryUtilization,
            double[] containers,
            double[] coldStarts,
            double[] meanReward) {}

    /**
     * One recorded evaluation episode.
     *
     * @param seed episode seed
     * @param run training run of the manager (0 for managers that are not trained)
     * @param intervals recorded intervals
     * @param rewards agents' rewards per recorded interval
     */
    public record Episode(
            long seed, int run, List<IntervalMetrics> intervals, List<double[]> rewards) {}

    /**
     * Headline numbers of one evaluation episode (to show the spread across seeds and training
     * runs).
     *
     * @param run training run of the manager (0 for managers that are not trained)
     * @param seed episode seed
     * @param p99Ms overall p99 latency
     * @param qosViolationRate violations / completions
     * @param coldStarts cold starts
     * @param cpuUtilization container CPU utilisation
     * @param meanReward mean agent reward
     */
    public record SeedResult(
            int run,
            long seed,
            double p99Ms,
            double qosViolationRate,
            long coldStarts,
            double cpuUtilization,
            double meanReward) {}

    /**
     * Summary of the evaluated episodes (one per seed; all headline and per-function numbers pool
     * every recorded interval of every seed; the time series is the first seed's).
     *
     * @param manager manager name
     * @param seed first episode seed
     * @param intervals recorded intervals
     * @param arrivals recorded arrivals
     * @param completions recorded completions
     * @param p50Ms overall median latency
     * @param p99Ms overall 99th percentile latency
     * @param qosViolationRate overall violations / completions
     * @param coldStarts cold starts per evaluation episode (mean over the pooled episodes)
     * @param coldStartsTotal cold starts of all pooled episodes
     * @param episodes pooled evaluation episodes
     * @param cpuUtilization container CPU utilisation (see the class doc)
     * @param clusterCpuUtilization cluster CPU utilisation
     * @param memoryUtilization memory utilisation
     * @param meanReward mean agent reward
     * @param meanContainers time-average live containers (all functions)
     * @param functions per-function breakdown
     * @param series time series (first seed)
     * @param seeds headline numbers per seed
     */
    public record ManagerMetrics(
            String manager,
            long seed,
            int intervals,
            long arrivals,
            long completions,
            double p50Ms,
            double p99Ms,
            double qosViolationRate,
            double coldStarts,
            long coldStartsTotal,
            int episodes,
            double cpuUtilization,
            double clusterCpuUtilization,
            double memoryUtilization,
            double meanReward,
            double meanContainers,
            List<FunctionResult> functions,
            TimeSeries series,
            List<SeedResult> seeds) {}

    /** Runs {@code manager} for one episode of {@code env} seeded with {@code seed}. */
    public static ManagerMetrics run(
            FaasEnvironment env, ResourceManager manager, long seed, int warmupIntervals) {
        return run(env, manager, seed, warmupIntervals, null);
    }

    /**
     * Runs {@code manager} for one episode; {@code onInterval} (may be null) is told after every
     * interval (for progress bars).
     */
    public static ManagerMetrics run(
            FaasEnvironment env,
            ResourceManager manager,
            long seed,
            int warmupIntervals,
            Runnable onInterval) {
        return run(env, manager, new long[] {seed}, warmupIntervals, onInterval);
    }

    /** Runs one episode per seed and pools them (see {@link Result}). */
    public static ManagerMetrics run(
            FaasEnvironment env,
            ResourceManager manager,
            long[] seeds,
            int warmupIntervals,
            Runnable onInterval) {
        return pool(
                manager.name(), env, episodes(env, manager, seeds, 0, warmupIntervals, onInterval));
    }

    /** Runs one episode per seed and returns the recorded episodes (training run {@code run}). */
    public static List<Episode> episodes(
            FaasEnvironment env,
            ResourceManager manager,
            long[] seeds,
            int run,
            int warmupIntervals,
            Runnable onInterval) {
        if (warmupIntervals < 0 || warmupIntervals >= env.episodeIntervals()) {
            throw new IllegalArgumentException(
                    "warmupIntervals must lie in 0.."
                            + (env.episodeIntervals() - 1)
                            + ", got "
                            + warmupIntervals);
        }
        if (seeds.length == 0) {
            throw new IllegalArgumentException("need at least one evaluation seed");
        }
        ClusterSimulator sim = env.simulator();
        List<Episode> out = new ArrayList<>();
        for (long seed : seeds) {
            sim.setKeepLatencies(false);
            FaasEnvironment.Step s = env.reset(seed);
            manager.begin(env, seed);
            List<IntervalMetrics> recorded = new ArrayList<>();
            List<double[]> rewards = new ArrayList<>();
            while (!s.done()) {
                manager.act(env, s);
                sim.setKeepLatencies(s.interval() + 1 > warmupIntervals);
                s = env.advance();
                if (s.interval() > warmupIntervals) {
                    recorded.add(s.metrics());
                    rewards.add(s.rewards());
                }
                if (onInterval != null) {
                    onInterval.run();
                }
            }
            sim.setKeepLatencies(false);
            out.add(new Episode(seed, run, List.copyOf(recorded), List.copyOf(rewards)));
        }
        return out;
    }

    /**
     * Pools episodes (of one manager, possibly several training runs): headline and per-function
     * numbers over all recorded intervals, the time series of the first episode, one {@link
     * SeedResult} per episode.
     */
    public static ManagerMetrics pool(String name, FaasEnvironment env, List<Episode> episodes) {
        if (episodes.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        List<IntervalMetrics> all = new ArrayList<>();
        List<double[]> allRewards = new ArrayList<>();
        List<SeedResult> perSeed = new ArrayList<>();
        TimeSeries first = null;
        for (Episode e : episodes) {
            ManagerMetrics one =
                    summarise(name, e.seed(), env, e.intervals(), e.rewards(), null, List.of(), 1);
            perSeed.add(
                    new SeedResult(
                            e.run(),
                            e.seed(),
                            one.p99Ms(),
                            one.qosViolationRate(),
                            one.coldStartsTotal(),
                            one.cpuUtilization(),
                            one.meanReward()));
            if (first == null) {
                first = one.series();
            }
            all.addAll(e.intervals());
            allRewards.addAll(e.rewards());
        }
        return summarise(
                name,
                episodes.get(0).seed(),
                env,
                all,
                allRewards,
                first,
                perSeed,
                episodes.size());
    }

    static ManagerMetrics summarise(
            String name,
            long seed,
            FaasEnvironment env,
            List<IntervalMetrics> ms,
            List<double[]> rewards,
            TimeSeries series,
            List<SeedResult> perSeed,
            int episodes) {
        int nF = env.agents();
        int k = ms.size();
        double[] targets = env.targets();
        long[] arrivals = new long[nF];
        long[] completions = new long[nF];
        long[] violations = new long[nF];
        long[] cold = new long[nF];
        double[] used = new double[nF];
        double[] alloc = new double[nF];
        double[] containerMs = new double[nF];
        double[] sharesSum = new double[nF];
        double[] rewardSum = new double[nF];
        double memSum = 0.0;
        double clusterSum = 0.0;
        double time = 0.0;
        float[][] all = new float[nF][];
        int[] allCount = new int[nF];
        double[] minutes = new double[k];
        double[] p99Series = new double[k];
        double[] violSeries = new double[k];
        double[] cpuSeries = new double[k];
        double[] clusterSeries = new double[k];
        double[] memSeries = new double[k];
        double[] containerSeries = new double[k];
        double[] coldSeries = new double[k];
        double[] rewardSeries = new double[k];
        double startMs = k > 0 ? ms.get(0).startMs() : 0.0;
        for (int f = 0; f < nF; f++) {
            all[f] = new float[1024];
        }
        for (int i = 0; i < k; i++) {
            IntervalMetrics m = ms.get(i);
            double len = m.endMs() - m.startMs();
            time += len;
            memSum += m.memoryUtilization() * len;
            clusterSum += m.clusterCpuUtilization() * len;
            long ic = 0;
            long iv = 0;
            long icold = 0;
            double iu = 0.0;
            double ia = 0.0;
            int total = 0;
            for (int f = 0; f < nF; f++) {
                arrivals[f] += m.arrivals()[f];
                completions[f] += m.completions()[f];
                violations[f] += m.violations()[f];
                cold[f] += m.coldStarts()[f];
                used[f] += m.cpuUsedCoreMs()[f];
                alloc[f] += m.entitledCoreMs()[f];
                containerMs[f] += m.containerMs()[f];
                sharesSum[f] += m.shares()[f];
                rewardSum[f] += rewards.get(i)[f];
                ic += m.completions()[f];
                iv += m.violations()[f];
                icold += m.coldStarts()[f];
                iu += m.cpuUsedCoreMs()[f];
                ia += m.entitledCoreMs()[f];
                total += m.containers()[f];
                float[] l = m.latencies()[f];
                if (allCount[f] + l.length > all[f].length) {
                    all[f] =
                            Arrays.copyOf(
                                    all[f], Math.max(2 * all[f].length, allCount[f] + l.length));
                }
                System.arraycopy(l, 0, all[f], allCount[f], l.length);
                allCount[f] += l.length;
            }
            minutes[i] = (m.endMs() - startMs) / 60_000.0;
            if (series != null) {
                continue; // the caller supplies the series; only pooled totals are needed here
            }
            p99Series[i] = pooledQuantile(m.latencies(), 0.99);
            violSeries[i] = ic > 0 ? (double) iv / ic : Double.NaN;
            cpuSeries[i] = ia > 0 ? iu / ia : 0.0;
            clusterSeries[i] = m.clusterCpuUtilization();
            memSeries[i] = m.memoryUtilization();
            containerSeries[i] = total;
            coldSeries[i] = icold;
            rewardSeries[i] = mean(rewards.get(i));
        }
        List<FunctionResult> fr = new ArrayList<>();
        long tArr = 0;
        long tComp = 0;
        long tViol = 0;
        long tCold = 0;
        double tUsed = 0.0;
        double tAlloc = 0.0;
        double tContainerMs = 0.0;
        double tReward = 0.0;
        for (int f = 0; f < nF; f++) {
            float[] l = Arrays.copyOf(all[f], allCount[f]);
            Arrays.sort(l);
            double p50 = l.length > 0 ? IntervalMetrics.nearestRank(l, 0.5) : Double.NaN;
            double p99 = l.length > 0 ? IntervalMetrics.nearestRank(l, 0.99) : Double.NaN;
            fr.add(
                    new FunctionResult(
                            env.profiles().get(f).name(),
                            targets[f],
                            completions[f],
                            p50,
                            p99,
                            completions[f] > 0
                                    ? (double) violations[f] / completions[f]
                                    : Double.NaN,
                            cold[f] / (double) episodes,
                            alloc[f] > 0 ? used[f] / alloc[f] : 0.0,
                            time > 0 ? containerMs[f] / time : 0.0,
                            k > 0 ? sharesSum[f] / k : 0.0,
                            k > 0 ? rewardSum[f] / k : 0.0));
            tArr += arrivals[f];
            tComp += completions[f];
            tViol += violations[f];
            tCold += cold[f];
            tUsed += used[f];
            tAlloc += alloc[f];
            tContainerMs += containerMs[f];
            tReward += rewardSum[f];
        }
        float[][] trimmed = new float[nF][];
        for (int f = 0; f < nF; f++) {
            trimmed[f] = Arrays.copyOf(all[f], allCount[f]);
        }
        return new ManagerMetrics(
                name,
                seed,
                k,
                tArr,
                tComp,
                pooledQuantile(trimmed, 0.5),
                pooledQuantile(trimmed, 0.99),
                tComp > 0 ? (double) tViol / tComp : Double.NaN,
                tCold / (double) episodes,
                tCold,
                episodes,
                tAlloc > 0 ? tUsed / tAlloc : 0.0,
                time > 0 ? clusterSum / time : 0.0,
                time > 0 ? memSum / time : 0.0,
                k > 0 ? tReward / (k * (double) nF) : 0.0,
                time > 0 ? tContainerMs / time : 0.0,
                List.copyOf(fr),
                series != null
                        ? series
                        : new TimeSeries(
                                minutes,
                                p99Series,
                                violSeries,
                                cpuSeries,
                                clusterSeries,
                                memSeries,
                                containerSeries,
                                coldSeries,
                                rewardSeries),
                List.copyOf(perSeed));
    }

    /**
     * Nearest-rank quantile of all functions' latencies pooled ({@code NaN} when there are none).
     */
    static double pooledQuantile(float[][] latencies, double p) {
        int n = 0;
        for (float[] l : latencies) {
            n += l.length;
        }
        if (n == 0) {
            return Double.NaN;
        }
        float[] pooled = new float[n];
        int o = 0;
        for (float[] l : latencies) {
            System.arraycopy(l, 0, pooled, o, l.length);
            o += l.length;
        }
        Arrays.sort(pooled);
        return IntervalMetrics.nearestRank(pooled, p);
    }

    private static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return x.length > 0 ? s / x.length : 0.0;
    }
}
