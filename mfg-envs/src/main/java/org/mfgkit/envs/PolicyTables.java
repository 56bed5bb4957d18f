package org.mfgkit.envs;

import org.mfgkit.core.TabularPolicy;

/**
 * Conversion between the policy-file format of SPEC §6 ({@code probabilities[s][a]} for a
 * stationary game, {@code probabilities[t][s][a]}, {@code t = 0..T}, for a finite-horizon one) and
 * {@link ExactModel} policies, with validation that names the offending step, state and entry.
 */
public final class PolicyTables {
    private PolicyTables() {}

    /**
     * A stationary model's policy from {@code [nS][nA]}; a finite-horizon model's from {@code
     * [T+1][nS][nA]}, or from {@code [nS][nA]} meaning the same table at every step.
     *
     * @param probabilities the rows {@code probabilities[t][s]} as parsed; {@code [nS][nA]} is
     *     given as a one-element outer array
     */
    public static TabularPolicy[] fromArray(ExactModel model, double[][][] probabilities) {
        int nS = model.nS();
        int nA = model.nA();
        int steps = model.steps();
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("policy: no probabilities given");
        }
        boolean constant = probabilities.length == 1;
        if (!constant && probabilities.length != steps) {
            throw new IllegalArgumentException(
                    steps == 1
                            ? "policy: expected probabilities of shape ["
                                    + nS
                                    + "]["
                                    + nA
                                    + "] for a stationary environment"
                            : "policy: expected "
                                    + steps
                                    + " time steps (T+1) of ["
                                    + nS
                                    + "]["
                                    + nA
                                    + "], got "
                                    + probabilities.length);
        }
        TabularPolicy[] out = new TabularPolicy[steps];
        for (int t = 0; t < probabilities.length; t++) {
            String where = steps == 1 ? "policy" : "policy at time step " + t;
            double[][] rows = probabilities[t];
            if (rows == null || rows.length != nS) {
                throw new IllegalArgumentException(
                        where
                                + ": expected "
                                + nS
                                + " state rows, got "
                                + (rows == null ? 0 : rows.length));
            }
            double[] table = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                if (rows[s] == null || rows[s].length != nA) {
                    throw new IllegalArgumentException(
                            where
                                    + ": state "
                                    + s
                                    + " has "
                                    + (rows[s] == null ? 0 : rows[s].length)
                                    + " action probabilities, expected "
                                    + nA);
                }
                System.arraycopy(rows[s], 0, table, s * nA, nA);
            }
            TabularPolicy pi;
            try {
                pi = TabularPolicy.ofTable(nS, nA, table);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": " + e.getMessage().replaceFirst("^policy row ", "state "));
            }
            if (constant) {
                java.util.Arrays.fill(out, pi);
            } else {
                out[t] = pi;
            }
        }
        return out;
    }

    /** {@code [steps][nS][nA]} of a policy (for JSON output). */
    public static double[][][] toArray(TabularPolicy[] pi) {
        double[][][] out = new double[pi.length][][];
        for (int t = 0; t < pi.length; t++) {
            out[t] = pi[t].toArray();
        }
        return out;
    }
}
