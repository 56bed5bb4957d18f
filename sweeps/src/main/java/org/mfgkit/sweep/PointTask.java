package org.mfgkit.sweep;

import java.io.Serializable;

/** What a Spark task does with its point; shipped to the executors, so serialisable. */
@FunctionalInterface
public interface PointTask extends Serializable {
    /** Runs {@code point}; must not throw (a failure is a failed result). */
    PointResult run(SweepPoint point);
}
