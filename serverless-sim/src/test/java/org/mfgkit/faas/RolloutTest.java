package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTest {
    /** A fixed policy: uniform except that it prefers no-op when SLO preservation is high. */
    static final AgentPolicy POLICY =
            new AgentPolicy() {
                @Override
                public void probabilities(double[] obs, int off, double[] out) {
                    double slo = obs[off + 1];
                    double sum = 0;
                    for (int a = 0; a < out.length; a++) {
                        out[a] = a == 0 ? 1 + 3 * slo : 1;
                        sum += out[a];
                    }
                    for (int a = 0; a < out.length; a++) {
                        out[a] /= sum;
                    }
                }

                @Override
                public int actions() {
                    return FaasEnvironment.N_ACTIONS;
                }
            };

    private static FaasEnvironment env() {
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        ClusterSpec cluster = new ClusterSpec(4, 8, 16384);
        double[] rates = new double[fns.size()];
        double[] targets = new double[fns.size()];
        for (int f = 0; f < rates.length; f++) {
            rates[f] =
                    0.3
                            * cluster.totalCores()
                            / rates.length
                            / (fns.get(f).meanWorkCoreMs() / 1000.0);
            targets[f] = 1.15 * fns.get(f).service().quantile(0.99);
        }
        return FaasEnvironment.of(
                cluster, fns, FaasParams.defaults(), PoissonArrivals.constant(rates), targets, 6);
    }

    @Test
    void transitionsChainAndAreReproducible() {
        FaasEnvironment e = env();
        Rollout r = Rollout.collect(e, POLICY, 5);
        assertEquals(12 * 6, r.n);
        int d = FaasEnvironment.OBS_DIM;
        for (int t = 0; t + 1 < r.steps; t++) {
            for (int f = 0; f < r.agents; f++) {
                int i = t * r.agents + f;
                int j = i + r.agents;
                assertEquals(r.action[j], r.nextAction[i], "next action is the one taken");
                for (int k = 0; k < d; k++) {
                    assertEquals(r.obs[j * d + k], r.nextObs[i * d + k]);
                }
                assertTrue(!r.last[i]);
            }
        }
        assertTrue(r.last[r.n - 1]);
        // the same episode replayed through the environment gives the same rewards
        FaasEnvironment.Step s = e.reset(5);
        int[] acts = new int[12];
        for (int t = 0; t < r.steps; t++) {
            for (int f = 0; f < 12; f++) {
                acts[f] = r.action[t * 12 + f];
            }
            s = e.step(acts);
            for (int f = 0; f < 12; f++) {
                assertEquals(r.reward[t * 12 + f], s.rewards()[f]);
            }
        }
        Rollout again = Rollout.collect(e, POLICY, 5);
        assertArrayEquals(r.action, again.action);
        assertArrayEquals(r.reward, again.reward);
    }

    @Test
    void adamClimbsAQuadratic() {
        // maximise -(x - 3)^2 - (y + 1)^2 from 0
        Adam adam = new Adam(2, 0.05);
        double[] x = new double[2];
        for (int it = 0; it < 3000; it++) {
            double[] g = {-2 * (x[0] - 3), -2 * (x[1] + 1)};
            double[] d = adam.step(g);
            x[0] += d[0];
            x[1] += d[1];
        }
        assertEquals(3.0, x[0], 1e-3);
        assertEquals(-1.0, x[1], 1e-3);
    }
}
