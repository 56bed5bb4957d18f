package org.mfgkit.sweep;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mfgkit.cli.ErrorHandler;
import org.mfgkit.cli.ExitCode;
import org.mfgkit.cli.Version;
import org.mfgkit.cli.progress.ProgressFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The Spark side of the {@code mfgkit} command: {@code mfgkit sweep}, {@code mfgkit tune} and
 * {@code mfgkit spark-bench}, which the {@code ./mfgkit} launcher routes here (with Spark's jars on
 * the class path and the {@code --add-opens} flags Spark needs on Java 17). Same conventions as the
 * rest of {@code mfgkit}: results on stdout ({@code --json}: one object), progress and errors on
 * stderr, one error line and exit status 2 for bad input.
 */
@Command(
        name = "mfgkit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Parameter sweeps and tuning of mfgkit runs and solves as Apache Spark jobs.",
        subcommands = {
            SweepCommand.class,
            TuneCommand.class,
            SparkBenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit status: 0 ok, 1 internal error, 2 bad usage or input, 3 out of memory or stack.",
            "--debug (anywhere) or MFGKIT_DEBUG=1 adds stack traces to error reports."
        })
public final class SweepMain implements Runnable {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Spec CommandSpec spec;

    private PrintStream err = System.err;

    /** Entry point of the launcher and of {@code spark-submit}. */
    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        int status = new SweepMain().execute(stdout, System.err, args);
        stdout.flush();
        System.exit(status);
    }

    /** Runs {@code mfgkit args} in-process; returns the exit status. */
    public int execute(PrintStream out, PrintStream err, String... args) {
        this.err = err;
        // --debug may stand anywhere, as for the other mfgkit commands.
        List<String> rest = new ArrayList<>(List.of(args));
        boolean debug = ErrorHandler.debugFromEnvironment() | rest.removeIf("--debug"::equals);
        CommandLine cl = new CommandLine(this);
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        ErrorHandler handler = new ErrorHandler(debug);
        cl.setOut(o)
                .setErr(e)
                .setParameterExceptionHandler(handler)
                .setExecutionExceptionHandler(handler)
                .setUsageHelpAutoWidth(true);
        int status;
        try {
            status = cl.execute(rest.toArray(String[]::new));
        } catch (OutOfMemoryError | StackOverflowError x) {
            e.println("mfgkit: error: " + x.getClass().getSimpleName() + " (driver)");
            status = ExitCode.RESOURCES;
        }
        o.flush();
        e.flush();
        return status;
    }

    /** Without a command: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * The master to use: {@code --master} when given, else the one spark-submit passed (the {@code
     * spark.master} property), else {@code local[*]}.
     */
    static String master(String option) {
        if (option != null) {
            return option;
        }
        return System.getProperty("spark.master", "local[*]");
    }

    /** Progress displays on stderr. */
    ProgressFactory progress() {
        return ProgressFactory.forStderr(err);
    }
}
