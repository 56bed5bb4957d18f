package org.mfgkit.faas;

import java.util.random.RandomGenerator;

/**
 * Where invocations come from: one stream of arrival times per function (SPEC §5: Poisson with
 * time-varying rates, or replay of the Azure Functions 2019 trace schema). Implementations are
 * immutable descriptions; {@link #open} makes a fresh stateful stream whose randomness comes only
 * from the generator it is given.
 */
public interface ArrivalProcess {
    /** Number of function streams. */
    int functions();

    /**
     * End of the stream in ms from the start: no arrival at or after it ({@code +inf} if
     * unbounded).
     */
    double horizonMs();

    /** A fresh stream of the arrival times (ms, non-decreasing) of function {@code f}. */
    Stream open(int f, RandomGenerator rng);

    /** Stateful iterator over arrival times. */
    interface Stream {
        /** The next arrival time (ms); {@code +inf} when the stream is exhausted. */
        double next();
    }
}
