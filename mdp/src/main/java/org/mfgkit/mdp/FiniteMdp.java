package org.mfgkit.mdp;

import java.util.random.RandomGenerator;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.param.Checks;

/**
 * A discounted finite MDP {@code (S, A, P, r, gamma)} with dense transitions. Layout: {@code
 * p[(s*nA + a)*nS + s2] = P(s2|s,a)}, {@code r[s*nA + a]}. Immutable; the arrays are copied in and
 * the accessors for hot loops ({@link #transitionArray()}, {@link #rewardArray()}) return the
 * internal arrays, which callers must not modify.
 */
public final class FiniteMdp {
    private final int nS;
    private final int nA;

    /** Discount factor, {@code 0 <= gamma < 1}. */
    private final double gamma;

    /** {@code p[(s*nA + a)*nS + s2]}. */
    private final double[] p;

    /** {@code r[s*nA + a]}. */
    private final double[] r;

    /**
     * Validates shapes, {@code gamma ∈ [0,1)}, stochastic rows and finite rewards; copies the
     * arrays.
     */
    public FiniteMdp(int nS, int nA, double gamma, double[] p, double[] r) {
        this(nS, nA, gamma, p, r, true);
    }

    private FiniteMdp(int nS, int nA, double gamma, double[] p, double[] r, boolean copy) {
        if (nS <= 0 || nA <= 0) {
            throw new IllegalArgumentException(
                    "MDP needs nS > 0 and nA > 0, got nS=" + nS + ", nA=" + nA);
        }
        requireGamma(gamma);
        if (p == null || p.length != nS * nA * nS) {
            throw new IllegalArgumentException(
                    "transitions have length "
                            + (p == null ? "null" : p.length)
                            + ", expected nS*nA*nS = "
                            + nS * nA * nS);
        }
        if (r == null || r.length != nS * nA) {
            throw new IllegalArgumentException(
                    "rewards have length "
                            + (r == null ? "null" : r.length)
                            + ", expected nS*nA = "
                            + nS * nA);
        }
        for (int i = 0; i < r.length; i++) {
            if (!Double.isFinite(r[i])) {
                throw new IllegalArgumentException(
                        "reward r(" + i / nA + "," + i % nA + ") is not finite (" + r[i] + ")");
            }
        }
        Simplex.requireStochasticRows("transition P(.|s,a)", p, nS);
        this.nS = nS;
        this.nA = nA;
        this.gamma = gamma;
        this.p = copy ? p.clone() : p;
        this.r = copy ? r.clone() : r;
    }

    /** Takes ownership of freshly built arrays (still validated; no copy). For model builders. */
    public static FiniteMdp owning(int nS, int nA, double gamma, double[] p, double[] r) {
        return new FiniteMdp(nS, nA, gamma, p, r, false);
    }

    /** Throws unless {@code 0 <= gamma < 1} ({@link Checks#discount()}). */
    public static double requireGamma(double gamma) {
        return Checks.requireReal("gamma", gamma, Checks.discount());
    }

    /**
     * A random MDP: each row {@code P(.|s,a)} drawn from a flat Dirichlet (normalised
     * exponentials), rewards uniform on {@code [0,1)}.
     */
    public static FiniteMdp random(int nS, int nA, double gamma, RandomGenerator rng) {
        double[] p = new double[nS * nA * nS];
        double[] r = new double[nS * nA];
        for (int row = 0; row < nS * nA; row++) {
            double sum = 0.0;
            for (int s2 = 0; s2 < nS; s2++) {
                double e = -Math.log(1.0 - rng.nextDouble());
                p[row * nS + s2] = e;
                sum += e;
            }
            for (int s2 = 0; s2 < nS; s2++) {
                p[row * nS + s2] /= sum;
            }
            r[row] = rng.nextDouble();
        }
        return new FiniteMdp(nS, nA, gamma, p, r, false);
    }

    /** Number of states. */
    public int nS() {
        return nS;
    }

    /** Number of actions. */
    public int nA() {
        return nA;
    }

    /** Discount factor. */
    public double gamma() {
        return gamma;
    }

    /** {@code P(s2|s,a)}. */
    public double p(int s, int a, int s2) {
        return p[(s * nA + a) * nS + s2];
    }

    /** {@code r(s,a)}. */
    public double r(int s, int a) {
        return r[s * nA + a];
    }

    /** The internal transition array {@code [(s*nA + a)*nS + s2]}; read only. */
    public double[] transitionArray() {
        return p;
    }

    /** The internal reward array {@code [s*nA + a]}; read only. */
    public double[] rewardArray() {
        return r;
    }

    /** The same model with another discount factor. */
    public FiniteMdp withGamma(double newGamma) {
        return new FiniteMdp(nS, nA, newGamma, p, r, false);
    }

    /** The same transitions with other rewards {@code [s*nA + a]} (copied). */
    public FiniteMdp withRewards(double[] newRewards) {
        return new FiniteMdp(nS, nA, gamma, p, newRewards.clone(), false);
    }
}
