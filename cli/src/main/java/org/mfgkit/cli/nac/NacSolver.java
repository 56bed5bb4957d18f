package org.mfgkit.cli.nac;

import java.util.List;
import java.util.TreeMap;
import org.mfgkit.cli.solve.SolveRequest;
import org.mfgkit.cli.solve.Solver;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.Exploitability;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.SolverRun;
import org.mfgkit.envs.SolverTrace;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.nac.NacListener;
import org.mfgkit.nac.NacParams;
import org.mfgkit.nac.NacPresets;
import org.mfgkit.nac.NacResult;
import org.mfgkit.nac.NacSettings;
import org.mfgkit.nac.NaturalActorCritic;

/**
 * {@code mfgkit solve --algorithm nac|dl-nac}: the natural actor-critic of 004 Algorithm 1 (single
 * loop) or its double-loop baseline, with {@link NacPresets 004's hyper-parameters} for the
 * environment and the {@code --set} settings of {@link NacSettings#KEYS}. The curve is the exact
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
        return NacSettings.KEYS;
    }

    @Override
    public int defaultIterations() {
        return NacSettings.defaults().loop().iterations();
    }

    @Override
    public int defaultIterations(GameModel env) {
        // an environment without a preset is refused by solve, with the reason
        return NacPresets.has(env.name())
                ? NacPresets.get(env.name()).loop().iterations()
                : defaultIterations();
    }

    @Override
    public boolean usesSeed() {
        return true;
    }

    @Override
    public SolverRun solve(SolveRequest request) {
        MeanFieldGame game = StationaryGame.of(request.env(), name).game();
        NacSettings settings =
                NacPresets.get(request.env().name())
                        .withTexts(new TreeMap<>(request.settings()))
                        .withAlgorithm(algorithm)
                        .withIterations(request.iterations());
        SolverTrace trace = new SolverTrace(request.listener());
        NacResult r =
                NaturalActorCritic.solve(
                        game,
                        settings,
                        request.seed(),
                        pi -> Exploitability.of(game, pi).exploitability(),
                        new NacListener() {
                            @Override
                            public void onRecord(Snapshot snapshot) {
                                trace.add(snapshot.t(), snapshot.value(), snapshot.seconds());
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
                settings.echo());
    }
}
