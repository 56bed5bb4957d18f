package org.mfgkit.cli;

import java.util.List;

/**
 * One section of {@code mfgkit list}: a heading and named entries.
 *
 * @param key JSON key of the section in {@code list --json}, snake_case (e.g. {@code
 *     "environments"})
 * @param title heading in the human listing
 * @param entries what exists, in display order
 */
public record ListSection(String key, String title, List<Entry> entries) {

    /** Validates; names the offending field. */
    public ListSection {
        if (key == null || !key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "list section key must be snake_case, got \"" + key + "\"");
        }
        if (title == null || entries == null) {
            throw new IllegalArgumentException(
                    "list section \"" + key + "\": title and entries must not be null");
        }
        entries = List.copyOf(entries);
    }

    /**
     * One listed thing.
     *
     * @param name what to type on the command line or in a config
     * @param description one line
     */
    public record Entry(String name, String description) {}
}
