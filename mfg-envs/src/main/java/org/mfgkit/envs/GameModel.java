package org.mfgkit.envs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.MemoryBudget;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.SparseKernel;

/**
 * A mean-field game model (SPEC §0 "Games", §2): finite states and actions, transitions {@code
 * P_t(s'|s,a,mu)} and rewards {@code r_t(s,a,mu)}, built from declared parameters. Whether the game
 * is stationary or finite-horizon is a parameter, its horizon {@link #T}: {@code T = inf} gives the
 * stationary, discounted game ({@code gamma < 1}) seen through {@link #stationary()}, a number the
 * game with decision steps {@code t = 0..T} ({@code gamma} in {@code [0,1]}, 1 = undiscounted) seen
 * through {@link #finiteHorizon()}. A subclass declares only its own parameters and writes {@link
 * #transitions} and {@link #rewards}; the common parameters {@code T}, {@code gamma}, {@code
 * lambda}, {@code mu0} and the checks that depend on the game's size are here, once.
 *
 * <p>A stationary game is evaluated at {@code t = 0} (its dynamics do not depend on {@code t}); in
 * a finite-horizon game {@link #terminal(int)} tells the last step, where no transition follows.
 *
 * <p>A game whose transitions or rewards depend on what the players <em>do</em> overrides {@link
 * #meanFieldIsStateAction()}: its mean-field argument is then MFGLib's state-action distribution
 * {@code L_t(s,a) = mu_t(s) pi_t(a|s)} ({@code nS*nA} entries, {@code L[s*nA + a]}) instead of
 * {@code mu_t}, and it is finite-horizon only ({@code T = inf} is refused).
 */
public abstract class GameModel {
    /** Last decision step; {@code inf} (the value {@code null}) makes the game stationary. */
    public static final Param<Integer> T =
            Param.integer("T", null, "last decision step (t = 0..T); inf = stationary, discounted")
                    .check(Checks.range(0, 1_000_000))
                    .orNone("inf");

    /** Discount factor; must be below 1 when {@code T = inf}. */
    public static final Param<Double> GAMMA =
            Param.real("gamma", 0.9, "discount factor (< 1 when T = inf; 1 = undiscounted)")
                    .check(Checks.unitInterval());

    /** Entropy-regularisation weight. */
    public static final Param<Double> LAMBDA =
            Param.real("lambda", 0.0, "entropy-regularisation weight").check(Checks.nonNegative());

    /** Initial distribution (also the {@code rho} of values); {@code uniform} by default. */
    public static final Param<double[]> MU0 =
            Param.vector("mu0", null, "initial state distribution, also the rho of values")
                    .check(Checks.distribution())
                    .orNone("uniform");

    /** {@link #GAMMA} with the check a stationary game adds. */
    private static final Param<Double> STATIONARY_GAMMA = GAMMA.check(Checks.discount());

    private final ParamValues params;
    private final int nS;
    private final int nA;
    private final Integer horizon;
    private final double gamma;
    private final double lambda;
    private final double[] mu0;

    /**
     * Reads and checks the common parameters against the game's size: {@code gamma < 1} when {@code
     * T = inf}, {@code mu0} a distribution over {@code nS} states ({@code uniform} resolved here).
     *
     * @param params the values, of a schema made by {@link #schema}
     * @param nS number of states (as the game's own parameters imply)
     * @param nA number of actions
     * @throws IllegalArgumentException naming the parameter
     */
    protected GameModel(ParamValues params, int nS, int nA) {
        this(params, nS, nA, nS);
    }

