package org.mfgkit.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mfgkit.cli.Main;

/** Helpers of the sweep tests: run commands in-process, read tables. */
final class SweepTestSupport {
    private SweepTestSupport() {}

    static final ObjectMapper M = new ObjectMapper();

    /** Exit status, stdout and stderr of one command. */
    record Outcome(int status, String out, String err) {}

    /** {@code mfgkit sweep|tune ...} through the sweeps entry. */
    static Outcome sweeps(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                new SweepMain()
                        .execute(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8),
                                args);
        return new Outcome(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code mfgkit solve ... --json} through the cli entry, parsed. */
    static JsonNode solve(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> a = new ArrayList<>(List.of("solve"));
        a.addAll(List.of(args));
        a.add("--json");
        int status =
                new Main()
                        .execute(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(
                                        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                                a.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("solve failed: " + a);
        }
        return M.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /**
     * The one-line error of a failing {@code mfgkit solve ...}, without {@code mfgkit: error: }.
     */
    static String solveError(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> a = new ArrayList<>(List.of("solve"));
        a.addAll(List.of(args));
        int status =
                new Main()
                        .execute(
                                new PrintStream(
                                        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8),
                                a.toArray(String[]::new));
        if (status == 0) {
            throw new IllegalStateException("solve did not fail: " + a);
        }
        String prefix = "mfgkit: error: ";
        return err.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith(prefix))
                .reduce((x, y) -> y)
                .orElseThrow()
                .substring(prefix.length());
    }

    /** The lines of a sweep.csv without the last column (wall time), header included. */
    static List<String> withoutSeconds(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            out.add(line.substring(0, line.lastIndexOf(',')));
        }
        return out;
    }

    /** Writes {@code json} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }
}
