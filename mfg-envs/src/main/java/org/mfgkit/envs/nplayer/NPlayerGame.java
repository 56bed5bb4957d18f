package org.mfgkit.envs.nplayer;

import org.mfgkit.core.Simplex;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.BestResponse;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.envs.ExploitabilityResult;
import org.mfgkit.envs.StationaryMeanField;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PopulationOperator;

/**
 * The N-player game of a finite mean-field game, seen through the only two things it needs: {@code
 * P_t(s'|s,a,mu)} and {@code r_t(s,a,mu)} at an empirical state distribution {@code mu}. One view
 * for both kinds of game: a stationary {@link MeanFieldGame} (discounted with {@code gamma},
 * entropy-regularised with {@code lambda}, infinite horizon) and a {@link
 * FiniteHorizonMeanFieldGame} (steps {@code t = 0..T}). A policy is an array of tabular policies:
 * length 1 for a stationary game, {@code T+1} (or 1, used at every step) for a finite-horizon one.
 *
 * <p>Built only from games whose population enters through the state distribution ({@link
 * MeanFieldGame#meanFieldIsStateDistribution()}); any other game is refused with the reason.
 */
public final class NPlayerGame {
    private final String name;
    private final MeanFieldGame stationary;
    private final FiniteHorizonMeanFieldGame finite;
    private final int nS;
    private final int nA;

    private NPlayerGame(
            String name, MeanFieldGame stationary, FiniteHorizonMeanFieldGame finite, boolean ok) {
        this.name = name == null ? "game" : name;
        this.stationary = stationary;
        this.finite = finite;
        if (!ok) {
            throw new IllegalArgumentException(
                    "N-player evaluation refuses "
                            + this.name
                            + ": its mean field enters through the players' actions, not only"
                            + " through their state distribution (meanFieldIsStateDistribution()"
                            + " is false), so the N-player game with an empirical state"
                            + " distribution is not the game it approximates");
        }
        this.nS = stationary != null ? stationary.nS() : finite.nS();
        this.nA = stationary != null ? stationary.nA() : finite.nA();
    }

    /** The N-player view of a stationary game, named {@code name} in messages. */
    public static NPlayerGame of(String name, MeanFieldGame game) {
        if (game == null) {
            throw new IllegalArgumentException("N-player evaluation: game is required");
        }
        return new NPlayerGame(name, game, null, game.meanFieldIsStateDistribution());
    }

    /** The N-player view of a finite-horizon game, named {@code name} in messages. */
    public static NPlayerGame of(String name, FiniteHorizonMeanFieldGame game) {
        if (game == null) {
            throw new IllegalArgumentException("N-player evaluation: game is required");
        }
        return new NPlayerGame(name, null, game, game.meanFieldIsStateDistribution());
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** Number of states. */
    public int nS() {
        return nS;
    }

    /** Number of actions. */
    public int nA() {
        return nA;
    }

    /** True for a stationary (discounted, infinite-horizon) game. */
    public boolean stationary() {
        return stationary != null;
    }

    /** The last decision step {@code T}; -1 for a stationary game. */
    public int horizon() {
        return stationary != null ? -1 : finite.horizon();
    }

    /** Number of policy steps: 1 (stationary) or {@code T+1}. */
    public int steps() {
        return stationary != null ? 1 : finite.horizon() + 1;
    }

    /** Discount factor. */
    public double gamma() {
        return stationary != null ? stationary.gamma() : finite.gamma();
    }

    /** Entropy weight {@code lambda}. */
    public double lambda() {
        return stationary != null ? stationary.lambda() : finite.lambda();
    }

    /** The initial distribution {@code mu0} (a copy). */
    public double[] mu0() {
        return stationary != null ? stationary.mu0() : finite.mu0();
    }

    /**
     * Fills {@code out[(s*nA + a)*nS + s2] = P_t(s2|s,a,mu)} (a stationary game ignores {@code t}).
     */
    public void transitions(int t, double[] mu, double[] out) {
        if (stationary != null) {
            stationary.transitions(mu, out);
        } else {
            finite.transitions(t, mu, out);
        }
    }

    /** Fills {@code out[s*nA + a] = r_t(s,a,mu)} (a stationary game ignores {@code t}). */
    public void rewards(int t, double[] mu, double[] out) {
        if (stationary != null) {
            stationary.rewards(mu, out);
        } else {
            finite.rewards(t, mu, out);
        }
    }

    /**
     * The policy as one table per step ({@link #steps()} of them): a single table of a
     * finite-horizon game is repeated; shapes are checked with messages naming the step.
     */
    public TabularPolicy[] perStep(TabularPolicy[] pi) {
        if (pi == null || pi.length == 0) {
            throw new IllegalArgumentException("N-player evaluation: a policy is required");
        }
        if (pi.length != 1 && pi.length != steps()) {
            throw new IllegalArgumentException(
                    "policy must have 1 or "
                            + steps()
                            + " time step(s) for "
                            + name
                            + ", got "
                            + pi.length);
        }
        TabularPolicy[] out = new TabularPolicy[steps()];
        for (int t = 0; t < out.length; t++) {
            TabularPolicy p = pi[pi.length == 1 ? 0 : t];
            if (p == null || p.nS() != nS || p.nA() != nA) {
                throw new IllegalArgumentException(
                        "policy at step " + t + " must be " + nS + "x" + nA + " for " + name);
            }
            out[t] = p;
        }
        return out;
    }

    /**
     * The mean-field (N = infinity) exploitability of SPEC §2, with the mean field of {@code pi}.
     */
    public ExploitabilityResult meanFieldExploitability(TabularPolicy[] pi) {
        TabularPolicy[] p = perStep(pi);
        return stationary != null
                ? Exploitability.of(stationary, p[0])
                : Exploitability.of(finite, p);
    }

    /**
     * The MFG best response to the mean field of {@code pi} ({@code Gamma1} of {@code mu_pi}, or of
     * the flow of {@code pi}): a policy that sees only its own state and the time.
     */
    public TabularPolicy[] meanFieldBestResponse(TabularPolicy[] pi) {
        TabularPolicy[] p = perStep(pi);
        if (stationary != null) {
            double[] mu = StationaryMeanField.of(stationary, p[0]).mu();
            return new TabularPolicy[] {BestResponse.of(stationary, mu).policy()};
        }
        return BestResponse.of(finite, PopulationOperator.flow(finite, p)).policies();
    }

    /**
     * Where the N-1 other players start (iid): {@code mu0} in a finite-horizon game; in a
     * stationary game the stationary mean field {@code mu_pi}, the population that SPEC §2's
     * exploitability holds fixed (the deviator itself starts from {@code mu0}, the {@code rho} of
     * values).
     */
    public double[] othersStart(TabularPolicy[] pi) {
        TabularPolicy[] p = perStep(pi);
        double[] start =
                stationary != null ? StationaryMeanField.of(stationary, p[0]).mu() : finite.mu0();
        Simplex.requireDistribution("initial distribution of the other players", start, nS);
        return start;
    }
}
