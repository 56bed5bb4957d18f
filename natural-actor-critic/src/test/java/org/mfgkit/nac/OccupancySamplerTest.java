package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.Occupancy;

class OccupancySamplerTest {
    /**
     * The restart chain's pairs {@code (s,a)} have law {@code d_pi x pi}. Bound: two copies of the
     * chain that share the restart coins coincide after the first common restart, so {@code
     * |P^k(x,.) - nu|_TV <= gamma^k} and the variance of an empirical frequency over {@code n}
     * samples is at most {@code nu (1 + 2 gamma/(1-gamma)) / n}; we allow 5 such standard
     * deviations.
     */
    @Test
    void pairsFollowTheDiscountedOccupancy() {
        RandomGenerator rng = RandomStreams.create(2);
        FiniteMdp mdp = FiniteMdp.random(4, 2, 0.8, rng);
        double[] rho = {0.1, 0.2, 0.3, 0.4};
        TabularPolicy pi =
                TabularPolicy.ofTable(4, 2, new double[] {0.3, 0.7, 0.5, 0.5, 0.9, 0.1, 0.2, 0.8});
        double[] nu = Occupancy.stateAction(mdp, pi, rho);
        OccupancySampler sampler =
                new OccupancySampler(new MeanFieldEnvironment(Games.fromMdp(mdp, rho, 0.1)));
        sampler.begin(pi, rng);
        int n = 1_000_000;
        double[] count = new double[8];
        for (int k = 0; k < n; k++) {
            sampler.next(rng);
            count[sampler.s() * 2 + sampler.a()]++;
            assertEquals(mdp.r(sampler.s(), sampler.a()), sampler.reward());
        }
        double inflation = 1 + 2 * 0.8 / 0.2;
        for (int sa = 0; sa < 8; sa++) {
            double sd = Math.sqrt(nu[sa] * inflation / n);
            assertTrue(
                    Math.abs(count[sa] / n - nu[sa]) <= 5 * sd,
                    "pair " + sa + ": " + count[sa] / n + " vs " + nu[sa]);
        }
        assertEquals(n, sampler.draws());
    }

    @Test
    void needsAPolicyFirst() {
        FiniteMdp mdp = FiniteMdp.random(2, 2, 0.5, RandomStreams.create(1));
        OccupancySampler sampler =
                new OccupancySampler(
                        new MeanFieldEnvironment(Games.fromMdp(mdp, new double[] {1, 0}, 0)));
        assertThrows(IllegalStateException.class, () -> sampler.next(RandomStreams.create(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> sampler.begin(new double[3], new double[3], RandomStreams.create(1)));
    }
}
