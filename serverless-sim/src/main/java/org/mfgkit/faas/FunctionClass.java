package org.mfgkit.faas;

import java.util.Locale;

/**
 * Resource class of a function benchmark, as 004 (Appendix E, "Serverless Workloads") groups them.
 */
public enum FunctionClass {
    /** Computation-intensive (004: Image-Resize, Image-Inference). */
    CPU,
    /** Memory-intensive (004: Base64, Markdown2HTML). */
    MEMORY,
    /** I/O-bound (004: Uploader, Compression). */
    IO,
    /** Data-intensive, CPU- and memory-heavy (004: Page-Rank, Graph-BFT, Graph-MST). */
    DATA;

    /** The JSON spelling ({@code "cpu"}, {@code "memory"}, {@code "io"}, {@code "data"}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling; unknown names are rejected with the list of valid ones. */
    public static FunctionClass parse(String name) {
        for (FunctionClass c : values()) {
            if (c.jsonName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown function class '" + name + "' (expected cpu, memory, io or data)");
    }
}
