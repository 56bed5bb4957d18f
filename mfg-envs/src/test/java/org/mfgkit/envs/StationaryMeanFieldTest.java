package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.MeanFieldGame;

class StationaryMeanFieldTest {
    /**
     * A periodic game: action 0 swaps the state, action 1 stays. Under "always swap" the iterates
     * alternate between (1,0) and (0,1) from mu0 = (1,0) and never settle.
     */
    static final class Swap implements MeanFieldGame {
        public int nS() {
            return 2;
        }

        public int nA() {
            return 2;
        }

        public double gamma() {
            return 0.5;
        }

        public double lambda() {
            return 0.0;
        }

        public double[] mu0() {
            return new double[] {1.0, 0.0};
        }

        public void transitions(double[] mu, double[] out) {
            for (int s = 0; s < 2; s++) {
                out[(s * 2) * 2 + (1 - s)] = 1.0;
                out[(s * 2) * 2 + s] = 0.0;
                out[(s * 2 + 1) * 2 + s] = 1.0;
                out[(s * 2 + 1) * 2 + (1 - s)] = 0.0;
            }
        }

        public void rewards(double[] mu, double[] out) {
            // being where the crowd is costs: r(s, a) = -mu(s)
            for (int s = 0; s < 2; s++) {
                out[s * 2] = -mu[s];
                out[s * 2 + 1] = -mu[s];
            }
        }
    }

    @Test
    void periodicChainFallsBackToCesaroAndSaysSo() {
        Swap game = new Swap();
        TabularPolicy swap = TabularPolicy.deterministic(2, new int[] {0, 0});
        MeanFieldResult mf = StationaryMeanField.of(game, swap, game.mu0(), 1000);
        assertTrue(mf.cesaroFallback());
        assertEquals(1500, mf.iterations());
        // the average of 500 alternating iterates is exactly (1/2, 1/2), which is a fixed point
        // here
        assertEquals(0.5, mf.mu()[0], 1e-15);
        assertEquals(0.0, mf.residual(), 1e-15);
        ExploitabilityResult e = Exploitability.of(game, swap, mf);
        assertTrue(e.cesaroFallback());
        // the default path flags it too
        assertTrue(Exploitability.of(game, swap).cesaroFallback());
    }

    @Test
    void aperiodicChainSettlesWithoutFallback() {
        Swap game = new Swap();
        TabularPolicy mixed = TabularPolicy.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}});
        MeanFieldResult mf = StationaryMeanField.of(game, mixed);
        assertFalse(mf.cesaroFallback());
        // balance: mu(0) * 0.5 = mu(1) * 0.25 -> mu = (1/3, 2/3)
        assertEquals(1.0 / 3, mf.mu()[0], 1e-13);
        assertTrue(mf.iterations() < 100);
    }

    @Test
    void badArgumentsAreNamed() {
        Swap game = new Swap();
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StationaryMeanField.of(game, TabularPolicy.uniform(3, 2)));
        assertTrue(e.getMessage().startsWith("policy shape 3x2"));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                StationaryMeanField.of(
                                        game,
                                        TabularPolicy.uniform(2, 2),
                                        new double[] {0.5, 0.6},
                                        10));
        assertTrue(e.getMessage().startsWith("initial mean field sums to"));
    }
}
