package org.mfgkit.cli.output;

/**
 * Which spread across runs a curve's shaded band shows (and the CSV's {@code lo}/{@code hi} columns
 * hold).
 */
public enum Band {
    /** From the smallest to the largest value of the runs at each x. */
    MIN_MAX,
    /**
     * Mean minus and plus one sample standard deviation (divisor {@code n-1}; zero for a single
     * run).
     */
    STD,
    /** No band: {@code lo = hi = mean}. */
    NONE
}
