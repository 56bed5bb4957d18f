package org.mfgkit.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes single files so that a reader never sees a half-written one: the content goes to a hidden
 * temporary sibling ({@code .NAME.<random>.tmp}) which is renamed onto the target only after it was
 * written completely. On failure, and on Ctrl-C (a shutdown hook), the temporary file is removed
 * and an existing target is untouched.
 */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Body {
        /** Writes the whole content to {@code out} (which the caller closes). */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} atomically, creating missing parent directories.
     *
     * @return {@code target}
     */
    public static Path write(Path target, Body body) throws IOException {
        if (target == null || target.toString().isBlank()) {
            throw new IllegalArgumentException("output file path is empty");
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(
                    "output file " + target + " is an existing directory; name a file");
        }
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new IllegalArgumentException(
                    "output file " + target + ": " + p + " is a file, not a directory");
        }
        Path tmp = dir.resolve(hiddenSibling(absolute.getFileName().toString(), "tmp"));
        OutputStream raw;
        try {
            Files.createDirectories(dir);
            raw = Files.newOutputStream(tmp);
        } catch (IOException e) {
            // name the user's path, never the hidden temporary name
            throw new IllegalArgumentException(
                    "cannot write output file " + target + " (" + reason(e) + ")", e);
        }
        // Ctrl-C during a long write (faas trace --rows 100000000): the hidden file goes too
        Thread cleanup =
                new Thread(
                        () -> {
                            try {
                                Files.deleteIfExists(tmp);
                            } catch (IOException ignored) {
                                // best effort at exit
                            }
                        },
                        "mfgkit-tmp-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            try (OutputStream out = new BufferedOutputStream(raw)) {
                body.writeTo(out);
            }
            move(tmp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        return target;
    }

    /** Renames {@code from} onto {@code to} atomically where the file system allows it. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why a file operation failed, in words that do not repeat a (hidden) path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName();
    }

    /** A fresh hidden name next to {@code name}: {@code .NAME.<8 hex digits>.SUFFIX}. */
    static String hiddenSibling(String name, String suffix) {
        String random = UUID.randomUUID().toString().substring(0, 8);
        return "." + name + "." + random + "." + suffix;
    }
}
