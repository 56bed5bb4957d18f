package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Fictitious play (Perrin et al. 2020; in the weighted policy-averaging form of MFGLib's {@code
 * FictitiousPlay}): from the uniform policy, {@code br_n = Gamma1(mu_{pi_n})} and {@code
 * pi_{n+1}(a|s) = [(1-alpha_n) d_{pi_n}(s) pi_n(a|s) + alpha_n d_{br_n}(s) br_n(a|s)] /
 * [(1-alpha_n) d_{pi_n}(s) + alpha_n d_{br_n}(s)]} at every decision step, i.e. the policy whose
 * state-action distribution is the running average; {@code alpha_n = 1/(n+2)} for {@code n = 0, 1,
 * ...} (classical), or a constant {@code alpha} ({@code alpha = 1} is the undamped best-response
 * iteration). The weights {@code d} are {@link ExactModel#stateWeights}: each policy's own flow for
 * a finite-horizon game (exactly MFGLib), and for a stationary game each policy's discounted
 * occupancy from {@code mu0} in the MDP induced by its own mean field (weighting by the stationary
 * mean field instead leaves the initial policy in states the best responses rarely visit, and
 * stalls: on {@code lq} exploitability 62 after 300 iterations). States with no weight under either
 * get the plain mixture {@code (1-alpha_n) pi_n + alpha_n br_n}.
 */
public final class FictitiousPlay extends DeclaredSolver {
    /** Mixing weight; 0 selects the classical schedule {@code 1/(n+2)}. */
    public static final Param<Double> ALPHA =
            Param.real("alpha", 0.0, "mixing weight of the best response (0 = 1/(n+1))")
                    .check(Checks.unitInterval());

    /** The settings: {@code alpha}, {@code iterations} (500). */
    public static final ParamSchema PARAMS =
            ParamSchema.of("fictitious-play", ALPHA, EquilibriumSolver.ITERATIONS);

    /** Mixing weight; 0 selects the classical schedule {@code 1/(n+2)}. */
    private final double alpha;

    /** With these settings (of {@link #PARAMS}). */
    public FictitiousPlay(ParamValues params) {
        super(PARAMS, params);
        this.alpha = params.get(ALPHA);
    }

    /** With a constant mixing weight {@code alpha ∈ (0,1]}, or {@code 0} for {@code 1/(n+2)}. */
    public FictitiousPlay(double alpha) {
        this(PARAMS.defaults().with(ALPHA, alpha));
    }

    /** Classical fictitious play, {@code alpha_n = 1/(n+2)}. */
    public FictitiousPlay() {
        this(PARAMS.defaults());
    }

    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        SolverTrace trace = new SolverTrace(listener);
        int nS = model.nS();
        int nA = model.nA();
        TabularPolicy[] pi = model.uniformPolicy();
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, trace);
        for (int n = 1; n <= iterations; n++) {
            double[][] mu = e.meanField();
            TabularPolicy[] br = model.bestResponse(mu);
            double[][] muBr = model.meanField(br);
            double[][] dPi = model.stateWeights(pi, mu);
            double[][] dBr = model.stateWeights(br, muBr);
            double w = alpha > 0.0 ? alpha : 1.0 / (n + 1);
            TabularPolicy[] next = new TabularPolicy[pi.length];
            double[] table = new double[nS * nA];
            for (int t = 0; t < pi.length; t++) {
                double[] old = pi[t].table();
                double[] best = br[t].table();
                for (int s = 0; s < nS; s++) {
                    double a = (1.0 - w) * dPi[t][s];
                    double b = w * dBr[t][s];
                    double den = a + b;
                    for (int i = s * nA; i < (s + 1) * nA; i++) {
                        table[i] =
                                den > 0.0
                                        ? (a * old[i] + b * best[i]) / den
                                        : (1.0 - w) * old[i] + w * best[i];
                    }
                }
                next[t] = TabularPolicy.ofTable(nS, nA, table);
            }
            pi = next;
            e = SolverSupport.record(model, pi, n, trace);
        }
        return SolverSupport.run(this, pi, trace, false, e);
    }
}
