package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mfgkit.cli.experiment.Config;
import org.mfgkit.cli.experiment.Experiment;
import org.mfgkit.cli.experiment.RunContext;
import org.mfgkit.cli.output.PlotSpec;
import org.mfgkit.core.Curve;
import org.mfgkit.core.Curve.Band;

/** Fake experiment types registered by tests. */
final class Fakes {

    private Fakes() {}

    /**
     * Writes curve.csv and curve.png; records where it wrote and whether the target existed
     * meanwhile.
     */
    static final class Curves implements Experiment {
        volatile Path wroteInto;
        volatile boolean targetExistedDuringRun;
        volatile Path target;

        @Override
        public String name() {
            return "fake-curves";
        }

        @Override
        public String description() {
            return "writes two seeds of a known curve";
        }

        @Override
        public Object run(JsonNode json, RunContext ctx) throws Exception {
            Config config = Config.of(json);
            double scale = config.number("scale", 1.0);
            wroteInto = ctx.outDir();
            double[] x = Curve.range(5);
            List<double[]> runs =
                    ctx.runParallel(
                            2,
                            seed -> {
                                double[] y = new double[x.length];
                                for (int i = 0; i < y.length; i++) {
                                    y[i] = scale * (seed + 1) / (i + 1.0);
                                }
                                return y;
                            });
            ctx.writer()
                    .curves(
                            "curve",
                            List.of(Curve.of("fake", x, runs)),
                            "iteration",
                            Band.MIN_MAX,
                            PlotSpec.of("fake", "iteration", "value").withLogY(true));
            targetExistedDuringRun = target != null && Files.exists(target);
            return new Result(runs.get(0)[4], "ok");
        }

        record Result(double finalValue, String note) {}
    }

    /** Writes a file, then fails with the exception given in the config's "throw" field. */
    static final class Failing implements Experiment {
        @Override
        public String name() {
            return "fake-failing";
        }

        @Override
        public String description() {
            return "writes curve.csv, then throws";
        }

        @Override
        public Object run(JsonNode json, RunContext ctx) throws Exception {
            Files.writeString(ctx.outDir().resolve("curve.csv"), "partial");
            if (Config.of(json).string("throw", "state").equals("memory")) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (Config.of(json).string("throw", "state").equals("argument")) {
                throw new IllegalArgumentException(
                        "config field \"alpha\" must be in [0, 1], got 3");
            }
            throw new IllegalStateException("boom");
        }
    }
}
