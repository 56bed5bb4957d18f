package org.mfgkit.envs.nplayer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * The study "how exploitable is a mean-field policy when there are only N players?": {@code
 * E_N(pi)} for a list of {@code N}, next to the mean-field exploitability {@code E_inf(pi)} it
 * tends to, and the fitted rate of {@code |E_N - E_inf|}. Each {@code N} is exact ({@link
 * CountSpaceEvaluation}) when {@code configurations * nS <= exact_budget}, else estimated by Monte
 * Carlo ({@link NPlayerSimulation}, the MFG best response as the deviation: a lower bound); {@code
 * method} forces one of the two.
 *
 * <pre>{@code
 * NPlayerGame game = NPlayerGame.of("sis-fh", sisFiniteHorizonGame);
 * ParamValues p = NPlayerStudy.SCHEMA.defaults().withText("n", "2,10,100,1000");
 * NPlayerReport report = NPlayerStudy.run(game, new TabularPolicy[] {TabularPolicy.uniform(2, 2)}, p);
 * report.points().forEach(pt -> System.out.println(pt.n() + " " + pt.exploitability()));
 * System.out.println("rate " + report.rate().rate());
 * }</pre>
 */
public final class NPlayerStudy {
    /** The player counts {@code N}. */
    public static final Param<double[]> N =
            Param.vector("n", new double[] {2, 10, 100, 1000}, "numbers of players N")
                    .check(Checks.positiveIntegers());

    /** Monte Carlo samples per {@code N}. */
    public static final Param<Integer> SAMPLES =
            Param.integer("samples", 100, "Monte Carlo paired samples per N (beyond the budget)")
                    .check(Checks.range(2, 100_000_000));

    /** Seed of the Monte Carlo streams. */
    public static final Param<Long> SEED =
            Param.longInteger(
                    "seed", 0L, "seed of the Monte Carlo streams (sample k: derive(seed, k))");

    /** The exact method's budget on {@code configurations * nS}. */
    public static final Param<Long> EXACT_BUDGET =
            Param.longInteger(
                            "exact_budget",
                            20_000L,
                            "exact evaluation when C(N-2+nS, nS-1) * nS is at most this")
                    .check(Checks.nonNegative());

    /** Which method: {@code auto} (by the budget), {@code exact} or {@code monte-carlo}. */
    public static final Param<String> METHOD =
            Param.choice(
                    "method",
                    "auto",
                    List.of("auto", NPlayerPoint.EXACT, NPlayerPoint.MONTE_CARLO),
                    "auto: exact within exact_budget, Monte Carlo beyond; or force one");

    /** The study's parameters. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of("n-player", N, SAMPLES, SEED, EXACT_BUDGET, METHOD);

    private NPlayerStudy() {}

    /** Runs the study. */
    public static NPlayerReport run(NPlayerGame game, TabularPolicy[] pi, ParamValues params) {
        return run(game, pi, params, p -> {});
    }

    /**
     * Runs the study, telling {@code listener} of every point as it is done (for progress).
     *
     * @param params values of {@link #SCHEMA}
     */
    public static NPlayerReport run(
            NPlayerGame game,
            TabularPolicy[] pi,
            ParamValues params,
            Consumer<NPlayerPoint> listener) {
        return run(game, pi, params, listener, () -> {});
    }

    /**
     * Runs the study, calling {@code onWork} once per unit of {@link #work}: after each exact
     * {@code N}, and after each Monte Carlo sample (a progress bar that moves during a long Monte
     * Carlo point).
     */
    public static NPlayerReport run(
            NPlayerGame game,
            TabularPolicy[] pi,
            ParamValues params,
            Consumer<NPlayerPoint> listener,
            Runnable onWork) {
        if (params.schema() != SCHEMA) {
            throw new IllegalArgumentException(
                    "N-player study: parameters of " + params.schema().owner() + " given");
        }
        TabularPolicy[] policy = game.perStep(pi);
        double limit = game.meanFieldExploitability(policy).exploitability();
        TabularPolicy[] bestResponse = null;
        List<NPlayerPoint> points = new ArrayList<>();
        for (double nd : params.get(N)) {
            int n = (int) nd;
            NPlayerPoint point;
            if (exact(game, n, params)) {
                point = NPlayerPoint.of(CountSpaceEvaluation.evaluate(game, policy, n, null));
                onWork.run();
            } else {
                if (bestResponse == null) {
                    bestResponse = game.meanFieldBestResponse(policy);
                }
                point =
                        NPlayerPoint.of(
                                NPlayerSimulation.estimate(
                                        game,
                                        policy,
                                        bestResponse,
                                        n,
                                        params.get(SAMPLES),
                                        params.get(SEED),
                                        onWork));
            }
            points.add(point);
            listener.accept(point);
        }
        return new NPlayerReport(limit, points, RateFit.of(points, limit), params);
    }

    /**
     * The units of work {@link #run} reports: one per exactly evaluated {@code N}, {@code samples}
     * per Monte Carlo {@code N}.
     */
    public static long work(NPlayerGame game, ParamValues params) {
        long units = 0;
        for (double nd : params.get(N)) {
            units += exact(game, (int) nd, params) ? 1 : params.get(SAMPLES);
        }
        return units;
    }

    /** Whether {@code N = n} is evaluated exactly under {@code params}. */
    public static boolean exact(NPlayerGame game, int n, ParamValues params) {
        CountSpaceEvaluation.requirePlayers(n);
        String method = params.get(METHOD);
        if (!method.equals("auto")) {
            return method.equals(NPlayerPoint.EXACT);
        }
        return CountSpaceEvaluation.configurations(n, game.nS()) * game.nS()
                <= params.get(EXACT_BUDGET);
    }
}
