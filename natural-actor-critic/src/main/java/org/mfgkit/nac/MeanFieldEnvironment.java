package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.Policy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.param.Checks;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PopulationOperator;

/**
 * The {@link LearnerEnvironment} of a stationary {@link MeanFieldGame}: it holds the mean field
 * {@code mu_t} (starting at {@code mu0}), serves transitions and rewards of the MDP induced by
 * {@code mu_t}, and moves the population when told which policy it plays (SPEC §3 step 5):
 *
 * <ul>
 *   <li>exact: {@code mu_{t+1} = (1-beta) mu_t + beta Gamma2(pi, mu_t)} with {@link
 *       PopulationOperator};
 *   <li>empirical ({@link #withPopulation}): {@code N} simulated agents; at each step every agent
 *       independently moves with probability {@code beta} (all of them when {@code beta = 1}; the
 *       movers are found by skipping geometric gaps, so a step costs {@code O(beta N)} draws): a
 *       mover draws {@code a ~ pi(.|s)} and {@code s' ~ P(.|s,a,mu_t)}, and {@code mu_{t+1}} is the
 *       agents' empirical distribution. Given {@code mu_t}, {@code E[mu_{t+1}] = (1-beta) mu_t +
 *       beta Gamma2(pi, mu_t)}.
 * </ul>
 *
 * The initial population is {@code N mu0} rounded by largest remainders (so {@code mu_0 = mu0}
 * whenever {@code N mu0} is integral). {@link #inducedMdp()} ({@link InducedModel}) is model access
 * for the exact (ablation) oracles, {@link #meanField()} is for reporting (the NAC loop hands it to
 * its listener at each record); the learner's own steps never read either. Not thread-safe.
 */
public final class MeanFieldEnvironment implements LearnerEnvironment, InducedModel {
    private final MeanFieldGame game;
    private final int nS;
    private final int nA;

    /** Initial distribution {@code rho = mu0}. */
    private final double[] rho;

    /** Current mean field {@code mu_t}. */
    private final double[] mu;

    /** Transitions at {@code mu_t}, {@code p[(s*nA + a)*nS + s2]}. */
    private final double[] p;

    /** Rewards at {@code mu_t}, {@code r[s*nA + a]}. */
    private final double[] r;

    /** Agent states of the empirical population ({@code null}: exact operator). */
    private final int[] agents;

    /** Stream of the empirical population's draws ({@code null}: exact operator). */
    private final RandomGenerator populationRng;

    /** Lazily built model of the current {@code mu_t}. */
    private FiniteMdp model;

    /** Number of population steps taken. */
    private long steps;

    private MeanFieldEnvironment(
            MeanFieldGame game, int populationSize, RandomGenerator populationRng) {
        if (game == null) {
            throw new IllegalArgumentException("game is required");
        }
        MeanFieldGame.requireStateMeanField(game, "the NAC environment");
        this.game = game;
        this.nS = game.nS();
        this.nA = game.nA();
        FiniteMdp.requireGamma(game.gamma());
        this.rho = Simplex.requireDistribution("mu0", game.mu0(), nS).clone();
        this.mu = rho.clone();
        this.p = new double[nS * nA * nS];
        this.r = new double[nS * nA];
        if (populationSize > 0) {
            this.agents = allocate(rho, populationSize);
            this.populationRng = populationRng;
            recount();
        } else {
            this.agents = null;
            this.populationRng = null;
        }
        refresh();
    }

    /** Exact population dynamics. */
    public MeanFieldEnvironment(MeanFieldGame game) {
        this(game, 0, null);
    }

    /** An empirical population of {@code n} agents whose moves draw from {@code rng}. */
    public static MeanFieldEnvironment withPopulation(
            MeanFieldGame game, int n, RandomGenerator rng) {
        if (n <= 0) {
            throw new IllegalArgumentException("population size N must be > 0, got " + n);
        }
        if (rng == null) {
            throw new IllegalArgumentException("the empirical population needs a random generator");
        }
        return new MeanFieldEnvironment(game, n, rng);
    }

    @Override
    public int nS() {
        return nS;
    }

    @Override
    public int nA() {
        return nA;
    }

    @Override
    public double gamma() {
        return game.gamma();
    }

    @Override
    public double lambda() {
        return game.lambda();
    }

