package org.mfgkit.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {

    @TempDir Path dir;

    @Test
    void commitMovesEverythingAtOnce() throws IOException {
        Path target = dir.resolve("a/b/out");
        try (StagedOutput out = StagedOutput.create(target)) {
            Files.writeString(out.path().resolve(StagedOutput.MARKER), "{}");
            Files.createDirectories(out.path().resolve("sub"));
            Files.writeString(out.path().resolve("sub/x.txt"), "x");
            assertTrue(Files.notExists(target));
            out.commit();
        }
        assertEquals("x", Files.readString(target.resolve("sub/x.txt")));
        assertEquals(List.of("out"), names(target.getParent()));
    }

    @Test
    void closeWithoutCommitRemovesStagingAndCreatedParents() throws IOException {
        Path target = dir.resolve("a/b/out");
        try (StagedOutput out = StagedOutput.create(target)) {
            Files.writeString(out.path().resolve("partial.csv"), "1,2");
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void replacesAnEarlierResultButNotOtherDirectories() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve(StagedOutput.MARKER), "old");
        Files.writeString(target.resolve("stale.png"), "old");
        try (StagedOutput out = StagedOutput.create(target)) {
            Files.writeString(out.path().resolve(StagedOutput.MARKER), "new");
            out.commit();
        }
        assertEquals(List.of(StagedOutput.MARKER), names(target));
        assertEquals("new", Files.readString(target.resolve(StagedOutput.MARKER)));
        assertEquals(List.of("out"), names(dir));

        Path other = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(other.resolve("notes.txt"), "keep");
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.create(other));
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThrows(IllegalArgumentException.class, () -> StagedOutput.create(file));
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pathProblemsNameTheUsersPath() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        IllegalArgumentException underFile =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StagedOutput.create(file.resolve("sub")));
        assertEquals(
                "output path " + file.resolve("sub") + ": " + file + " is a file, not a directory",
                underFile.getMessage());
        assertEquals(
                "output path is empty",
                assertThrows(IllegalArgumentException.class, () -> StagedOutput.create(Path.of("")))
                        .getMessage());
        Path proc = Path.of("/proc/mfgkit-no-such-dir");
        IllegalArgumentException unwritable =
                assertThrows(IllegalArgumentException.class, () -> StagedOutput.create(proc));
        assertTrue(
                unwritable.getMessage().startsWith("cannot write output directory " + proc + " ("),
                unwritable.getMessage());
        assertEquals(List.of("file"), names(dir), "nothing left behind");
    }

    @Test
    void singleFilesRefuseDirectoriesAndFileParents() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path existingDir = Files.createDirectories(dir.resolve("d"));
        assertEquals(
                "output file " + existingDir + " is an existing directory; name a file",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AtomicFiles.write(existingDir, o -> o.write(1)))
                        .getMessage());
        assertEquals(
                "output file "
                        + file.resolve("t.csv")
                        + ": "
                        + file
                        + " is a file, not a directory",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AtomicFiles.write(file.resolve("t.csv"), o -> o.write(1)))
                        .getMessage());
        assertEquals("x", Files.readString(file));
        assertEquals(List.of("d", "file"), names(dir));
    }
}
