package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * The left-right crowd-aversion game (Cui &amp; Koeppl 2021, "Approximately solving mean field
 * games via entropy-regularized deep reinforcement learning", AISTATS; MFGLib's {@code
 * Environment.left_right()}). States {@code 0} (centre), {@code 1} (left), {@code 2} (right);
 * actions {@code 0} (go left), {@code 1} (go right); every agent moves deterministically to {@code
 * 1 + a}. Reward at step {@code t}: {@code -mu_t(1)} in the left state, {@code -2 mu_t(2)} in the
 * right one, 0 in the centre. With {@code T = 1} and everyone starting in the centre, the
 * equilibrium goes left with probability {@code 2/3} (then {@code mu_1(1) = 2 mu_1(2)}); the
 * uniform policy's exploitability is {@code 1/4}.
 */
public final class LeftRight extends GameModel {
    /** MFGLib's defaults: {@code T = 1}, undiscounted, unregularised, everyone in the centre. */
    public static final ParamSchema PARAMS =
            schema("left-right", List.of(), "T=1", "gamma=1", "mu0=1,0,0");

    /** The game with the given parameters (of {@link #PARAMS} or a preset of it). */
    public LeftRight(ParamValues params) {
        super(params, 3, 2);
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        Arrays.fill(out, 0, 18, 0.0);
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 2; a++) {
                out[(s * 2 + a) * 3 + 1 + a] = 1.0;
            }
        }
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        for (int a = 0; a < 2; a++) {
            out[a] = 0.0;
            out[2 + a] = -mu[1];
            out[4 + a] = -2.0 * mu[2];
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /** {@code r(1,.) = -mu(1)}, {@code r(2,.) = -2 mu(2)}. */
    @Override
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        for (int a = 0; a < 2; a++) {
            out[1] -= w[2 + a];
            out[2] -= 2.0 * w[4 + a];
        }
    }

    /** The moves are deterministic and ignore {@code mu}. */
    @Override
    protected void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {}

    /** MFGLib's {@code r_max = 2}. */
    @Override
    public double rMax() {
        return 2.0;
    }
}
