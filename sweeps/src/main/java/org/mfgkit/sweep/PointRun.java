package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mfgkit.cli.Main;

/**
 * Runs one point in-process through the public entry of the {@code mfgkit} command ({@code new
 * Main().execute(out, err, args)}): the point's config (the base with its values) goes to a scratch
 * file, the command's {@code --json} output is parsed and each metric read at its JSON pointer.
 * Nothing of the command's internals is used, so the command can change inside without breaking
 * sweeps. A failure of any kind becomes a failed {@link PointResult} with a one-line error; this
 * never throws, so Spark retries a task only when its executor is lost.
 */
public final class PointRun implements PointTask {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Base base;
    private final List<String> metricNames;
    private final List<String> pointers;

    /** Runs points of {@code base}, reading {@code metrics} (name to JSON pointer). */
    public PointRun(Base base, Map<String, String> metrics) {
        this.base = base;
        this.metricNames = List.copyOf(metrics.keySet());
        this.pointers = List.copyOf(new LinkedHashMap<>(metrics).values());
    }

    /** Runs {@code point}; never throws. */
    @Override
    public PointResult run(SweepPoint point) {
        long t0 = System.nanoTime();
        double[] metrics = new double[pointers.size()];
        Arrays.fill(metrics, Double.NaN);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mfgkit-point-");
            ObjectNode config = base.pointConfig(point.values(), point.seed());
            Path configFile = dir.resolve("config.json");
            Files.writeString(configFile, config.toString());
            List<String> args = base.args(config, point.seed(), configFile, dir.resolve("out"));
            CommandOutput o = execute(args);
            if (o.status != 0) {
                return failed(point, metrics, errorLine(o.err, o.status), t0);
            }
            JsonNode doc = MAPPER.readTree(o.out);
            List<String> problems = new ArrayList<>();
            for (int m = 0; m < pointers.size(); m++) {
                JsonNode v = doc.at(pointers.get(m));
                if (v.isMissingNode()) {
                    problems.add(
                            "metric "
                                    + metricNames.get(m)
                                    + ": nothing at "
                                    + pointers.get(m)
                                    + " in the output");
                } else if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    problems.add(
                            "metric " + metricNames.get(m) + " is not a finite number (" + v + ")");
                } else {
                    metrics[m] = v.doubleValue();
                }
            }
            if (!problems.isEmpty()) {
                return failed(point, metrics, String.join("; ", problems), t0);
            }
            return new PointResult(point.index(), true, "", metrics, seconds(t0));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? "" : ": " + e.getMessage();
            return failed(point, metrics, e.getClass().getSimpleName() + msg, t0);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private record CommandOutput(int status, String out, String err) {}

    private static CommandOutput execute(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Main().execute(o, e, args.toArray(String[]::new));
        }
        return new CommandOutput(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command's one-line error ({@code mfgkit: error: ...}), without the prefix. */
    static String errorLine(String err, int status) {
        String prefix = "mfgkit: error: ";
        String found = null;
        for (String line : err.split("\\R")) {
            if (line.startsWith(prefix)) {
                found = line.substring(prefix.length());
            }
        }
        return found != null ? found : "exit status " + status;
    }

    private static PointResult failed(SweepPoint p, double[] metrics, String error, long t0) {
        return new PointResult(p.index(), false, error, metrics, seconds(t0));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException ignored) {
                                    // a scratch file; the OS cleans /tmp
                                }
                            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
