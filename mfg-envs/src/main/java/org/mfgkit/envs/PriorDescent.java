package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.SparseBackwardInduction;

/**
 * Prior descent (Cui & Koeppl 2021, "Approximately solving mean field games via entropy-regularized
 * deep reinforcement learning", AISTATS; MFGLib's {@code PriorDescent}): from the uniform policy,
 * {@code pi_{i+1}(a|s) ∝ q(a|s) exp(Q*_t(s,a) / eta)} with {@code Q*} the optimal Q-function in the
 * MDP induced by the flow of {@code pi_i} (soft-optimal at the game's {@code lambda}, MFGLib's
 * unregularised one at {@code lambda = 0}). The prior {@code q} starts uniform and becomes the
 * current policy every {@code n_inner} iterations (after iteration {@code i} when {@code (i+1) %
 * n_inner == 0}, MFGLib's {@code (i + 2) % n_inner} with its 0-based step counter); with {@code
 * n_inner} unset it stays uniform and the method is GMF-V (Guo et al. 2019, "Learning mean-field
 * games", NeurIPS): a Boltzmann best response at temperature {@code eta}.
 */
public final class PriorDescent extends DeclaredSolver {
    /** MFGLib's {@code eta}: the temperature. */
    public static final Param<Double> ETA =
            Param.real("eta", 1.0, "temperature of the Boltzmann step").check(Checks.positive());

    /** MFGLib's {@code n_inner}: how often the prior is reset to the current policy. */
    public static final Param<Integer> N_INNER =
            Param.integer(
                            "n_inner",
                            null,
                            "the prior becomes the current policy every n_inner iterations;"
                                    + " none: it stays uniform (GMF-V)")
                    .check(Checks.positive())
                    .orNone("none");

    /** The parameters, with MFGLib's defaults ({@code eta = 1}, {@code n_inner} unset). */
    public static final ParamSchema PARAMS =
            ParamSchema.of(
                    "prior-descent", ETA, N_INNER, EquilibriumSolver.ITERATIONS.withDefault(100));

    /** Temperature. */
    private final double eta;

    /** Prior reset period; {@code null}: never. */
    private final Integer nInner;

    /** With the given parameters (of {@link #PARAMS}). */
    public PriorDescent(ParamValues params) {
        super(PARAMS, params);
        this.eta = params.get(ETA);
        this.nInner = params.get(N_INNER);
    }

    /** With MFGLib's defaults. */
    public PriorDescent() {
        this(PARAMS.defaults());
    }

    /**
     * Runs {@code iterations} updates from the uniform policy, recording the exploitability of
     * every iterate (iteration 0 is the uniform policy).
     */
    @Override
    public SolverRun solve(ExactModel model, int iterations, IterationListener listener) {
        SolverSupport.requireIterations(iterations);
        FiniteHorizonMeanFieldGame game = FiniteHorizonIterations.game(model, name());
        SolverTrace trace = new SolverTrace(listener);
        int nS = game.nS();
        int nA = game.nA();
        TabularPolicy[] pi = FiniteHorizonIterations.uniform(game);
        TabularPolicy[] prior = pi;
        ExploitabilityResult e = SolverSupport.record(model, pi, 0, trace);
        for (int i = 1; i <= iterations; i++) {
            double[][] q =
                    SparseBackwardInduction.optimalQValues(game, e.meanField(), game.lambda());
            TabularPolicy[] next = new TabularPolicy[pi.length];
            for (int t = 0; t < pi.length; t++) {
                double[] logits = q[t];
                for (int s = 0; s < nS; s++) {
                    for (int a = 0; a < nA; a++) {
                        logits[s * nA + a] =
                                Math.log(prior[t].prob(s, a)) + logits[s * nA + a] / eta;
                    }
                }
                next[t] = TabularPolicy.softmax(nS, nA, logits, 1.0);
            }
            pi = next;
            if (nInner != null && (i + 1) % nInner == 0) {
                prior = pi;
            }
            e = SolverSupport.record(model, pi, i, trace);
        }
        return SolverSupport.run(this, pi, trace, false, e);
    }
}