    /**
     * As {@link #GameModel(ParamValues, int, int)}, for a game with local moves whose
     * finite-horizon kernel is sparse and fixed: {@link #sparseTransitions} builds it once, with at
     * most {@code nextStates} next states per state-action pair. Its finite-horizon size estimate
     * counts that one kernel instead of {@code T} dense tables (see {@link #admit}).
     *
     * @param nextStates the most next states of one state-action pair, {@code 1..nS}
     */
    protected GameModel(ParamValues params, int nS, int nA, int nextStates) {
        if (nextStates < 1 || nextStates > nS) {
            throw new IllegalArgumentException(
                    "next states per pair must be in 1.." + nS + ", got " + nextStates);
        }
        this.params = params;
        this.nS = nS;
        this.nA = nA;
        this.horizon = params.get(T);
        this.gamma = params.get(GAMMA);
        this.lambda = params.get(LAMBDA);
        if (horizon == null) {
            if (meanFieldIsStateAction()) {
                throw new IllegalArgumentException(
                        name()
                                + " is finite-horizon only (its mean field is over state-action"
                                + " pairs): T must be a number, got T = inf");
            }
            STATIONARY_GAMMA.validate(gamma);
        }
        admit(nextStates); // before the first nS-long array
        double[] given = params.get(MU0);
        if (given == null) {
            given = new double[nS];
            Arrays.fill(given, 1.0 / nS);
        }
        this.mu0 = MU0.check(Checks.length(nS)).validate(given);
    }

