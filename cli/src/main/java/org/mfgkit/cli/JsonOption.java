package org.mfgkit.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.mfgkit.cli.output.Json;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option, shared by every command as a picocli mixin: {@code @Mixin JsonOption
 * json;} then {@code json.print(out, value, human)} prints either the human summary or exactly one
 * JSON object on stdout.
 */
public final class JsonOption {

    @Option(
            names = "--json",
            description = "Print one JSON object on stdout instead of the human summary.")
    boolean enabled;

    /** Whether {@code --json} was given. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Prints {@code value} as one JSON object (with {@code --json}) or runs {@code human}.
     *
     * @param value a record, map or {@link com.fasterxml.jackson.databind.JsonNode} that serialises
     *     to a JSON object
     */
    public void print(PrintWriter out, Object value, Consumer<PrintWriter> human) {
        if (enabled) {
            out.println(Json.toString(value));
        } else {
            human.accept(out);
        }
        out.flush();
    }
}
