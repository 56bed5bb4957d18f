package org.mfgkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfgkit.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mfgkit list}: what exists, section by section (see {@link Catalog}). JSON: {@code
 * {"environments": [{"name": ..., "description": ...}], ..., "experiments": [...], "bench_tasks":
 * [...]}}.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List environments, algorithms, presets, experiment types and bench tasks.")
public final class ListCommand implements Callable<Integer> {

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        List<ListSection> sections = Catalog.sections(main.experiments(), main.benchTasks());
        ObjectNode root = Json.object();
        for (ListSection s : sections) {
            ArrayNode entries = root.putArray(s.key());
            s.entries()
                    .forEach(
                            e ->
                                    entries.addObject()
                                            .put("name", e.name())
                                            .put("description", e.description()));
        }
        json.print(spec.commandLine().getOut(), root, out -> human(out, sections));
        return ExitCode.OK;
    }

    private static void human(PrintWriter out, List<ListSection> sections) {
        boolean first = true;
        for (ListSection s : sections) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(s.title() + ":");
            if (s.entries().isEmpty()) {
                out.println("  (none yet)");
                continue;
            }
            int width = s.entries().stream().mapToInt(e -> e.name().length()).max().orElse(0);
            for (ListSection.Entry e : s.entries()) {
                out.printf("  %-" + width + "s  %s%n", e.name(), e.description());
            }
        }
    }
}