    @Override
    public int initialState(RandomGenerator rng) {
        return RandomStreams.sampleCategorical(rho, 0, nS, rng);
    }

    @Override
    public double reward(int s, int a) {
        return r[s * nA + a];
    }

    @Override
    public int nextState(int s, int a, RandomGenerator rng) {
        return RandomStreams.sampleCategorical(p, (s * nA + a) * nS, nS, rng);
    }

    @Override
    public void advance(Policy pi, double beta) {
        Checks.requireReal("mean-field step beta", beta, Checks.unitInterval());
        if (pi.nS() != nS || pi.nA() != nA) {
            throw new IllegalArgumentException(
                    "policy shape "
                            + pi.nS()
                            + "x"
                            + pi.nA()
                            + " does not match the game's "
                            + nS
                            + "x"
                            + nA);
        }
        if (agents == null) {
            double[] next = PopulationOperator.step(p, nS, nA, pi, mu);
            for (int s = 0; s < nS; s++) {
                mu[s] = (1.0 - beta) * mu[s] + beta * next[s];
            }
        } else {
            double[] table = pi.table();
            if (beta >= 1.0) {
                for (int i = 0; i < agents.length; i++) {
                    move(i, table);
                }
            } else if (beta > 0.0) {
                // the movers are i.i.d. Bernoulli(beta): jump over the gaps between them, which are
                // geometric
                double logStay = Math.log1p(-beta);
                long i = -1;
                while (true) {
                    i +=
                            1
                                    + (long)
                                            Math.floor(
                                                    Math.log(1.0 - populationRng.nextDouble())
                                                            / logStay);
                    if (i >= agents.length) {
                        break;
                    }
                    move((int) i, table);
                }
            }
            recount();
        }
        steps++;
        refresh();
    }

    /** Agent {@code i} takes {@code a ~ pi(.|s)} and moves to {@code s' ~ P(.|s,a,mu_t)}. */
    private void move(int i, double[] table) {
        int s = agents[i];
        int a = RandomStreams.sampleCategorical(table, s * nA, nA, populationRng);
        agents[i] = RandomStreams.sampleCategorical(p, (s * nA + a) * nS, nS, populationRng);
    }

    /** The MDP induced by the current mean field (model access for the exact oracles only). */
    @Override
    public FiniteMdp inducedMdp() {
        if (model == null) {
            model = FiniteMdp.owning(nS, nA, game.gamma(), p.clone(), r.clone());
        }
        return model;
    }

    /** The start distribution {@code rho = mu0} (a copy). */
    @Override
    public double[] initialDistribution() {
        return rho.clone();
    }

    /** The current mean field {@code mu_t} (a copy), for reporting; learners do not read it. */
    public double[] meanField() {
        return mu.clone();
    }

    /** The population size {@code N}, or 0 for the exact operator. */
    public int populationSize() {
        return agents == null ? 0 : agents.length;
    }

    /** Population steps taken so far. */
    public long populationSteps() {
        return steps;
    }

    /** The game. */
    public MeanFieldGame game() {
        return game;
    }

    private void refresh() {
        game.transitions(mu, p);
        game.rewards(mu, r);
        model = null;
    }

    private void recount() {
        java.util.Arrays.fill(mu, 0.0);
        double w = 1.0 / agents.length;
        for (int s : agents) {
            mu[s] += w;
        }
    }

    /** {@code n mu0} rounded by largest remainders; agents listed state by state. */
    private static int[] allocate(double[] mu0, int n) {
        int nS = mu0.length;
        int[] count = new int[nS];
        double[] remainder = new double[nS];
        int assigned = 0;
        for (int s = 0; s < nS; s++) {
            double exact = n * mu0[s];
            count[s] = (int) Math.floor(exact);
            remainder[s] = exact - count[s];
            assigned += count[s];
        }
        while (assigned < n) {
            int best = 0;
            for (int s = 1; s < nS; s++) {
                if (remainder[s] > remainder[best]) {
                    best = s;
                }
            }
            count[best]++;
            remainder[best] = -1.0;
            assigned++;
        }
        int[] agents = new int[n];
        int i = 0;
        for (int s = 0; s < nS; s++) {
            for (int c = 0; c < count[s]; c++) {
                agents[i++] = s;
            }
        }
        return agents;
    }
}
