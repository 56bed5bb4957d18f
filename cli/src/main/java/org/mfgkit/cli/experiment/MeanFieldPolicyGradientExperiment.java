package org.mfgkit.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.cli.progress.Progress;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;
import org.mfgkit.mdp.PolicyGradientFlowStudy;
import org.mfgkit.mdp.PolicyGradientFlowStudy.Setting;

/**
 * Experiment types {@code meanfield-bandit} and {@code meanfield-grid}: the library's {@link
 * PolicyGradientFlowStudy} (seed 000, §5; SPEC §4) from a JSON config. One line per student
 * initialisation of the gap {@code E(nu*) - E(nu_t)} against training time (the time of eq. (9)):
 * {@code curve.png} (log y), {@code curve-loglog.png} (both axes log, which shows the fast initial
 * phase), {@code curve.csv} (column {@code run_k} is the {@code k}-th seed) and {@code
 * result.json}.
 *
 * <p>Config: {@code seeds} (student initialisations, a count or a list [5]) and every parameter of
 * {@link PolicyGradientFlowStudy#schema} by name (defaults there; JSON numbers stay numbers).
 */
public final class MeanFieldPolicyGradientExperiment implements Experiment {

    private final Setting setting;

    private MeanFieldPolicyGradientExperiment(Setting setting) {
        this.setting = setting;
    }

    /** {@code meanfield-bandit}: 000 §5 (a). */
    public static MeanFieldPolicyGradientExperiment bandit() {
        return new MeanFieldPolicyGradientExperiment(Setting.BANDIT);
    }

    /** {@code meanfield-grid}: 000 §5 (b). */
    public static MeanFieldPolicyGradientExperiment grid() {
        return new MeanFieldPolicyGradientExperiment(Setting.GRID);
    }

    @Override
    public String name() {
        return PolicyGradientFlowStudy.schema(setting).owner();
    }

    @Override
    public String description() {
        return setting == Setting.BANDIT
                ? "seed 000 §5a: exact mean-field policy-gradient flow of a width-800 ReLU net on a bandit over [0,1], gap vs time per initialisation"
                : "seed 000 §5b: exact mean-field policy-gradient flow on the 100x100 grid MDP (gamma 0.7), gap vs time per initialisation";
    }

    @Override
    public Object run(JsonNode json, RunContext ctx) throws Exception {
        Config c = Config.of(json);
        ParamSchema schema = PolicyGradientFlowStudy.schema(setting);
        List<String> allowed = new ArrayList<>(List.of("experiment", "seeds"));
        allowed.addAll(schema.names());
        c.allowOnly(allowed.toArray(String[]::new));
        long[] seeds = c.seeds("seeds", 5);
        ParamValues p = schema.defaults();
        for (String name : schema.names()) {
            if (c.has(name)) {
                p = p.withJson(name, c.value(name));
            }
        }
        int steps = p.get(PolicyGradientFlowStudy.STEPS);
        PolicyGradientFlowStudy.Outcome outcome;
        try (Progress progress =
                ctx.progress().start(name(), (long) seeds.length * steps, "step")) {
            outcome = PolicyGradientFlowStudy.run(setting, p, seeds, ctx.threads(), progress::step);
        }
        PolicyGradientFlowStudy.Summary r = outcome.result();
        Curve gap = outcome.gap();
        List<Curve> lines = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            lines.add(Curve.single("initialisation seed " + seeds[i], gap.x(), gap.runs()[i]));
        }
        String title =
                (setting == Setting.BANDIT
                                ? "bandit on [0,1], " + r.actions() + " actions"
                                : r.actions() + "x" + r.actions() + " grid, gamma " + r.gamma())
                        + ", lambda "
                        + r.lambda()
                        + ", N = "
                        + r.width()
                        + " "
                        + r.activation()
                        + ", dt "
                        + r.dt();
        ctx.writer().csv("curve.csv", List.of(gap), "time", Band.MIN_MAX);
        PlotSpec spec =
                PlotSpec.of(title, "training time t (eq. (9))", "E(nu*) - E(nu_t)").withLogY(true);
        ctx.writer().plotLines("curve.png", spec, lines);
        ctx.writer().plotLines("curve-loglog.png", spec.withLogX(true), lines); // t = 0 left out
        return r;
    }
}
