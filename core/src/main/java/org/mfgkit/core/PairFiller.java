package org.mfgkit.core;

/**
 * Fills the row of a state-action pair: {@code out[0..dim-1]} with a vector for {@code (s, a)}. How
 * {@link FeatureMap#of} and {@link InputMap#of} are given their maps.
 */
@FunctionalInterface
public interface PairFiller {
    /** Writes the row of {@code (s, a)} into {@code out}. */
    void fill(int s, int a, double[] out);
}
