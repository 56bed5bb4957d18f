package org.mfgkit.envs;

import java.util.List;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.Projections;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.OccupationMeasureObjective.Loss;
import org.mfgkit.envs.OccupationMeasureObjective.ObjectiveValue;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * MF-OMO, mean-field occupation-measure optimisation (Guo, Hu &amp; Zhang 2022, "MF-OMO: an
 * optimization formulation of mean-field games", arXiv:2206.09608; MFGLib's {@code MFOMO}): an
 * equilibrium is a zero of {@code c1 |A_L L - b|^2 + c2 |A_L^T y + z - c_L|^2 + c3 z^T L} over the
 * state-action flow {@code L}, the slack {@code z >= 0} and the dual {@code y} ({@link
 * OccupationMeasureObjective}); MFGLib descends it with a torch optimizer and autograd, here with
 * the same steps ({@link GradientStep}) and the exact gradient, through the game's derivatives in
 * the mean field ({@link FiniteHorizonMeanFieldGame#rewardsVjp}, {@link
 * FiniteHorizonMeanFieldGame#transitionsVjp}).
 *
 * <p>Start: {@code L_t = pi_t / S} for the uniform {@code pi} ({@code 1/(S A)} everywhere, MFGLib's
 * {@code pi / n_states}); with {@code hat_init}, {@code y} and {@code z} are the paper's {@code
 * y_hat(L)}, {@code z_hat(L)} (Proposition 6: the optimal values {@code V*} of the MDP induced by
 * {@code L}, {@code y_t = V*_{t+1}} for {@code t < T}, {@code y_T = -V*_0}, {@code z = V* - Q*}
 * clipped at 0), else 0. Each iteration: residual balancing of {@code c1, c2} when {@code (i+1) %
 * rb_freq == 0}; one optimizer step on the objective; then (unless {@code parameterize}) the
 * projection of MFGLib's {@code mf_omo_constraints}: each {@code L_t} onto the simplex, {@code z}
 * to its positive part and, when that sums above {@code c_z = S A (T^2+T+2) r_max}, onto the
 * simplex of radius {@code c_z}, {@code y} into the ball of radius {@code c_y = S (T+1)(T+2) r_max
 * / 2}. The policy is {@code pi_t(a|s) = L_t(s,a) / sum_a L_t(s,a)}, uniform where that is 0
 * (MFGLib's {@code policy_from_mean_field}). With {@code parameterize} the variables are {@code L_t
 * = softmax(u_t)}, {@code z = c_z softmax(v)[:-1]}, {@code y = c_w sin(w)} ({@code c_w = c_y /
 * sqrt(S (T+1))}), unconstrained, as MFGLib's parameterised formulation. The objective is MFGLib's,
 * unregularised; the iterates are scored at the game's {@code lambda}.
 */
public final class OccupationMeasureOptimization extends DeclaredSolver {
    /** MFGLib's {@code loss}: the norms of the objective's terms. */
    public static final Param<String> LOSS =
            Param.choice(
                    "loss",
                    "l1_l2",
                    List.of("l1", "l2", "l1_l2"),
                    "norms of the terms: l1_l2 = squares and z^T L, l1 = 1-norms, l2 = squares"
                            + " and (z^T L)^2");

    /** Weight of the flow-constraint term. */
    public static final Param<Double> C1 =
            Param.real("c1", 1.0, "weight of |A_L L - b|").check(Checks.nonNegative());

    /** Weight of the dual-feasibility term. */
    public static final Param<Double> C2 =
            Param.real("c2", 1.0, "weight of |A_L^T y + z - c_L|").check(Checks.nonNegative());

    /** Weight of the complementarity term. */
    public static final Param<Double> C3 =
            Param.real("c3", 1.0, "weight of z^T L").check(Checks.nonNegative());

    /** How often residual balancing adapts {@code c1, c2}; none: never. */
    public static final Param<Integer> RB_FREQ =
            Param.integer(
                            "rb_freq",
                            null,
                            "residual balancing of c1, c2 when (i+1) % rb_freq == 0; none: never")
                    .check(Checks.positive())
                    .orNone("none");

    /** Residual balancing: a term this many times larger than the others gets its weight raised. */
    public static final Param<Double> M1 =
            Param.real("m1", 10.0, "residual balancing: raise a weight when its term is m1x larger")
                    .check(Checks.positive());

    /** Residual balancing: the factor a weight is multiplied or divided by. */
    public static final Param<Double> M2 =
            Param.real("m2", 2.0, "residual balancing: the factor of a weight change")
                    .check(Checks.positive());

    /** Residual balancing: a term this fraction of the others gets its weight lowered. */
    public static final Param<Double> M3 =
            Param.real("m3", 0.1, "residual balancing: lower a weight when its term is m3x smaller")
                    .check(Checks.positive());

    /** The optimizer, as torch names it. */
    public static final Param<String> OPTIMIZER =
            Param.choice(
                    "optimizer",
                    "Adam",
                    List.of("Adam", "SGD"),
                    "Adam (betas 0.9, 0.999, eps 1e-8) or SGD, as torch.optim");

    /** Learning rate. */
    public static final Param<Double> LR =
            Param.real("lr", 0.1, "learning rate of the optimizer").check(Checks.positive());

    /** Whether to solve the unconstrained (softmax/sin) parameterisation. */
    public static final Param<Boolean> PARAMETERIZE =
            Param.bool(
                    "parameterize",
                    false,
                    "unconstrained variables L = softmax(u), z = c_z softmax(v), y = c_w sin(w)");

    /** Whether {@code y}, {@code z} start at the paper's {@code y_hat(L)}, {@code z_hat(L)}. */
    public static final Param<Boolean> HAT_INIT =
            Param.bool("hat_init", true, "start y, z at y_hat(L), z_hat(L) (else 0)");

    /** The parameters, with MFGLib's defaults. */
    public static final ParamSchema PARAMS =
            ParamSchema.of(
                    "mf-omo",
                    LOSS,
                    C1,
                    C2,
                    C3,
                    RB_FREQ,
                    M1,
                    M2,
                    M3,
                    OPTIMIZER,
                    LR,
                    PARAMETERIZE,
                    HAT_INIT,
                    EquilibriumSolver.ITERATIONS.withDefault(100));

    /** MFGLib's cap on the balanced weights ({@code safeguard}). */
    static final double SAFEGUARD = 1e3;

    /** MFGLib's floor of {@code z} entries before the log of the parameterised start. */
    static final double Z_EPS = 1e-8;

    /** With the given parameters (of {@link #PARAMS}). */
    public OccupationMeasureOptimization(ParamValues params) {
        super(PARAMS, params);
    }

    /** With MFGLib's defaults. */
    public OccupationMeasureOptimization() {
        this(PARAMS.defaults());
    }

    /** Runs {@code iterations} optimizer steps from the uniform policy's {@code L = pi / S}. */
    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        FiniteHorizonMeanFieldGame game = FiniteHorizonIterations.game(model, name());
        if (!game.hasMeanFieldDerivatives()) {
            throw new IllegalArgumentException(
                    name()
                            + " needs the game's derivatives in the mean field; "
                            + game
                            + " provides none");
        }
        SolverTrace trace = new SolverTrace(listener);
        Descent run = new Descent(game);
        TabularPolicy[] pi = run.policy();
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, trace);
        for (int i = 1; i <= iterations; i++) {
            run.step(i);
            pi = run.policy();
            e = SolverSupport.record(model, pi, i, trace);
        }
        return SolverSupport.run(this, pi, trace, false, e);
    }

    /** The flow {@code L} of the iterate, for tests. */
    double[][] finalFlow(ExactModel model, int iterations) {
        Descent run = new Descent(FiniteHorizonIterations.game(model, name()));
        for (int i = 1; i <= iterations; i++) {
            run.step(i);
        }
        return run.flow();
    }

    /** {@code y_hat(L)} and {@code z_hat(L)} (Proposition 6), for the solver and tests. */
    static double[][][] hat(
            OccupationMeasureObjective objective, FiniteHorizonMeanFieldGame game, double[][] l) {
        int nS = game.nS();
        int nA = game.nA();
        int horizon = game.horizon();
        double[][] mu = new double[horizon + 1][];
        for (int t = 0; t <= horizon; t++) {
            mu[t] = objective.meanField(l[t]); // mu_t, or L_t for a state-action game
        }
        double[][] q = SparseBackwardInduction.optimalQValues(game, mu, 0.0);
        double[][] v = new double[horizon + 1][nS];
        for (int t = 0; t <= horizon; t++) {
            for (int s = 0; s < nS; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < nA; a++) {
                    best = Math.max(best, objective.discount(t) * q[t][s * nA + a]);
                }
                v[t][s] = best;
            }
        }
        double[][] y = new double[horizon + 1][nS];
        for (int t = 0; t < horizon; t++) {
            System.arraycopy(v[t + 1], 0, y[t], 0, nS);
        }
        for (int s = 0; s < nS; s++) {
            y[horizon][s] = -v[0][s];
        }
        double[][] z = new double[horizon + 1][nS * nA];
        for (int t = 0; t <= horizon; t++) {
            double[] r = objective.rewards(t, mu[t]);
            var kernel = t < horizon ? game.sparseTransitions(t, mu[t]) : null;
            for (int i = 0; i < nS * nA; i++) {
                double next = kernel != null ? kernel.expect(i, v[t + 1]) : 0.0;
                z[t][i] = Math.max(0.0, v[t][i / nA] - r[i] - next);
            }
        }
        return new double[][][] {y, z};
    }

    /** The state of one run: the variables, the weights, the optimizer. */
    private final class Descent {
        private final FiniteHorizonMeanFieldGame game;
        private final OccupationMeasureObjective objective;
        private final Loss loss = Loss.of(params().get(LOSS));
        private final boolean parameterize = params().get(PARAMETERIZE);
        private final GradientStep optimizer =
                GradientStep.of(params().get(OPTIMIZER), params().get(LR));
        private final int nS;
        private final int nA;
        private final int horizon;

        /** {@code c_z} (= MFGLib's {@code c_v}), {@code c_y}, {@code c_w}. */
        private final double cz;

        private final double cy;
        private final double cw;
        private double c1 = params().get(C1);
        private double c2 = params().get(C2);

        /**
         * {@code L} (or {@code u}), {@code z} (or {@code v}, one block), {@code y} (or {@code w}).
         */
        private final double[][] first;

        private final double[][] second;
        private final double[][] third;

        Descent(FiniteHorizonMeanFieldGame game) {
            this.game = game;
            this.objective = new OccupationMeasureObjective(game);
            this.nS = game.nS();
            this.nA = game.nA();
            this.horizon = game.horizon();
            double rMax = game.rMax();
            double steps = horizon + 1.0;
            this.cz = (double) nS * nA * (horizon * steps + 2) * rMax;
            this.cy = nS * steps * (steps + 1) * rMax / 2;
            this.cw = cy / Math.sqrt(nS * steps);
            double[][] l = new double[horizon + 1][nS * nA];
            for (double[] block : l) {
                java.util.Arrays.fill(block, (1.0 / nA) / nS);
            }
            boolean hatInit = params().get(HAT_INIT);
            double[][][] yz = hatInit ? hat(objective, game, l) : null;
            if (!parameterize) {
                first = l;
                second = hatInit ? yz[1] : new double[horizon + 1][nS * nA];
                third = hatInit ? yz[0] : new double[horizon + 1][nS];
                return;
            }
            first = new double[horizon + 1][nS * nA];
            for (int t = 0; t <= horizon; t++) {
                for (int i = 0; i < nS * nA; i++) {
                    first[t][i] = Math.log(l[t][i]);
                }
            }
            int n = (horizon + 1) * nS * nA;
            second = new double[1][n + 1];
            third = new double[horizon + 1][nS];
            if (hatInit) {
                startParameterised(yz[0], yz[1], n);
            }
        }

        /** MFGLib's {@code v_hat}, {@code w_hat} from {@code z_hat}, {@code y_hat}. */
        private void startParameterised(double[][] yHat, double[][] zHat, int n) {
            double sum = 0.0;
            for (double[] block : zHat) {
                for (double zi : block) {
                    sum += zi / cz;
                }
            }
            if (sum < 1) {
                double[] v = second[0];
                int k = 0;
                for (double[] block : zHat) {
                    for (double zi : block) {
                        v[k++] = zi / cz;
                    }
                }
                v[n] = 1 - (1 - sum); // MFGLib appends 1 - z_new with z_new = 1 - sum
                for (int j = 0; j <= n; j++) {
                    v[j] = Math.log(v[j] == 0.0 ? Z_EPS : v[j]);
                }
            }
            for (int t = 0; t <= horizon; t++) {
                for (int s = 0; s < nS; s++) {
                    double ratio = yHat[t][s] / cw;
                    if (Math.abs(ratio) > 1) {
                        throw new IllegalArgumentException(
                                "mf-omo: parameterize=true with hat_init: |y_hat| = "
                                        + Math.abs(yHat[t][s])
                                        + " exceeds c_w = "
                                        + cw
                                        + ", so asin(y_hat/c_w) is undefined (MFGLib gives NaN);"
                                        + " set hat_init=false");
                    }
                    third[t][s] = Math.asin(ratio);
                }
            }
        }

        /** {@code L}, {@code z}, {@code y} of the current variables. */
        private double[][][] variables() {
            if (!parameterize) {
                return new double[][][] {first, second, third};
            }
            double[][] l = new double[horizon + 1][];
            for (int t = 0; t <= horizon; t++) {
                l[t] = new double[nS * nA];
                Numerics.softmax(first[t], l[t]);
            }
            double[] p = new double[second[0].length];
            Numerics.softmax(second[0], p);
            double[][] z = new double[horizon + 1][nS * nA];
            for (int t = 0; t <= horizon; t++) {
                for (int i = 0; i < nS * nA; i++) {
                    z[t][i] = cz * p[t * nS * nA + i];
                }
            }
            double[][] y = new double[horizon + 1][nS];
            for (int t = 0; t <= horizon; t++) {
                for (int s = 0; s < nS; s++) {
                    y[t][s] = cw * Math.sin(third[t][s]);
                }
            }
            return new double[][][] {l, z, y};
        }

        double[][] flow() {
            return variables()[0];
        }

        TabularPolicy[] policy() {
            return OccupationMeasureInclusion.policies(flow(), nS, nA);
        }

        /** Iteration {@code i >= 1}: balancing, one optimizer step, the projection. */
        void step(int i) {
            double[][][] x = variables();
            Integer rbFreq = params().get(RB_FREQ);
            if (rbFreq != null && (i + 1) % rbFreq == 0) {
                balance(objective.evaluate(x[0], x[1], x[2], loss, c1, c2, 0.0, false));
            }
            ObjectiveValue ev =
                    objective.evaluate(x[0], x[1], x[2], loss, c1, c2, params().get(C3), true);
            if (!parameterize) {
                optimizer.apply(concat(first, second, third), concat(ev.gradL, ev.gradZ, ev.gradY));
                project();
                return;
            }
            optimizer.apply(
                    concat(first, second, third), chainRule(x, ev.gradL, ev.gradZ, ev.gradY));
        }

        /** MFGLib's {@code mf_omo_residual_balancing}. */
        private void balance(ObjectiveValue o) {
            double c1New = c1;
            double c2New = c2;
            if (Math.max(o.o2, o.o3) != 0.0 && o.o1 / Math.max(o.o2, o.o3) > params().get(M1)) {
                c1New = c1 * params().get(M2);
            }
            if (Math.min(o.o2, o.o3) != 0.0 && o.o1 / Math.min(o.o2, o.o3) < params().get(M3)) {
                c1New = c1 / params().get(M2);
            }
            if (Math.max(o.o1, o.o3) != 0.0 && o.o2 / Math.max(o.o1, o.o3) > params().get(M1)) {
                c2New = c2 * params().get(M2);
            }
            if (Math.min(o.o1, o.o3) != 0.0 && o.o2 / Math.min(o.o1, o.o3) < params().get(M3)) {
                c2New = c2 / params().get(M2);
            }
            c1 = Math.min(c1New, SAFEGUARD);
            c2 = Math.min(c2New, SAFEGUARD);
        }

        /** MFGLib's {@code mf_omo_constraints}, in place. */
        private void project() {
            for (double[] block : first) {
                projectToSimplex(block, 1.0);
            }
            int count = 0;
            double positive = 0.0;
            for (double[] block : second) {
                for (double zi : block) {
                    if (zi > 0) {
                        count++;
                        positive += zi;
                    }
                }
            }
            if (count > 0 && positive > cz) {
                double[] p = new double[count];
                int k = 0;
                for (double[] block : second) {
                    for (double zi : block) {
                        if (zi > 0) {
                            p[k++] = zi;
                        }
                    }
                }
                projectToSimplex(p, cz);
                k = 0;
                for (double[] block : second) {
                    for (int j = 0; j < block.length; j++) {
                        block[j] = block[j] > 0 ? p[k++] : 0.0;
                    }
                }
            } else {
                for (double[] block : second) {
                    for (int j = 0; j < block.length; j++) {
                        block[j] = Math.max(block[j], 0.0);
                    }
                }
            }
            double norm = 0.0;
            for (double[] block : third) {
                for (double yi : block) {
                    norm += yi * yi;
                }
            }
            norm = Math.sqrt(norm);
            if (norm > cy) {
                for (double[] block : third) {
                    for (int s = 0; s < block.length; s++) {
                        block[s] = block[s] / norm * cy;
                    }
                }
            }
        }

        /** The gradient in {@code (u, v, w)} from the one in {@code (L, z, y)}. */
        private double[][] chainRule(double[][][] x, double[][] gl, double[][] gz, double[][] gy) {
            double[][] gu = new double[horizon + 1][];
            for (int t = 0; t <= horizon; t++) {
                gu[t] = softmaxPullback(x[0][t], gl[t], 1.0);
            }
            int n = (horizon + 1) * nS * nA;
            double[] p = new double[n + 1];
            Numerics.softmax(second[0], p);
            double[] gp = new double[n + 1];
            for (int t = 0; t <= horizon; t++) {
                System.arraycopy(gz[t], 0, gp, t * nS * nA, nS * nA);
            }
            double[] gv = softmaxPullback(p, gp, cz);
            double[][] gw = new double[horizon + 1][nS];
            for (int t = 0; t <= horizon; t++) {
                for (int s = 0; s < nS; s++) {
                    gw[t][s] = cw * Math.cos(third[t][s]) * gy[t][s];
                }
            }
            double[][] g = new double[gu.length + 1 + gw.length][];
            System.arraycopy(gu, 0, g, 0, gu.length);
            g[gu.length] = gv;
            System.arraycopy(gw, 0, g, gu.length + 1, gw.length);
            return g;
        }
    }

    /** The gradient in {@code u} of {@code f(scale softmax(u))}: {@code scale p (g - <g, p>)}. */
    static double[] softmaxPullback(double[] p, double[] g, double scale) {
        double mean = 0.0;
        for (int i = 0; i < p.length; i++) {
            mean += p[i] * g[i];
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = scale * p[i] * (g[i] - mean);
        }
        return out;
    }

    /**
     * MFGLib's {@code project_onto_simplex} (Duchi et al. 2008, via {@link
     * Projections#projectToSimplex(double[], double)}), then rescaled to sum exactly {@code radius}
     * as MFGLib does ({@code x / sum(x) * r}).
     */
    static void projectToSimplex(double[] x, double radius) {
        Projections.projectToSimplex(x, radius);
        double sum = 0.0;
        for (double xi : x) {
            sum += xi;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] / sum * radius;
        }
    }

    private static double[][] concat(double[][] a, double[][] b, double[][] c) {
        double[][] out = new double[a.length + b.length + c.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
