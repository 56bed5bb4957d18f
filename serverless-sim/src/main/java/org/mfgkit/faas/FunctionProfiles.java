package org.mfgkit.faas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads function profiles from JSON. The shipped file {@code org/mfgkit/faas/functions.json} holds
 * the 12 benchmarks of 004 (Appendix E) with the provenance of every number ({@link #defaults()}).
 * Format: {@code {"functions": [{"name", "class", "memoryMb", "cpuDemand", "service":
 * {"distribution": "lognormal", "medianMs", "sigma"} | {"distribution": "exponential", "meanMs"},
 * "coldStartMs", "source": {...}}]}}; {@code source} (provenance) is informational.
 */
public final class FunctionProfiles {
    /** Resource name of the shipped profiles. */
    public static final String DEFAULT_RESOURCE = "functions.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile List<FunctionProfile> defaults;

    private FunctionProfiles() {}

    /** The 12 shipped profiles of 004, in the order of 004's list. */
    public static List<FunctionProfile> defaults() {
        List<FunctionProfile> d = defaults;
        if (d == null) {
            try (InputStream in = FunctionProfiles.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "missing resource org/mfgkit/faas/" + DEFAULT_RESOURCE);
                }
                d =
                        parse(
                                new String(
                                        in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                                DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaults = d;
        }
        return d;
    }

    /** Reads profiles from a JSON file. */
    public static List<FunctionProfile> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read function profiles " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses profiles from JSON text; {@code source} names it in error messages. */
    public static List<FunctionProfile> parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source
                            + ": malformed JSON at line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ": "
                            + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : root.get("functions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(
                    source + ": expected a non-empty array \"functions\"");
        }
        List<FunctionProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode fn = list.get(i);
            String where = source + ": functions[" + i + "]";
            String name = text(fn, "name", where);
            where = source + ": function " + name;
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": duplicate name");
            }
            FunctionClass cls;
            try {
                cls = FunctionClass.parse(text(fn, "class", where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            JsonNode svc = fn.get("service");
            if (svc == null || !svc.isObject()) {
                throw new IllegalArgumentException(where + ": missing object \"service\"");
            }
            String dist = text(svc, "distribution", where + ".service");
            try {
                ServiceTime service =
                        switch (dist) {
                            case "lognormal" ->
                                    new ServiceTime.LogNormal(
                                            number(svc, "medianMs", where + ".service"),
                                            number(svc, "sigma", where + ".service"));
                            case "exponential" ->
                                    new ServiceTime.Exponential(
                                            number(svc, "meanMs", where + ".service"));
                            default ->
                                    throw new IllegalArgumentException(
                                            "unknown distribution '"
                                                    + dist
                                                    + "' (expected lognormal or exponential)");
                        };
                double memory = number(fn, "memoryMb", where);
                if (memory != Math.rint(memory)) {
                    throw new IllegalArgumentException(
                            "memoryMb must be a whole number of MB, got " + memory);
                }
                out.add(
                        new FunctionProfile(
                                name,
                                cls,
                                (int) memory,
                                number(fn, "cpuDemand", where),
                                service,
                                number(fn, "coldStartMs", where)));
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                throw new IllegalArgumentException(
                        msg.startsWith(source) ? msg : where + ": " + msg);
            }
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing string field \"" + field + "\"");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(where + ": missing numeric field \"" + field + "\"");
        }
        return v.asDouble();
    }

    /**
     * The index of the profile named {@code name}; unknown names are rejected with the valid ones.
     */
    public static int indexOf(List<FunctionProfile> profiles, String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        List<String> valid = new ArrayList<>();
        for (FunctionProfile p : profiles) {
            valid.add(p.name());
        }
        throw new IllegalArgumentException(
                "unknown function '" + name + "' (known: " + String.join(", ", valid) + ")");
    }
}
