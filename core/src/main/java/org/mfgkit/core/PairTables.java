package org.mfgkit.core;

import java.util.Arrays;

/**
 * Tabulation of a per-pair vector {@code v(s,a) ∈ R^dim} over finite states and actions into the
 * flat layout {@code [(s*nA + a)*dim + k]} shared by {@link FeatureMap} and {@link InputMap}.
 */
final class PairTables {
    /** Inspects (and may reject) {@code v(s,a)} right after it is filled. */
    @FunctionalInterface
    interface RowCheck {
        void check(int s, int a, double[] row);
    }

    private PairTables() {}

    /**
     * The table of {@code filler} over every {@code (s,a)}, state-major; {@code check} may be null.
     */
    static double[] tabulate(int nS, int nA, int dim, PairFiller filler, RowCheck check) {
        double[] table = new double[nS * nA * dim];
        double[] row = new double[dim];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                Arrays.fill(row, 0.0);
                filler.fill(s, a, row);
                if (check != null) {
                    check.check(s, a, row);
                }
                System.arraycopy(row, 0, table, (s * nA + a) * dim, dim);
            }
        }
        return table;
    }
}
