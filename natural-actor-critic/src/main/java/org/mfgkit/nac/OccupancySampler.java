package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.mfgkit.core.Policy;
import org.mfgkit.core.RandomStreams;

/**
 * Draws transitions {@code (s, a, r, s', a')} of a policy in an {@link LearnerEnvironment} with
 * {@code (s, a) ~ d_pi x pi}, the discounted occupancy of 004 Algorithms 2 and 3, by the restart
 * chain of Agarwal et al.: the chain follows the policy and, after each transition, restarts from
 * {@code s_0 ~ rho} with probability {@code 1 - gamma}. Its stationary law is {@code (1-gamma)
 * rho^T (I - gamma P_pi)^{-1} = d_pi} (SPEC §1). A restart does not cut the sample: {@code (s',
 * a')} is the true successor, so TD(0) bootstraps through it as usual.
 *
 * <p>The chain's state persists between calls (one long-lived representative agent); {@link #begin}
 * installs the next policy and redraws the pending action from it. Not thread-safe.
 */
public final class OccupancySampler {
    private final LearnerEnvironment env;
    private final int nA;
    private final double gamma;

    /** Policy table {@code pi[s*nA + a]} of the current batch. */
    private double[] pi;

    /** {@code logPi[s*nA + a]} of the current batch. */
    private double[] logPi;

    /** Chain state (-1 before the first call). */
    private int state = -1;

    private int action;

    /** The last sample. */
    private int s;

    private int a;
    private double r;
    private int s2;
    private int a2;
    private long draws;

    /** A sampler of {@code env}. */
    public OccupancySampler(LearnerEnvironment env) {
        this.env = env;
        this.nA = env.nA();
        this.gamma = env.gamma();
    }

    /**
     * Installs the policy of the next batch ({@code pi} and {@code logPi} are flat {@code [s*nA +
     * a]} tables, read but not copied: keep them unchanged while sampling) and redraws the pending
     * action.
     */
    public void begin(double[] pi, double[] logPi, RandomGenerator rng) {
        int size = env.nS() * nA;
        if (pi.length != size || logPi.length != size) {
            throw new IllegalArgumentException("policy tables must have length nS*nA = " + size);
        }
        this.pi = pi;
        this.logPi = logPi;
        if (state < 0) {
            state = env.initialState(rng);
        }
        action = RandomStreams.sampleCategorical(pi, state * nA, nA, rng);
    }

    /** {@link #begin(double[], double[], RandomGenerator)} with the tables of {@code policy}. */
    public void begin(Policy policy, RandomGenerator rng) {
        double[] table = policy.table();
        double[] logTable = new double[table.length];
        for (int st = 0; st < policy.nS(); st++) {
            for (int ac = 0; ac < nA; ac++) {
                logTable[st * nA + ac] = policy.logProb(st, ac);
            }
        }
        begin(table, logTable, rng);
    }

    /**
     * Draws the next sample; read it with {@link #s()}, {@link #a()}, {@link #reward()}, {@link
     * #nextState()}, {@link #nextAction()}.
     */
    public void next(RandomGenerator rng) {
        if (pi == null) {
            throw new IllegalStateException("call begin() before next()");
        }
        s = state;
        a = action;
        r = env.reward(s, a);
        s2 = env.nextState(s, a, rng);
        a2 = RandomStreams.sampleCategorical(pi, s2 * nA, nA, rng);
        draws++;
        if (rng.nextDouble() < gamma) {
            state = s2;
            action = a2;
        } else {
            state = env.initialState(rng);
            action = RandomStreams.sampleCategorical(pi, state * nA, nA, rng);
        }
    }

    /** State {@code s} of the last sample. */
    public int s() {
        return s;
    }

    /** Action {@code a ~ pi(.|s)} of the last sample. */
    public int a() {
        return a;
    }

    /** Reward {@code r(s, a, mu_t)} of the last sample. */
    public double reward() {
        return r;
    }

    /** {@code log pi(a|s)} of the last sample. */
    public double logPi() {
        return logPi[s * nA + a];
    }

    /** Successor {@code s' ~ P(.|s,a,mu_t)} of the last sample. */
    public int nextState() {
        return s2;
    }

    /** Successor action {@code a' ~ pi(.|s')} of the last sample. */
    public int nextAction() {
        return a2;
    }

    /** Transitions drawn so far. */
    public long draws() {
        return draws;
    }
}
