package org.mfgkit.mdp;

import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Simplex;

/**
 * A seeded simulator of a {@link FiniteMdp} for sample-based learners: {@link #reset()} draws
 * {@code s_0 ~ rho}, {@link #step(int)} draws {@code s' ~ P(.|s,a)} and returns the reward {@code
 * r(s,a)}. The same generator state gives the same trajectory. Not thread-safe.
 */
public final class MdpSampler {
    /** One transition's outcome: the next state and the reward {@code r(s,a)} collected. */
    public record Sample(int nextState, double reward) {}

    private final FiniteMdp mdp;
    private final double[] rho;
    private final RandomGenerator rng;
    private int state = -1;

    /** {@code rho} is validated and copied; {@code rng} is used for every draw. */
    public MdpSampler(FiniteMdp mdp, double[] rho, RandomGenerator rng) {
        this.mdp = mdp;
        this.rho = Simplex.requireDistribution("rho", rho, mdp.nS()).clone();
        this.rng = rng;
    }

    /** Starts an episode: draws and returns {@code s_0 ~ rho}. */
    public int reset() {
        state = RandomStreams.sampleCategorical(rho, rng);
        return state;
    }

    /** Sets the current state (for learners that restart from a chosen state). */
    public void setState(int s) {
        if (s < 0 || s >= mdp.nS()) {
            throw new IllegalArgumentException("state " + s + " is outside 0.." + (mdp.nS() - 1));
        }
        state = s;
    }

    /** The current state. */
    public int state() {
        return state;
    }

    /** Takes action {@code a} in the current state. */
    public Sample step(int a) {
        if (state < 0) {
            throw new IllegalStateException("call reset() before step()");
        }
        if (a < 0 || a >= mdp.nA()) {
            throw new IllegalArgumentException("action " + a + " is outside 0.." + (mdp.nA() - 1));
        }
        int nS = mdp.nS();
        double reward = mdp.r(state, a);
        int next =
                RandomStreams.sampleCategorical(
                        mdp.transitionArray(), (state * mdp.nA() + a) * nS, nS, rng);
        state = next;
        return new Sample(next, reward);
    }

    /** The model being sampled. */
    public FiniteMdp mdp() {
        return mdp;
    }
}
