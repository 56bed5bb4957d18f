package org.mfgkit.envs;

import java.util.List;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * The SIS epidemic mean-field game (004 Appendix D, SPEC §2.1; the model of Cui &amp; Koeppl 2021,
 * MFGLib's {@code susceptible_infected}). States {@code S = 0} (susceptible), {@code I = 1}
 * (infected); actions {@code U = 0} (go out), {@code D = 1} (social distancing). {@code P(I|S,U,mu)
 * = c mu(I)}, {@code P(I|S,D,mu) = 0}, {@code P(S|I,a,mu) = 0.3}; {@code r(s,a,mu) = -1{s = I} -
 * 0.5 * 1{a = D}}, the same at every step. The seed text's "0.92" is {@code 0.9^2 = 0.81}. Defaults
 * are 004's ({@code sis}: stationary, {@code gamma = 0.9}, {@code lambda = 0.1}); {@code sis-fh} is
 * MFGLib's ({@code T = 50}, undiscounted, unregularised).
 */
public final class SisEpidemic extends GameModel {
    /** Susceptible state. */
    public static final int S = 0;

    /** Infected state. */
    public static final int I = 1;

    /** Action "go out". */
    public static final int U = 0;

    /** Action "social distancing". */
    public static final int D = 1;

    /** Recovery probability {@code P(S|I,a)}. */
    public static final double RECOVERY = 0.3;

    /** Cost of being infected. */
    public static final double COST_INFECTED = 1.0;

    /** Cost of social distancing. */
    public static final double COST_DISTANCING = 0.5;

    /** Infection constant: {@code P(I|S,U,mu) = c mu(I)}. */
    public static final Param<Double> C =
            Param.real("c", 0.81, "infection constant, P(I|S,U,mu) = c mu(I)")
                    .check(Checks.unitInterval());

    /** {@code sis}: 004's values, {@code T = inf, gamma = 0.9, lambda = 0.1, mu0 = (0.4, 0.6)}. */
    public static final ParamSchema PARAMS =
            schema("sis", List.of(C), "gamma=0.9", "lambda=0.1", "mu0=0.4,0.6");

    /** {@code c}. */
    private final double c;

    /** The game with the given parameters (of {@link #PARAMS} or a preset of it). */
    public SisEpidemic(ParamValues params) {
        super(params, 2, 2);
        this.c = params.get(C);
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        double infect = c * mu[I];
        out[(S * 2 + U) * 2 + S] = 1.0 - infect;
        out[(S * 2 + U) * 2 + I] = infect;
        out[(S * 2 + D) * 2 + S] = 1.0;
        out[(S * 2 + D) * 2 + I] = 0.0;
        for (int a = 0; a < 2; a++) {
            out[(I * 2 + a) * 2 + S] = RECOVERY;
            out[(I * 2 + a) * 2 + I] = 1.0 - RECOVERY;
        }
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        for (int s = 0; s < 2; s++) {
            for (int a = 0; a < 2; a++) {
                double r = 0.0;
                if (s == I) {
                    r -= COST_INFECTED;
                }
                if (a == D) {
                    r -= COST_DISTANCING;
                }
                out[s * 2 + a] = r;
            }
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /** The rewards do not depend on {@code mu}: nothing to add. */
    @Override
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {}

    /**
     * Only {@code P(.|S,U,mu) = (1 - c mu(I), c mu(I))} moves: {@code d/dmu(I)} is {@code c (v_I -
     * v_S)}.
     */
    @Override
    protected void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {
        out[I] += c * u[S * 2 + U] * (v[I] - v[S]);
    }

    /** MFGLib's {@code r_max = 1.5} (the largest cost, infected and distancing). */
    @Override
    public double rMax() {
        return COST_INFECTED + COST_DISTANCING;
    }
}
