package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each simple type name has one meaning across the main sources of all modules (issue 9): lists
 * every class, interface, record and enum, top-level or nested, declared under {@code *}{@code
 * /src/main/java}, and fails on a name declared twice (issue 9: one meaning per simple type name).
 */
class TypeNamesTest {
    private static final Pattern DECLARATION =
            Pattern.compile(
                    "^\\s*(?:(?:public|private|protected|static|final|abstract|sealed|non-sealed)\\s+)*"
                            + "(?:class|interface|record|enum)\\s+([A-Z]\\w*)",
                    Pattern.MULTILINE);

    @Test
    void everySimpleTypeNameIsDeclaredOnce() throws IOException {
        Map<String, List<String>> where = declarations(Path.of(".."));
        assertTrue(where.size() > 100, "found only " + where.size() + " type names");
        List<String> clashes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            clashes.add(e.getKey() + " " + e.getValue());
        }
        assertEquals(List.of(), clashes);
    }

    /** Simple name to the files declaring it (relative to {@code root}). */
    static Map<String, List<String>> declarations(Path root) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources =
                    walk.filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                            .filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                            .sorted()
                            .toList();
        }
        for (Path p : sources) {
            String text =
                    Files.readString(p)
                            .replaceAll("(?s)/\\*.*?\\*/", "")
                            .replaceAll("//[^\\n]*", "")
                            .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
            Matcher m = DECLARATION.matcher(text);
            String rel = root.relativize(p).toString().replace('\\', '/');
            while (m.find()) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(rel);
            }
        }
        return out;
    }
}