    /**
     * Refuses, before any table is built, a game whose exact model would not fit in the JVM's heap
     * ({@link MemoryBudget#admit}). The estimate: per decision step ({@code T + 1} of them, one for
     * a stationary game) the transition kernel and its solver copy ({@code 16 nS nA nS} bytes) and
     * eight {@code nS x nA} tables (rewards, values, policies); a stationary game adds the
     * resolvent ({@code 16 nS^2}). A finite-horizon game with a fixed sparse kernel of {@code k <
     * nS} next states per pair ({@link #GameModel(ParamValues, int, int, int)}) needs that kernel
     * once ({@code 12 nS nA k + 4 nS nA}) and four {@code nS x nA} tables per step (a solver's
     * iterate, the policy, its Q-values, the next policy: the sparse computations keep only {@code
     * nS}-long vectors besides). The refusal names {@code T} when the horizon dominates, otherwise
     * the game's own integer parameters (its size).
     */
    private void admit(int nextStates) {
        double steps = horizon == null ? 1.0 : horizon + 1.0;
        double bytes;
        if (horizon != null && nextStates < nS) {
            bytes = 12.0 * nS * nA * nextStates + 4.0 * nS * nA + steps * 32.0 * nS * nA;
        } else {
            double perStep = 16.0 * nS * nA * nS + 64.0 * nS * nA;
            bytes = steps * perStep + (horizon == null ? 16.0 * nS * nS : 0.0);
        }
        String setting;
        Object value;
        if (horizon != null && steps > nS) {
            setting = T.name();
            value = horizon;
        } else {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Param<?> p : params.schema().params()) {
                if (p != T && params.get(p) instanceof Integer i) {
                    names.add(p.name());
                    values.add(String.valueOf(i));
                }
            }
            setting = names.isEmpty() ? "the game size" : String.join(", ", names);
            value =
                    (names.isEmpty() ? "" : String.join(", ", values) + ": ")
                            + nS
                            + " states x "
                            + nA
                            + " actions";
        }
        MemoryBudget.admit(name(), List.of(new MemoryBudget.Term(setting, value, bytes)));
    }

    /**
     * The schema of a game: {@code T}, then the game's own parameters, then {@code gamma}, {@code
     * lambda}, {@code mu0}; {@code defaults} are {@code name=value} texts (e.g. {@code "T=1"}).
     */
    protected static ParamSchema schema(String name, List<Param<?>> own, String... defaults) {
        List<Param<?>> all = new ArrayList<>();
        all.add(T);
        all.addAll(own);
        all.addAll(List.of(GAMMA, LAMBDA, MU0));
        ParamSchema s = ParamSchema.of(name, all);
        return s.withDefaults(name, GamePreset.apply(s.defaults(), defaults));
    }

    /**
     * Fills {@code out[(s*nA + a)*nS + s2] = P_t(s2|s,a,mu)} (every entry), {@code t < T}.
     *
     * @param mu the mean field at step {@code t} (not modified): the population distribution {@code
     *     mu_t}, or {@code L_t} when {@link #meanFieldIsStateAction()}
     */
    public abstract void transitions(int t, double[] mu, double[] out);

    /**
     * Fills {@code out[s*nA + a] = r_t(s,a,mu)}, {@code t = 0..T}.
     *
     * @param mu the mean field at step {@code t} (not modified): the population distribution {@code
     *     mu_t}, or {@code L_t} when {@link #meanFieldIsStateAction()}
     */
    public abstract void rewards(int t, double[] mu, double[] out);

    /**
     * Whether the mean field is the state-action distribution {@code L_t(s,a) = mu_t(s) pi_t(a|s)}
     * (MFGLib's {@code L_t}, flat {@code [s*nA + a]}) rather than {@code mu_t}; false unless a game
     * says otherwise. Such a game is finite-horizon only, has no stationary twin, and the N-player
     * evaluation refuses it ({@link org.mfgkit.mdp.MeanFieldCoupling#meanFieldIsStateAction()}).
     * Must be a constant of the class (the constructor asks it).
     */
    public boolean meanFieldIsStateAction() {
        return false;
    }

    /**
     * {@code P_t(.|.,.,mu)} storing only the reachable next states, for a game with local moves;
     * {@code null} (the default) takes the non-zeros of {@link #transitions}. The exact
     * finite-horizon computations ({@link FiniteHorizonModel}) run on this kernel, in {@code
     * O(T*S*A*k)}; a game with a fixed kernel returns one instance.
     */
    protected SparseKernel sparseTransitions(int t, double[] mu) {
        return null;
    }

    /** Whether {@code P} depends on {@code mu}; a game that knows it does not says so. */
    protected boolean transitionsDependOnMeanField() {
        return true;
    }

    /**
     * Whether the game has a stationary twin ({@code T = inf}) that a long finite horizon
     * approaches; not when its dynamics or rewards change with {@code t} (crowd-motion's moving
     * bar), nor when its mean field is over state-action pairs.
     */
    public boolean hasStationaryTwin() {
        return !meanFieldIsStateAction();
    }

    /** True at the last step of a finite-horizon game (never for a stationary one). */
    protected final boolean terminal(int t) {
        return horizon != null && t == horizon;
    }

    /** The registry name the parameters were made for (their schema's owner). */
    public final String name() {
        return params.schema().owner();
    }

    /** The parameters the game was built with. */
    public final ParamValues params() {
        return params;
    }

    /** Number of states. */
    public final int nS() {
        return nS;
    }

    /** Number of actions. */
    public final int nA() {
        return nA;
    }

    /** True when {@code T = inf}. */
    public final boolean isStationary() {
        return horizon == null;
    }

    /** The discount factor. */
    public final double gamma() {
        return gamma;
    }

    /** The entropy-regularisation weight. */
    public final double lambda() {
        return lambda;
    }

    /** The initial distribution, resolved (a fresh copy). */
    public final double[] mu0() {
        return mu0.clone();
    }

    /**
     * The stationary view ({@code T = inf}).
     *
     * @throws IllegalStateException for a finite-horizon game
     */
    public final MeanFieldGame stationary() {
        if (horizon != null) {
            throw new IllegalStateException(
                    name() + " is finite-horizon (T = " + horizon + "); set T=inf for stationary");
        }
        return new Stationary();
    }

    /**
     * The finite-horizon view ({@code T} a number).
     *
     * @throws IllegalStateException for a stationary game
     */
    public final FiniteHorizonMeanFieldGame finiteHorizon() {
        if (horizon == null) {
            throw new IllegalStateException(name() + " is stationary (T = inf)");
        }
        return new FiniteHorizon();
    }

    /** The view the exact solvers use: stationary or finite-horizon, as {@code T} says. */
    public final ExactModel exact() {
        return horizon == null
                ? new StationaryModel(stationary())
                : new FiniteHorizonModel(finiteHorizon());
    }

    /**
     * Whether the game implements {@link #rewardsVjp} and {@link #transitionsVjp} (every built-in
     * game does; the contract test checks them against finite differences).
     */
    protected boolean hasMeanFieldDerivatives() {
        return false;
    }

    /**
     * Adds {@code sum_{s,a} w[s*nA + a] dr_t(s,a,mu)/dmu[j]} to {@code out[j]}: the vector-Jacobian
     * product of {@link #rewards} in the mean-field argument ({@link
     * FiniteHorizonMeanFieldGame#rewardsVjp}). {@code mu} and {@code w} are not modified.
     */
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        throw new UnsupportedOperationException(
                name() + " provides no derivatives in the mean field");
    }

    /**
     * Adds {@code sum_{s,a,s'} u[s*nA + a] v[s'] dP_t(s'|s,a,mu)/dmu[j]} to {@code out[j]} ({@link
     * FiniteHorizonMeanFieldGame#transitionsVjp}); nothing when {@link
     * #transitionsDependOnMeanField()} is false. Inputs are not modified.
     */
    protected void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {
        if (transitionsDependOnMeanField()) {
            throw new UnsupportedOperationException(
                    name() + " provides no derivatives in the mean field");
        }
    }

    /** MFGLib's {@code r_max} of the game ({@link FiniteHorizonMeanFieldGame#rMax()}). */
    public double rMax() {
        throw new UnsupportedOperationException(name() + " declares no r_max");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + params;
    }

    /**
     * What the stationary and the finite-horizon views share: the sizes, the common parameters, the
     * kind of mean field and the name.
     */
    private abstract class View {
        public final int nS() {
            return nS;
        }

        public final int nA() {
            return nA;
        }

        public final double gamma() {
            return gamma;
        }

        public final double lambda() {
            return lambda;
        }

        public final double[] mu0() {
            return mu0.clone();
        }

        public final boolean meanFieldIsStateAction() {
            return GameModel.this.meanFieldIsStateAction();
        }

        @Override
        public final String toString() {
            return GameModel.this.toString();
        }
    }

    private final class Stationary extends View implements MeanFieldGame {
        @Override
        public void transitions(double[] mu, double[] out) {
            GameModel.this.transitions(0, mu, out);
        }

        @Override
        public void rewards(double[] mu, double[] out) {
            GameModel.this.rewards(0, mu, out);
        }

        @Override
        public boolean transitionsDependOnMeanField() {
            return GameModel.this.transitionsDependOnMeanField();
        }
    }

    private final class FiniteHorizon extends View implements FiniteHorizonMeanFieldGame {
        @Override
        public int horizon() {
            return horizon;
        }

        @Override
        public void transitions(int t, double[] mu, double[] out) {
            GameModel.this.transitions(t, mu, out);
        }

        @Override
        public void rewards(int t, double[] mu, double[] out) {
            GameModel.this.rewards(t, mu, out);
        }

        @Override
        public SparseKernel sparseTransitions(int t, double[] mu) {
            SparseKernel k = GameModel.this.sparseTransitions(t, mu);
            return k != null ? k : FiniteHorizonMeanFieldGame.super.sparseTransitions(t, mu);
        }

        @Override
        public boolean hasMeanFieldDerivatives() {
            return GameModel.this.hasMeanFieldDerivatives();
        }

        @Override
        public void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
            GameModel.this.rewardsVjp(t, mu, w, out);
        }

        @Override
        public void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {
            GameModel.this.transitionsVjp(t, mu, u, v, out);
        }

        @Override
        public double rMax() {
            return GameModel.this.rMax();
        }
    }
}
