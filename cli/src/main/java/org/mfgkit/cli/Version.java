package org.mfgkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The mfgkit version, from {@code mfgkit-version.properties} (filled in by Maven). */
public final class Version implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/mfgkit-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "mfgkit " + get(),
            "Java "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("java.vm.name")
                    + ")",
        };
    }
}
