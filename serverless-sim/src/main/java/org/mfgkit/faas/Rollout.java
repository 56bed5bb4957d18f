package org.mfgkit.faas;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * The transitions of all agents over one episode with a shared policy (on-policy samples for the
 * learners). Transition {@code i} is agent {@code agent[i]} at interval {@code t[i]}: observation
 * {@code obs[i*OBS_DIM ..]}, action {@code action[i]} drawn from {@code pi(.|o)} with probability
 * {@code prob[i*N_ACTIONS + action]}, reward {@code reward[i]}, next observation {@code
 * nextObs[i*OBS_DIM ..]} and next action {@code nextAction[i]} (the one the agent actually took
 * next; for the last interval drawn from {@code pi(.|o')} without acting), {@code last[i]} marks
 * the final interval of the episode. Indexing: {@code i = t * agents + f}.
 */
final class Rollout {
    final int agents;
    final int steps;
    final int n;
    final double[] obs;
    final double[] nextObs;
    final int[] action;
    final int[] nextAction;

    /** Actions per agent. */
    final int nA;

    /** {@code prob[i*N_ACTIONS + a] = pi(a|o_i)} of the behaviour policy. */
    final double[] prob;

    /** {@code nextProb[i*N_ACTIONS + a] = pi(a|o'_i)}. */
    final double[] nextProb;

    final double[] reward;
    final boolean[] last;

    /** Mean agent reward over the episode. */
    final double meanReward;

    private Rollout(
            int agents,
            int steps,
            double[] obs,
            double[] nextObs,
            int[] action,
            int[] nextAction,
            double[] prob,
            double[] nextProb,
            double[] reward,
            boolean[] last) {
        this.agents = agents;
        this.steps = steps;
        this.n = agents * steps;
        this.nA = prob.length / Math.max(1, agents * steps);
        this.obs = obs;
        this.nextObs = nextObs;
        this.action = action;
        this.nextAction = nextAction;
        this.prob = prob;
        this.nextProb = nextProb;
        this.reward = reward;
        this.last = last;
        double s = 0.0;
        for (double r : reward) {
            s += r;
        }
        this.meanReward = n > 0 ? s / n : 0.0;
    }

    /** Mean of the rollouts' mean rewards (summed in order, each divided by the batch size). */
    static double meanReward(Rollout[] batch) {
        double mean = 0.0;
        for (Rollout r : batch) {
            mean += r.meanReward / batch.length;
        }
        return mean;
    }

    /**
     * Runs one episode of {@code env} (reset with {@code seed}) with every agent drawing from
     * {@code policy}.
     */
    static Rollout collect(FaasEnvironment env, AgentPolicy policy, long seed) {
        final int d = FaasEnvironment.OBS_DIM;
        final int nA = policy.actions();
        int agents = env.agents();
        int steps = env.episodeIntervals();
        int n = agents * steps;
        double[] obs = new double[n * d];
        double[] nextObs = new double[n * d];
        int[] action = new int[n];
        int[] nextAction = new int[n];
        double[] prob = new double[n * nA];
        double[] nextProb = new double[n * nA];
        double[] reward = new double[n];
        boolean[] last = new boolean[n];
        RandomGenerator rng = RandomStreams.derive(seed, 7_000_002L);
        double[] p = new double[nA];
        FaasEnvironment.Step s = env.reset(seed);
        int[] acts = new int[agents];
        for (int t = 0; t < steps; t++) {
            double[] o = s.observations();
            for (int f = 0; f < agents; f++) {
                int i = t * agents + f;
                policy.probabilities(o, f * d, p);
                int a = RandomStreams.sampleCategorical(p, rng);
                acts[f] = a;
                action[i] = a;
                System.arraycopy(o, f * d, obs, i * d, d);
                System.arraycopy(p, 0, prob, i * nA, nA);
                if (t > 0) {
                    nextAction[i - agents] = a;
                    System.arraycopy(p, 0, nextProb, (i - agents) * nA, nA);
                }
            }
            s = env.step(acts);
            double[] o2 = s.observations();
            for (int f = 0; f < agents; f++) {
                int i = t * agents + f;
                reward[i] = s.rewards()[f];
                System.arraycopy(o2, f * d, nextObs, i * d, d);
            }
        }
        // next actions of the final interval: drawn, not taken
        for (int f = 0; f < agents; f++) {
            int i = (steps - 1) * agents + f;
            last[i] = true;
            policy.probabilities(nextObs, i * d, p);
            nextAction[i] = RandomStreams.sampleCategorical(p, rng);
            System.arraycopy(p, 0, nextProb, i * nA, nA);
        }
        return new Rollout(
                agents, steps, obs, nextObs, action, nextAction, prob, nextProb, reward, last);
    }

    /** {@code log pi(action_i | o_i)} of the behaviour policy. */
    double logProb(int i) {
        return Math.log(prob[i * nA + action[i]]);
    }

    /** {@code log pi(nextAction_i | o'_i)}. */
    double nextLogProb(int i) {
        return Math.log(nextProb[i * nA + nextAction[i]]);
    }

    /** Action counts over the episode (diagnostics). */
    int[] actionCounts() {
        int[] c = new int[nA];
        for (int a : action) {
            c[a]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return "Rollout["
                + agents
                + " agents x "
                + steps
                + " steps, mean reward "
                + meanReward
                + ", actions "
                + Arrays.toString(actionCounts())
                + "]";
    }
}
