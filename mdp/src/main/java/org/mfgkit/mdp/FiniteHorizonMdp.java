package org.mfgkit.mdp;

import org.mfgkit.core.Simplex;
import org.mfgkit.core.param.Checks;

/**
 * A finite-horizon MDP with decision steps {@code t = 0..T} inclusive (SPEC §1: {@code T+1}
 * rewards, the last at {@code t = T}, no transition after it), time-dependent transitions {@code
 * p[t][(s*nA + a)*nS + s2]} for {@code t < T} and rewards {@code r[t][s*nA + a]} for {@code t <=
 * T}, discount {@code gamma ∈ [0,1]} ({@code 1} = undiscounted, the default of the open-source MFG
 * libraries). Immutable; arrays are copied in.
 */
public final class FiniteHorizonMdp {
    private final int nS;
    private final int nA;

    /** Last decision step {@code T}. */
    private final int horizon;

    /** Discount factor in {@code [0,1]}. */
    private final double gamma;

    /** {@code p[t][(s*nA + a)*nS + s2]}, {@code t = 0..T-1}. */
    private final double[][] p;

    /** {@code r[t][s*nA + a]}, {@code t = 0..T}. */
    private final double[][] r;

    /**
     * Validates and copies; {@code p.length} must be {@code T} and {@code r.length} {@code T+1}.
     */
    public FiniteHorizonMdp(int nS, int nA, double gamma, double[][] p, double[][] r) {
        if (nS <= 0 || nA <= 0) {
            throw new IllegalArgumentException(
                    "MDP needs nS > 0 and nA > 0, got nS=" + nS + ", nA=" + nA);
        }
        Checks.requireReal("finite-horizon gamma", gamma, Checks.unitInterval());
        if (r == null || r.length == 0) {
            throw new IllegalArgumentException(
                    "finite-horizon MDP needs rewards for t = 0..T (at least one step)");
        }
        int horizon = r.length - 1;
        if (p == null || p.length != horizon) {
            throw new IllegalArgumentException(
                    "finite-horizon MDP with T = "
                            + horizon
                            + " needs "
                            + horizon
                            + " transition tables, got "
                            + (p == null ? "null" : p.length));
        }
        this.p = new double[horizon][];
        this.r = new double[horizon + 1][];
        for (int t = 0; t <= horizon; t++) {
            if (r[t] == null || r[t].length != nS * nA) {
                throw new IllegalArgumentException(
                        "rewards at t = " + t + " must have length nS*nA = " + nS * nA);
            }
            for (int i = 0; i < r[t].length; i++) {
                if (!Double.isFinite(r[t][i])) {
                    throw new IllegalArgumentException(
                            "reward at t = "
                                    + t
                                    + ", (s,a) = ("
                                    + i / nA
                                    + ","
                                    + i % nA
                                    + ") is not finite");
                }
            }
            this.r[t] = r[t].clone();
            if (t < horizon) {
                if (p[t] == null || p[t].length != nS * nA * nS) {
                    throw new IllegalArgumentException(
                            "transitions at t = "
                                    + t
                                    + " must have length nS*nA*nS = "
                                    + nS * nA * nS);
                }
                Simplex.requireStochasticRows("transition P_" + t + "(.|s,a)", p[t], nS);
                this.p[t] = p[t].clone();
            }
        }
        this.nS = nS;
        this.nA = nA;
        this.horizon = horizon;
        this.gamma = gamma;
    }

    /** Number of states. */
    public int nS() {
        return nS;
    }

    /** Number of actions. */
    public int nA() {
        return nA;
    }

    /** Last decision step {@code T} ({@code T+1} decision steps). */
    public int horizon() {
        return horizon;
    }

    /** Discount factor. */
    public double gamma() {
        return gamma;
    }

    /** Internal transitions at step {@code t < T}, {@code [(s*nA + a)*nS + s2]}; read only. */
    public double[] transitionArray(int t) {
        return p[t];
    }

    /** Internal rewards at step {@code t <= T}, {@code [s*nA + a]}; read only. */
    public double[] rewardArray(int t) {
        return r[t];
    }
}
