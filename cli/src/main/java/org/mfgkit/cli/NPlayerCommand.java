package org.mfgkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mfgkit.cli.nplayer.NPlayerGames;
import org.mfgkit.cli.nplayer.NPlayerOutput;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.cli.output.StagedOutput;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.nplayer.NPlayerGame;
import org.mfgkit.envs.nplayer.NPlayerReport;
import org.mfgkit.envs.nplayer.NPlayerStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit n-player --env ENV [--policy uniform|FILE.json] --n 2,10,100,1000 [--set k=v]...
 * [--samples K] [--seed S] [--out DIR] [--json]}: the exploitability {@code E_N} of a policy in the
 * N-player game the MFG approximates (an informed deviator against {@code N-1} players using the
 * policy), exact on the count space within the budget, Monte Carlo (a lower bound) beyond; see
 * {@link NPlayerStudy}. {@code --set} takes the environment's parameters and the study's {@code
 * exact_budget} and {@code method}. JSON:
 *
 * <pre>
 * {"env", "finite_horizon", "params", "policy", "mean_field_exploitability",
 *  "results": [{"n", "exploitability", "method": "exact"|"monte-carlo", "ci95"?, "gap", "seconds", ...}],
 *  "rate": {"exponent", "constant", "points", "fitted_on"} | null, "study": {...}, "seconds"}
 * </pre>
 *
 * With {@code --out DIR}: {@code result.json} (the same object), {@code n-player.csv} and {@code
 * n-player.png}, all or nothing.
 */
@Command(
        name = "n-player",
        mixinStandardHelpOptions = true,
        description =
                "Exploitability of a policy in the N-player game the MFG approximates (exact on"
                        + " small count spaces, Monte Carlo beyond).")
public final class NPlayerCommand implements Callable<Integer> {

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Mixin EnvOptions envOptions;

    @Option(
            names = "--policy",
            paramLabel = "uniform|FILE",
            defaultValue = "uniform",
            description = "'uniform' (default) or a policy file (as for 'mfgkit exploitability').")
    String policy;

    @Option(
            names = "--n",
            paramLabel = "N,N,...",
            description = "Numbers of players, e.g. 2,10,100,1000 (default 2,10,100,1000).")
    String n;

    @Option(
            names = "--samples",
            paramLabel = "K",
            description = "Monte Carlo paired samples per N beyond the exact budget (default 100).")
    String samples;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of the Monte Carlo streams (default 0).")
    String seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Write result.json, n-player.csv and n-player.png here (replaced if it holds an"
                            + " earlier result).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Map<String, String>> split =
                envOptions.split(List.of("exact_budget", "method"), "n-player");
        ParamValues study = NPlayerStudy.SCHEMA.defaults();
        if (n != null) {
            study = study.withText(NPlayerStudy.N.name(), n);
        }
        if (samples != null) {
            study = study.withText(NPlayerStudy.SAMPLES.name(), samples);
        }
        if (seed != null) {
            study = study.withText(NPlayerStudy.SEED.name(), seed);
        }
        study = study.withTexts(split.get(1));
        GameModel env = envOptions.preset().create(split.get(0));
        NPlayerGame game = NPlayerGames.of(env);
        TabularPolicy[] pi =
                policy.equals("uniform")
                        ? env.exact().uniformPolicy()
                        : PolicyFile.read(PolicyFile.path(policy), env);
        StagedOutput staged = out == null ? null : StagedOutput.create(out);
        try {
            long t0 = System.nanoTime();
            NPlayerReport report;
            // one unit per exact N, one per Monte Carlo sample: the bar moves within a long N
            try (Progress progress =
                    main.progress()
                            .start(
                                    "n-player on " + env.name(),
                                    NPlayerStudy.work(game, study),
                                    "runs")) {
                report = NPlayerStudy.run(game, pi, study, p -> {}, progress::step);
            }
            ObjectNode doc = EnvJson.header(env);
            doc.put("policy", policy);
            NPlayerOutput.fill(doc, report);
            doc.put("seconds", (System.nanoTime() - t0) * 1e-9);
            doc.put("mfgkit_version", Version.get());
            if (staged != null) {
                new ResultWriter(staged.path()).json(StagedOutput.MARKER, doc);
                Map<String, NPlayerReport> cases = new LinkedHashMap<>();
                cases.put(policy.equals("uniform") ? "uniform" : "policy", report);
                NPlayerOutput.csv(staged.path(), cases);
                NPlayerOutput.plot(staged.path(), "N-player exploitability, " + env.name(), cases);
                staged.commit();
            }
            json.print(
                    spec.commandLine().getOut(),
                    doc,
                    w -> {
                        NPlayerOutput.human(w, env.name() + " (" + policy + " policy)", report);
                        if (out != null) {
                            w.println(
                                    "  wrote "
                                            + out
                                            + "/: result.json, n-player.csv, n-player.png");
                        }
                    });
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
        return ExitCode.OK;
    }
}
