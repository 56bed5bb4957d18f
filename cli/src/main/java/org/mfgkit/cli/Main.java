package org.mfgkit.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mfgkit.cli.bench.BenchTasks;
import org.mfgkit.cli.experiment.Experiments;
import org.mfgkit.cli.progress.ProgressFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code mfgkit} command (SPEC §6). Subcommands are picocli classes listed in {@link
 * #SUBCOMMANDS}; they reach the registries through {@code @ParentCommand Main main}.
 *
 * <p>Output discipline: stdout carries only the result (the human summary, or with {@code --json}
 * exactly one JSON object); progress, warnings and errors go to stderr. {@link #main} redirects
 * {@code System.out} to stderr for the duration of the command, so a library that prints to {@code
 * System.out} cannot corrupt the JSON.
 */
@Command(
        name = "mfgkit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Mean-field games and entropy-regularised policy gradient: experiments, solvers, benchmarks.",
        footer = {
            "",
            "Sweeps on Apache Spark: mfgkit sweep FILE.json, mfgkit tune FILE.json (sweeps/README.md).",
            "",
            "Exit status: 0 ok, 1 internal error, 2 bad usage or input, 3 out of memory or stack.",
            "--debug (anywhere) or MFGKIT_DEBUG=1 adds stack traces to error reports."
        })
public final class Main implements Runnable {

    /** The subcommands, in help order: one line per command class. */
    static final List<Class<?>> SUBCOMMANDS =
            List.of(
                    ListCommand.class,
                    RunCommand.class,
                    BenchCommand.class,
                    ExploitabilityCommand.class,
                    SolveCommand.class,
                    FaasCommand.class,
                    NPlayerCommand.class,
                    CommandLine.HelpCommand.class);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Spec CommandSpec spec;

    private final Experiments experiments;
    private final BenchTasks benchTasks;
    private PrintStream err = System.err;

    /** The command with the built-in registries. */
    public Main() {
        this(Experiments.builtIn(), BenchTasks.builtIn());
    }

    /** The command with the given registries (tests add fakes). */
    public Main(Experiments experiments, BenchTasks benchTasks) {
        this.experiments = experiments;
        this.benchTasks = benchTasks;
    }

    /** Entry point of {@code java -jar mfgkit.jar}. */
    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        int status = new Main().execute(stdout, System.err, args);
        stdout.flush();
        System.exit(status);
    }

    /**
     * Runs {@code mfgkit args} in-process.
     *
     * @param out where results go (stdout)
     * @param err where errors and progress go (stderr)
     * @return the exit status, see {@link ExitCode}
     */
    public int execute(PrintStream out, PrintStream err, String... args) {
        return execute(out, err, ErrorHandler.debugFromEnvironment(), args);
    }

    int execute(PrintStream out, PrintStream err, boolean debug, String... args) {
        this.err = err;
        // --debug may stand anywhere; it only adds stack traces to error reports.
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        boolean withTraces = debug | rest.removeIf("--debug"::equals);
        CommandLine cl = new CommandLine(this);
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        PrintWriter outWriter =
                new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter =
                new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        ErrorHandler handler = new ErrorHandler(withTraces);
        cl.setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler(handler)
                .setExecutionExceptionHandler(handler)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
        int status;
        try {
            status = cl.execute(rest.toArray(String[]::new));
        } catch (Error | RuntimeException e) {
            // picocli passes Errors (OutOfMemoryError, StackOverflowError) through: last line of
            // defence, one line and a distinct status, never a stack trace unless asked for.
            status = handler.handleUncaught(errWriter, e);
        }
        outWriter.flush();
        errWriter.flush();
        return status;
    }

    /** {@code mfgkit} without a command is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** The experiment registry. */
    public Experiments experiments() {
        return experiments;
    }

    /** The bench-task registry. */
    public BenchTasks benchTasks() {
        return benchTasks;
    }

    /** The stream for progress displays (stderr). */
    public PrintStream err() {
        return err;
    }

    /** Progress displays suited to this terminal, on stderr. */
    public ProgressFactory progress() {
        return ProgressFactory.forStderr(err);
    }
}
