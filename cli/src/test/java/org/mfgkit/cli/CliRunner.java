package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@link Main} in-process with captured stdout and stderr. */
final class CliRunner {

    private CliRunner() {}

    /** What one invocation produced. */
    record Outcome(int status, String out, String err) {
        /** The non-empty lines of stderr. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        /**
         * Asserts a usage error (status 2) reported on exactly one stderr line that contains {@code
         * expected}.
         */
        void assertOneLineUsageError(String what, String expected) {
            assertEquals(ExitCode.USAGE, status, what);
            assertEquals(1, errLines().size(), err);
            assertTrue(errLines().get(0).contains(expected), what + ": " + err);
        }
    }

    static Outcome run(Main main, String... args) {
        return run(main, false, args);
    }

    static Outcome run(Main main, boolean debug, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = main.execute(o, e, debug, args);
        }
        return new Outcome(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Outcome run(String... args) {
        return run(new Main(), args);
    }
}
