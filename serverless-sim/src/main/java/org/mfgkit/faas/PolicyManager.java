package org.mfgkit.faas;

import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * A resource manager that lets every function agent act with one shared {@link AgentPolicy}: each
 * interval agent f draws its action from {@code pi(.|o_f)} (or takes the most probable one when
 * {@code greedy}). The draws come from a stream seeded in {@link #begin}.
 */
public final class PolicyManager implements ResourceManager {
    private final String name;
    private final AgentPolicy policy;
    private final boolean greedy;
    private final double[] p;
    private RandomGenerator rng;

    /**
     * @param name manager name
     * @param policy the shared policy
     * @param greedy take the most probable action instead of sampling
     */
    public PolicyManager(String name, AgentPolicy policy, boolean greedy) {
        this.name = name;
        this.policy = policy;
        this.greedy = greedy;
        this.p = new double[policy.actions()];
    }

    @Override
    public String name() {
        return name;
    }

    /** The policy. */
    public AgentPolicy policy() {
        return policy;
    }

    @Override
    public void begin(FaasEnvironment env, long seed) {
        rng = RandomStreams.derive(seed, 7_000_001L);
    }

    @Override
    public void act(FaasEnvironment env, FaasEnvironment.Step last) {
        double[] obs = last.observations();
        for (int f = 0; f < env.agents(); f++) {
            policy.probabilities(obs, f * FaasEnvironment.OBS_DIM, p);
            env.apply(f, greedy ? argmax(p) : RandomStreams.sampleCategorical(p, rng));
        }
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }
}
