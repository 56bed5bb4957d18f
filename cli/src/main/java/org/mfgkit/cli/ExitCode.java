package org.mfgkit.cli;

/** Exit statuses of {@code mfgkit}. */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;

    /** An internal error: a bug, or an I/O failure that is not the user's input. */
    public static final int INTERNAL = 1;

    /** Bad usage or bad input: unknown command or option, invalid config, missing file. */
    public static final int USAGE = 2;

    /**
     * Resource exhaustion: the run needed more memory (or stack) than this JVM may use. The message
     * says what to lower or to raise.
     */
    public static final int RESOURCES = 3;

    private ExitCode() {}
}
