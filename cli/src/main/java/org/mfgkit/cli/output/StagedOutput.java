package org.mfgkit.cli.output;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * An output directory that appears complete or not at all.
 *
 * <p>Everything is written into a hidden staging directory next to the target ({@code
 * PARENT/.NAME.<random>.staging}, same file system). {@link #commit()} renames it onto the target
 * in one atomic {@code rename}; {@link #close()} without a commit deletes it. So a failed run
 * leaves no result files at the target, and a previous result there stays untouched.
 *
 * <pre>{@code
 * try (StagedOutput out = StagedOutput.create(Path.of("results/sis"))) {
 *   Json.write(out.path().resolve("result.json"), result);
 *   out.commit();
 * }
 * }</pre>
 *
 * <p>An existing target is replaced only when it is empty or an earlier mfgkit result (it holds a
 * {@value #MARKER}); any other existing path is refused up front, before work starts. Replacing
 * renames the old directory aside, renames the new one in, then deletes the old one, so the target
 * is never half-written (for an instant it may be absent). When the JVM is interrupted (Ctrl-C) a
 * shutdown hook deletes the staging directory; after {@code kill -9} a hidden {@code
 * .NAME.*.staging} directory may remain next to the target, never the target itself. Parent
 * directories created for the target are removed again when nothing was committed.
 */
public final class StagedOutput implements AutoCloseable {

    /** The file that marks a directory as an mfgkit result, which a new run may replace. */
    public static final String MARKER = "result.json";

    private final Path target;
    private final Path staging;

    /** The outermost parent directory this object created, or null. */
    private final Path createdParent;

    private final Thread cleanupHook;
    private boolean committed;
    private boolean closed;

    private StagedOutput(Path target, Path staging, Path createdParent) {
        this.target = target;
        this.staging = staging;
        this.createdParent = createdParent;
        this.cleanupHook = new Thread(this::discard, "mfgkit-staging-cleanup");
    }

    /**
     * Checks that {@code target} may be (re)written and creates the staging directory.
     *
     * @throws IllegalArgumentException when the target is a file, or a non-empty directory that is
     *     not an mfgkit result
     */
    public static StagedOutput create(Path target) throws IOException {
        if (target == null || target.toString().isBlank()) {
            throw new IllegalArgumentException("output path is empty");
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IllegalArgumentException(
                    "cannot use the file-system root as output directory");
        }
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new IllegalArgumentException(
                        "output path " + target + " exists and is not a directory");
            }
            if (!isEmpty(absolute) && !Files.exists(absolute.resolve(MARKER))) {
                throw new IllegalArgumentException(
                        "output directory "
                                + target
                                + " exists and is not an mfgkit result (no "
                                + MARKER
                                + "); choose another --out or remove it");
            }
        }
        Path createdParent = null;
        Path p = parent;
        for (; p != null && !Files.exists(p); p = p.getParent()) {
            createdParent = p;
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new IllegalArgumentException(
                    "output path " + target + ": " + p + " is a file, not a directory");
        }
        Path staging =
                parent.resolve(
                        AtomicFiles.hiddenSibling(absolute.getFileName().toString(), "staging"));
        try {
            Files.createDirectories(parent);
            Files.createDirectory(staging);
        } catch (IOException e) {
            // name the user's path, never the hidden staging name
            throw new IllegalArgumentException(
                    "cannot write output directory " + target + " (" + AtomicFiles.reason(e) + ")",
                    e);
        }
        StagedOutput out = new StagedOutput(absolute, staging, createdParent);
        Runtime.getRuntime().addShutdownHook(out.cleanupHook);
        return out;
    }

    /** The staging directory: write all outputs here. */
    public Path path() {
        return staging;
    }

    /** The directory the outputs appear in after {@link #commit()} (absolute). */
    public Path target() {
        return target;
    }

    /** Moves the staged outputs onto the target atomically. */
    public synchronized void commit() throws IOException {
        if (closed || committed) {
            throw new IllegalStateException(
                    "staged output for "
                            + target
                            + " is already "
                            + (committed ? "committed" : "closed"));
        }
        Path old = null;
        if (Files.exists(target)) {
            old =
                    target.resolveSibling(
                            AtomicFiles.hiddenSibling(target.getFileName().toString(), "old"));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            deleteRecursively(old);
        }
    }

    /** Deletes the staging directory unless committed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        discard();
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    private synchronized void discard() {
        if (committed || closed) {
            return;
        }
        try {
            deleteRecursively(staging);
            for (Path p = target.getParent();
                    createdParent != null && p != null && p.startsWith(createdParent);
                    p = p.getParent()) {
                Files.delete(p);
            }
        } catch (DirectoryNotEmptyException someoneElseWroteThere) {
            // a parent we created is in use now: keep it
        } catch (IOException e) {
            System.err.println(
                    "mfgkit: warning: could not remove " + staging + ": " + e.getMessage());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes {@code root} and everything below it (symbolic links are deleted, not followed). */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e)
                            throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
