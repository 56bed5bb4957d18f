package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;

class MdpSamplerTest {
    @Test
    void transitionFrequenciesMatchPWithinSixSigma() {
        FiniteMdp mdp = FiniteMdp.random(6, 2, 0.9, RandomStreams.create(31));
        MdpSampler sampler =
                new MdpSampler(mdp, new double[] {1, 0, 0, 0, 0, 0}, RandomStreams.create(32));
        int n = 100_000;
        int s = 2;
        int a = 1;
        int[] counts = new int[6];
        for (int i = 0; i < n; i++) {
            sampler.setState(s);
            MdpSampler.Sample step = sampler.step(a);
            assertEquals(mdp.r(s, a), step.reward());
            counts[step.nextState()]++;
        }
        for (int s2 = 0; s2 < 6; s2++) {
            double p = mdp.p(s, a, s2);
            // binomial: a 6-sigma deviation has probability < 1e-8 per cell
            assertTrue(
                    Math.abs(counts[s2] - n * p) <= 6 * Math.sqrt(n * p * (1 - p)) + 1, "s2=" + s2);
        }
    }

    @Test
    void resetDrawsFromRhoAndSameSeedGivesSameTrajectory() {
        FiniteMdp mdp = FiniteMdp.random(3, 2, 0.9, RandomStreams.create(1));
        double[] rho = {0.2, 0.0, 0.8};
        MdpSampler x = new MdpSampler(mdp, rho, RandomStreams.create(77));
        MdpSampler y = new MdpSampler(mdp, rho, RandomStreams.create(77));
        int n = 50_000;
        int twos = 0;
        for (int i = 0; i < n; i++) {
            int sx = x.reset();
            assertEquals(sx, y.reset());
            assertTrue(sx != 1);
            twos += sx == 2 ? 1 : 0;
            assertEquals(x.step(i % 2).nextState(), y.step(i % 2).nextState());
        }
        assertTrue(Math.abs(twos - 0.8 * n) <= 6 * Math.sqrt(n * 0.16));
    }

    @Test
    void misuseIsReported() {
        FiniteMdp mdp = FiniteMdp.random(3, 2, 0.9, RandomStreams.create(1));
        MdpSampler sampler = new MdpSampler(mdp, new double[] {1, 0, 0}, RandomStreams.create(1));
        assertThrows(IllegalStateException.class, () -> sampler.step(0));
        sampler.reset();
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> sampler.step(2))
                        .getMessage()
                        .contains("action 2"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new MdpSampler(
                                                mdp,
                                                new double[] {0.5, 0.6, 0},
                                                RandomStreams.create(1)))
                        .getMessage()
                        .contains("rho"));
    }
}
