package org.mfgkit.envs;

import static org.mfgkit.envs.SisEpidemic.COST_DISTANCING;
import static org.mfgkit.envs.SisEpidemic.COST_INFECTED;
import static org.mfgkit.envs.SisEpidemic.D;
import static org.mfgkit.envs.SisEpidemic.I;
import static org.mfgkit.envs.SisEpidemic.RECOVERY;
import static org.mfgkit.envs.SisEpidemic.S;
import static org.mfgkit.envs.SisEpidemic.U;

/**
 * The SIS dynamics and rewards shared by {@link SisEpidemic} and {@link SisEpidemicFiniteHorizon}
 * (004 Appendix D, SPEC §2.1): {@code P(I|S,U,mu) = c mu(I)}, {@code P(I|S,D,mu) = 0}, {@code
 * P(S|I,a,mu) = 0.3}; {@code r(s,a) = -1{s = I} - 0.5 * 1{a = D}}, the same at every step.
 */
final class SisKernel {
    /** Number of states ({@code S}, {@code I}) and of actions ({@code U}, {@code D}). */
    static final int N = 2;

    private SisKernel() {}

    /** {@code out[(s*2 + a)*2 + s2] = P(s2|s,a,mu)} for infection constant {@code c}. */
    static void transitions(double c, double[] mu, double[] out) {
        double infect = c * mu[I];
        // (S, U)
        out[(S * 2 + U) * 2 + S] = 1.0 - infect;
        out[(S * 2 + U) * 2 + I] = infect;
        // (S, D)
        out[(S * 2 + D) * 2 + S] = 1.0;
        out[(S * 2 + D) * 2 + I] = 0.0;
        // (I, a)
        for (int a = 0; a < 2; a++) {
            out[(I * 2 + a) * 2 + S] = RECOVERY;
            out[(I * 2 + a) * 2 + I] = 1.0 - RECOVERY;
        }
    }

    /** {@code out[s*2 + a] = -1{s = I} - 0.5 * 1{a = D}}. */
    static void rewards(double[] out) {
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

    /** Throws unless the infection constant {@code c} is in {@code [0,1]}. */
    static double requireC(double c) {
        if (!(c >= 0.0 && c <= 1.0)) {
            throw new IllegalArgumentException(
                    "c must be in [0,1] (c * mu(I) is a probability), got " + c);
        }
        return c;
    }
}
