package org.mfgkit.faas;

import java.util.List;
import java.util.random.RandomGenerator;
import org.mfgkit.core.RandomStreams;

/**
 * The service times of the simulator's requests: one seeded stream per function ({@code F + f} of
 * the episode seed), with a fast path for lognormal service times ({@code median exp(sigma Z)}).
 */
final class ServiceSampler {
    private final ServiceTime[] service;
    private final double[] lnMedian;
    private final double[] lnSigma;
    private final RandomGenerator[] rng;

    ServiceSampler(List<FunctionProfile> profiles) {
        int nF = profiles.size();
        service = new ServiceTime[nF];
        lnMedian = new double[nF];
        lnSigma = new double[nF];
        rng = new RandomGenerator[nF];
        for (int f = 0; f < nF; f++) {
            service[f] = profiles.get(f).service();
            if (service[f] instanceof ServiceTime.LogNormal ln) {
                lnMedian[f] = ln.medianMs();
                lnSigma[f] = ln.sigma();
            }
        }
    }

    /** Reseeds: function f's stream is stream {@code F + f} of {@code seed}. */
    void reset(long seed) {
        for (int f = 0; f < rng.length; f++) {
            rng[f] = RandomStreams.derive(seed, rng.length + f);
        }
    }

    /** A service time of f (ms). */
    double sample(int f) {
        return lnMedian[f] > 0.0
                ? lnMedian[f] * Math.exp(lnSigma[f] * rng[f].nextGaussian())
                : service[f].sample(rng[f]);
    }
}
