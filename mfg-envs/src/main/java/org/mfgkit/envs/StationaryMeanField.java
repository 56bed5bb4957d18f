package org.mfgkit.envs;

import org.mfgkit.core.Numerics;
import org.mfgkit.core.Policy;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;
import org.mfgkit.mdp.PopulationOperator;

/**
 * The mean field induced by a stationary policy (SPEC §2): {@code mu_{n+1} = Gamma2(pi, mu_n)} from
 * {@code mu_0 = mu0} until {@code ||mu_{n+1} - mu_n||_1 <= }{@link Tolerances#MEAN_FIELD}. When the
 * iteration has not settled after {@code cap} steps (a periodic chain, a slowly mixing one), it
 * continues for {@code cap/2} more steps and returns the Cesàro average of those iterates, with
 * {@link MeanFieldResult#cesaroFallback()} set — never silently. Each iterate is renormalised to
 * mass 1 (see {@link #normalised(double[])}).
 */
public final class StationaryMeanField {
    /** Default cap on the number of {@code Gamma2} steps before the Cesàro fallback. */
    public static final int DEFAULT_CAP = 100_000;

    private StationaryMeanField() {}

    /** {@code mu_pi} from the game's {@code mu0} with the default cap. */
    public static MeanFieldResult of(MeanFieldGame game, Policy pi) {
        return of(game, pi, game.mu0(), DEFAULT_CAP);
    }

    /**
     * {@code mu_pi} by iterating {@code Gamma2(pi, .)} from {@code start} (not modified), at most
     * {@code cap} steps.
     */
    public static MeanFieldResult of(MeanFieldGame game, Policy pi, double[] start, int cap) {
        MeanFieldGame.requireStateMeanField(game, "the stationary mean field");
        int nS = game.nS();
        int nA = game.nA();
        if (pi.nS() != nS || pi.nA() != nA) {
            throw new IllegalArgumentException(
                    "policy shape "
                            + pi.nS()
                            + "x"
                            + pi.nA()
                            + " does not match the game's "
                            + nS
                            + "x"
                            + nA);
        }
        if (cap < 2) {
            throw new IllegalArgumentException("mean-field iteration cap must be >= 2, got " + cap);
        }
        Simplex.requireDistribution("initial mean field", start, nS);
        double[] p = new double[nS * nA * nS];
        double[] mu = start.clone();
        if (!game.transitionsDependOnMeanField()) {
            MeanFieldResult linear = linearChain(game, pi, mu, cap, p);
            if (linear != null) {
                return linear;
            }
            mu = start.clone();
        }
        for (int n = 1; n <= cap; n++) {
            game.transitions(mu, p);
            double[] next = normalised(PopulationOperator.step(p, nS, nA, pi, mu));
            double change = Numerics.l1Distance(next, mu);
            mu = next;
            if (change <= Tolerances.MEAN_FIELD) {
                return new MeanFieldResult(mu, n, change, false);
            }
        }
        // Cesàro fallback: average the next cap/2 iterates.
        double[] avg = new double[nS];
        int window = cap / 2;
        for (int n = 0; n < window; n++) {
            for (int s = 0; s < nS; s++) {
                avg[s] += mu[s];
            }
            game.transitions(mu, p);
            mu = normalised(PopulationOperator.step(p, nS, nA, pi, mu));
        }
        for (int s = 0; s < nS; s++) {
            avg[s] /= window;
        }
        game.transitions(avg, p);
        double residual = Numerics.l1Distance(PopulationOperator.step(p, nS, nA, pi, avg), avg);
        return new MeanFieldResult(avg, cap + window, residual, true);
    }

    /**
     * The same iteration when the transitions ignore {@code mu}: {@code Gamma2(pi, .)} is the fixed
     * matrix {@code P_pi}, built once, so a step costs {@code nS^2} instead of {@code nS^2 nA}.
     * Returns {@code null} when the cap is reached (the caller then takes the general path, which
     * ends in the Cesàro fallback).
     */
    private static MeanFieldResult linearChain(
            MeanFieldGame game, Policy pi, double[] mu, int cap, double[] p) {
        int nS = game.nS();
        game.transitions(mu, p);
        double[] pPi =
                PolicyEvaluation.policyTransition(
                        FiniteMdp.owning(nS, game.nA(), 0.0, p, new double[nS * game.nA()]), pi);
        double[] next = new double[nS];
        for (int n = 1; n <= cap; n++) {
            java.util.Arrays.fill(next, 0.0);
            for (int s = 0; s < nS; s++) {
                double m = mu[s];
                if (m == 0.0) {
                    continue;
                }
                int row = s * nS;
                for (int s2 = 0; s2 < nS; s2++) {
                    next[s2] += m * pPi[row + s2];
                }
            }
            normalised(next);
            double change = Numerics.l1Distance(next, mu);
            double[] t = mu;
            mu = next;
            next = t;
            if (change <= Tolerances.MEAN_FIELD) {
                return new MeanFieldResult(mu, n, change, false);
            }
        }
        return null;
    }

    /**
     * Divides by the total mass (in place; returns {@code mu}). One {@code Gamma2} step conserves
     * mass up to round-off (~1e-16 per step, as kernel rows sum to 1 only to the last bit); over
     * the thousands of steps of a slowly mixing chain that drift would reach ~1e-12, so each
     * iterate is renormalised.
     */
    static double[] normalised(double[] mu) {
        double sum = 0.0;
        for (double m : mu) {
            sum += m;
        }
        for (int s = 0; s < mu.length; s++) {
            mu[s] /= sum;
        }
        return mu;
    }
}
