package org.mfgkit.envs;

import java.util.Arrays;
import java.util.List;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * Rock-paper-scissors (MFGLib's {@code Environment.rock_paper_scissors()}; Shapley 1964's
 * non-zero-sum version, Cui &amp; Koeppl 2021). States {@code 0} (start), {@code 1} rock, {@code 2}
 * paper, {@code 3} scissors; action {@code a} moves every agent to state {@code 1 + a}. A hand
 * earns for the share it beats and pays for the share that beats it, with MFGLib's asymmetric
 * weights: rock {@code 2 mu(3) - mu(2)}, paper {@code 4 mu(1) - 2 mu(3)}, scissors {@code 6 mu(2) -
 * 3 mu(1)}, the start state 0. Defaults: {@code T = 1}, everyone at the start.
 */
public final class RockPaperScissors extends GameModel {
    /** MFGLib's defaults: {@code T = 1}, undiscounted, unregularised, {@code mu0 = (1,0,0,0)}. */
    public static final ParamSchema PARAMS =
            schema("rock-paper-scissors", List.of(), "T=1", "gamma=1", "mu0=1,0,0,0");

    /** The game with the given parameters. */
    public RockPaperScissors(ParamValues params) {
        super(params, 4, 3);
    }

    @Override
    public void transitions(int t, double[] mu, double[] out) {
        Arrays.fill(out, 0.0);
        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < 3; a++) {
                out[(s * 3 + a) * 4 + 1 + a] = 1.0;
            }
        }
    }

    @Override
    public void rewards(int t, double[] mu, double[] out) {
        double[] hand = {0, 2 * mu[3] - mu[2], 4 * mu[1] - 2 * mu[3], 6 * mu[2] - 3 * mu[1]};
        for (int s = 0; s < 4; s++) {
            Arrays.fill(out, s * 3, s * 3 + 3, hand[s]);
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /** The hands' rewards are linear in {@code mu}: their coefficients, weighted. */
    @Override
    protected void rewardsVjp(int t, double[] mu, double[] w, double[] out) {
        double[] hand = new double[4];
        for (int s = 1; s < 4; s++) {
            hand[s] = w[s * 3] + w[s * 3 + 1] + w[s * 3 + 2];
        }
        out[1] += 4 * hand[2] - 3 * hand[3];
        out[2] += -hand[1] + 6 * hand[3];
        out[3] += 2 * hand[1] - 2 * hand[2];
    }

    /** The moves are deterministic and ignore {@code mu}. */
    @Override
    protected void transitionsVjp(int t, double[] mu, double[] u, double[] v, double[] out) {}

    /** MFGLib's {@code r_max = 6}. */
    @Override
    public double rMax() {
        return 6.0;
    }
}
