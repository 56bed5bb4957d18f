package org.mfgkit.cli.nac;

import java.util.List;
import org.mfgkit.cli.solve.SolveRequest;
import org.mfgkit.cli.solve.Solver;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.SolverRun;
import org.mfgkit.envs.SolverTrace;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.nac.NacListener;
import org.mfgkit.nac.NacParams;
import org.mfgkit.nac.NacResult;
import org.mfgkit.nac.NaturalActorCritic;

/**
 * {@code mfgkit solve --algorithm nac|dl-nac}: the natural actor-critic of 004 Algorithm 1 (single
 * loop) or its double-loop baseline, with {@link NacConfig#preset 004's hyper-parameters} for the
 * environment and the {@code --set} settings of {@link NacConfig#KEYS}. The curve is the exact
 * exploitability of {@code pi_t} (mfg-envs' {@link Exploitability}), which the learner never sees.
 *
 * @param name {@code nac} or {@code dl-nac}
 * @param algorithm the matching loop
 */
public record NacSolver(String name, NacParams.Algorithm algorithm) implements Solver {
    /** Single-loop NAC. */
    public static final NacSolver NAC = new NacSolver("nac", NacParams.Algorithm.NAC);

    /** DL-NAC. */
    public static final NacSolver DL_NAC = new NacSolver("dl-nac", NacParams.Algorithm.DL_NAC);

    @Override
    public String description() {
        return algorithm == NacParams.Algorithm.NAC
                ? "natural actor-critic (004 Alg. 1): TD(0) critic, SGD actor, mean field moved by beta each step; seeded"
                : "double-loop NAC: mean field frozen for inner_iterations policy steps, then one full Gamma2 step; seeded";
    }

    @Override
    public List<String> settingKeys() {
        return NacConfig.KEYS;
    }

    @Override
    public int defaultIterations() {
        return NacParams.defaults().iterations();
    }

    @Override
    public int defaultIterations(GameModel env) {
        return NacConfig.preset(env.name()).params().iterations();
    }

    @Override
    public boolean usesSeed() {
        return true;
    }

    @Override
    public SolverRun solve(SolveRequest request) {
        GameModel env = request.env();
        MeanFieldGame game = stationaryGame(env, name);
        NacConfig config =
                NacConfig.preset(env.name())
                        .withAll(request.settings())
                        .withAlgorithm(algorithm)
                        .withIterations(request.iterations());
        FeatureMap phi = config.featureMap(game.nS(), game.nA());
        SolverTrace trace = new SolverTrace(request.listener());
        NacResult r =
                NaturalActorCritic.solve(
                        game,
                        phi,
                        config.params(),
                        request.seed(),
                        pi -> Exploitability.of(game, pi).exploitability(),
                        new NacListener() {
                            @Override
                            public void onRecord(
                                    int t, double value, double averageValue, double seconds) {
                                trace.add(t, value, seconds);
                            }
                        });
        TabularPolicy last = r.policy().toTabular();
        return new SolverRun(
                name,
                new TabularPolicy[] {last},
                trace.curve(name),
                trace.seconds(),
                false,
                r.seconds(),
                Exploitability.of(game, last),
                config.asMap());
    }

    /** The stationary game of {@code env}; a finite-horizon environment is refused. */
    static MeanFieldGame stationaryGame(GameModel env, String who) {
        if (!env.isStationary()) {
            throw new IllegalArgumentException(
                    who
                            + " needs a stationary (discounted) game; '"
                            + env.name()
                            + "' is finite-horizon");
        }
        return env.stationary();
    }
}
