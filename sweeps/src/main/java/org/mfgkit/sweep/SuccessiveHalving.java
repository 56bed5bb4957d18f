package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.cli.progress.ProgressFactory;

/**
 * Random search with successive halving (Jamieson and Talwalkar 2016, "Non-stochastic best arm
 * identification and hyperparameter optimization", Alg. 1; the synchronous form of ASHA, Li et al.
 * 2020). The {@code n} trials are a sweep's random samples. Rung {@code k} runs the surviving
 * trials (each over the seeds) at budget {@code min_budget * eta^k} (the last rung at the base's
 * budget) as one Spark job, one task per (trial, seed), and keeps the best {@code floor(n_k / eta)}
 * (at least one) by the mean metric over the seeds; a trial with a failed seed ranks last; ties go
 * to the lower trial number. A promoted trial is run again from the start with the larger budget
 * (the commands have no checkpoints; with the same seed its first iterations are the same).
 *
 * <p>Synchronous rather than asynchronous halving, so the promotions, and the whole trial table, do
 * not depend on which task finishes first: same file, same table, on any master.
 */
public final class SuccessiveHalving {
    private SuccessiveHalving() {}

    /**
     * One evaluation of a trial at one rung.
     *
     * @param trial the trial number (its random sample)
     * @param rung the rung
     * @param budget the budget (0: the base's own, without halving)
     * @param values the trial's parameter values
     * @param score the mean metric over the seeds ({@code NaN} when a seed failed)
     * @param ok whether every seed succeeded
     * @param error the first seed's error, or {@code ""}
     * @param seconds the summed wall time of the seeds
     */
    public record TrialEvaluation(
            int trial,
            int rung,
            long budget,
            Map<String, JsonNode> values,
            double score,
            boolean ok,
            String error,
            double seconds) {}

    /** Every evaluation in (rung, trial) order, and the best at the last rung. */
    public record TuneResult(
            List<TrialEvaluation> evaluations, TrialEvaluation best, int failedTaskAttempts) {}

    /** Runs the search on {@code spark}. */
    public static TuneResult run(TuneSpec tune, SparkSweep spark, ProgressFactory progress) {
        SweepSpec sweep = tune.sweep();
        List<SweepPoint> samples = SweepGrid.points(sweep);
        int seedCount = sweep.seeds().length;
        List<Map<String, JsonNode>> trialValues = new ArrayList<>();
        for (int t = 0; t < samples.size() / seedCount; t++) {
            trialValues.add(samples.get(t * seedCount).values());
        }
        PointRun task = new PointRun(sweep.base(), sweep.metrics());
        List<Integer> alive = new ArrayList<>();
        for (int t = 0; t < trialValues.size(); t++) {
            alive.add(t);
        }
        List<TrialEvaluation> all = new ArrayList<>();
        List<Long> budgets = tune.budgets();
        List<TrialEvaluation> rungResults = List.of();
        for (int k = 0; k < budgets.size(); k++) {
            long budget = budgets.get(k);
            List<SweepPoint> points = new ArrayList<>();
            for (int t : alive) {
                Map<String, JsonNode> v = new LinkedHashMap<>(trialValues.get(t));
                if (tune.eta() > 0) {
                    v.put(tune.budgetPath(), LongNode.valueOf(budget));
                }
                for (long seed : sweep.seeds()) {
                    points.add(new SweepPoint(points.size(), v, seed));
                }
            }
            List<PointResult> results;
            try (Progress bar =
                    progress.start(
                            sweep.name() + " rung " + k + " (budget " + budget + ")",
                            points.size(),
                            "point")) {
                results = spark.run(points, task, r -> bar.step());
            }
            rungResults = new ArrayList<>();
            for (int i = 0; i < alive.size(); i++) {
                double sum = 0;
                boolean ok = true;
                String error = "";
                double seconds = 0;
                for (int s = 0; s < seedCount; s++) {
                    PointResult r = results.get(i * seedCount + s);
                    seconds += r.seconds();
                    if (!r.ok()) {
                        ok = false;
                        if (error.isEmpty()) {
                            error = r.error();
                        }
                    } else {
                        sum += r.metrics()[tune.metric()];
                    }
                }
                int t = alive.get(i);
                rungResults.add(
                        new TrialEvaluation(
                                t,
                                k,
                                budget,
                                trialValues.get(t),
                                ok ? sum / seedCount : Double.NaN,
                                ok,
                                error,
                                seconds));
            }
            all.addAll(rungResults);
            List<TrialEvaluation> ranked = new ArrayList<>(rungResults);
            ranked.sort(order(tune.minimise()));
            int keep = Math.max(1, alive.size() / Math.max(1, tune.eta()));
            alive = new ArrayList<>();
            for (int i = 0; i < keep && i < ranked.size(); i++) {
                alive.add(ranked.get(i).trial());
            }
            alive.sort(Comparator.naturalOrder());
        }
        List<TrialEvaluation> last = new ArrayList<>(rungResults);
        last.sort(order(tune.minimise()));
        TrialEvaluation best = last.get(0).ok() ? last.get(0) : null;
        return new TuneResult(all, best, spark.failedTaskAttempts());
    }

    /** Best first: ok before failed, then by score (lower or higher), then by trial number. */
    static Comparator<TrialEvaluation> order(boolean minimise) {
        Comparator<TrialEvaluation> byScore = Comparator.comparingDouble(TrialEvaluation::score);
        if (!minimise) {
            byScore = byScore.reversed();
        }
        return Comparator.comparing((TrialEvaluation e) -> !e.ok())
                .thenComparing(byScore)
                .thenComparingInt(TrialEvaluation::trial);
    }

    /**
     * The best score so far after each evaluation, in evaluation order ({@code NaN} before any).
     */
    public static double[] bestSoFar(List<TrialEvaluation> evaluations, boolean minimise) {
        double[] out = new double[evaluations.size()];
        double best = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            TrialEvaluation e = evaluations.get(i);
            if (e.ok()
                    && (Double.isNaN(best) || (minimise ? e.score() < best : e.score() > best))) {
                best = e.score();
            }
            out[i] = best;
        }
        return out;
    }
}
