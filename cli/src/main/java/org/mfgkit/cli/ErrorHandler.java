package org.mfgkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.mfgkit.cli.output.Json;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into exactly one line {@code mfgkit: error: <message>} on stderr and an exit
 * status ({@link ExitCode}); with {@code --debug} or {@code MFGKIT_DEBUG=1} the stack trace follows
 * the line. Never a stack trace otherwise, whatever was thrown.
 *
 * <table>
 *   <caption>Failures and exit statuses</caption>
 *   <tr><th>failure</th><th>status</th></tr>
 *   <tr><td>picocli usage error (unknown command/option, missing parameter)</td><td>2</td></tr>
 *   <tr><td>{@link IllegalArgumentException} (bad input; our libraries name the problem)</td><td>2</td></tr>
 *   <tr><td>Jackson parse/mapping error</td><td>2</td></tr>
 *   <tr><td>missing file ({@link NoSuchFileException}, {@link FileNotFoundException})</td><td>2</td></tr>
 *   <tr><td>other {@link IOException}</td><td>1</td></tr>
 *   <tr><td>{@link OutOfMemoryError}, {@link StackOverflowError} (also inside worker threads)</td><td>3</td></tr>
 *   <tr><td>anything else (a bug)</td><td>1</td></tr>
 * </table>
 */
public final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private final boolean debug;

    /** A handler; {@code debug} adds stack traces. */
    public ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    /** Whether {@code MFGKIT_DEBUG} asks for stack traces. */
    public static boolean debugFromEnvironment() {
        String v = System.getenv("MFGKIT_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        report(cmd.getErr(), usageMessage(ex), ex);
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Failure f = classify(ex);
        report(cmd.getErr(), f.message, ex);
        return f.exitCode;
    }

    /** The one-line message and exit status for {@code thrown}. */
    static Failure classify(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof OutOfMemoryError) {
            return new Failure(
                    ExitCode.RESOURCES,
                    "out of memory: this run needs more than the "
                            + maxHeapText()
                            + " this JVM may use (lower the sizes of the run, or raise the limit,"
                            + " e.g. JAVA_TOOL_OPTIONS=-Xmx16g)");
        }
        if (t instanceof StackOverflowError) {
            return new Failure(
                    ExitCode.RESOURCES,
                    "stack overflow: the run recursed deeper than this JVM's thread stack allows"
                            + " (lower the sizes of the run, or raise -Xss via JAVA_TOOL_OPTIONS)");
        }
        if (t instanceof ParameterException p) {
            return new Failure(ExitCode.USAGE, usageMessage(p));
        }
        if (t instanceof IllegalArgumentException) {
            return new Failure(ExitCode.USAGE, messageOf(t));
        }
        if (t instanceof JsonProcessingException j) {
            return new Failure(ExitCode.USAGE, "invalid JSON: " + Json.describe(j));
        }
        if (t instanceof NoSuchFileException n) {
            return new Failure(ExitCode.USAGE, "file not found: " + n.getFile());
        }
        if (t instanceof FileNotFoundException) {
            return new Failure(ExitCode.USAGE, "file not found: " + messageOf(t));
        }
        if (t instanceof IOException) {
            return new Failure(
                    ExitCode.INTERNAL,
                    "I/O error: " + t.getClass().getSimpleName() + ": " + messageOf(t));
        }
        return new Failure(
                ExitCode.INTERNAL,
                "internal error: "
                        + t.getClass().getName()
                        + (t.getMessage() == null ? "" : ": " + messageOf(t))
                        + " (run with --debug for the stack trace)");
    }

    /** The JVM's heap limit in words, e.g. {@code "6.0 GB"}. */
    static String maxHeapText() {
        long max = Runtime.getRuntime().maxMemory();
        return max == Long.MAX_VALUE
                ? "memory"
                : String.format(java.util.Locale.ROOT, "%.1f GB", max / 1e9);
    }

    /** Reports a failure that escaped picocli's handlers (an {@link Error}); returns its status. */
    int handleUncaught(PrintWriter err, Throwable thrown) {
        Failure f = classify(thrown);
        report(err, f.message, thrown);
        return f.exitCode;
    }

    private void report(PrintWriter err, String message, Throwable ex) {
        err.println("mfgkit: error: " + message);
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    private static String usageMessage(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        if (ex instanceof UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()) {
            List<String> unmatched = u.getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                return "unknown command '"
                        + unmatched.get(0)
                        + "' (commands: "
                        + String.join(", ", cmd.getSubcommands().keySet())
                        + ")";
            }
        }
        return oneLine(ex.getMessage()) + " (see '" + name + " --help')";
    }

    private static Throwable unwrap(Throwable t) {
        while (t.getCause() != null
                && t.getCause() != t
                && (t instanceof ExecutionException
                        || t instanceof CompletionException
                        || t instanceof UncheckedIOException
                        || t instanceof InvocationTargetException
                        || t instanceof CommandLine.ExecutionException)) {
            t = t.getCause();
        }
        return t;
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
    }

    /** {@code text} with line breaks and the whitespace around them folded to one space. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A classified failure. */
    record Failure(int exitCode, String message) {}
}
