package dev.custodian.files;

import dev.custodian.cleanup.control.TargetReport;
import dev.custodian.cleanup.control.TargetTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * A small data root for the sweep tests: files of a given size and age relative to a fixed {@link #NOW}. Its runs
 * take the sweep's walk relative to open directories, or, for a tree made by {@link #byPath}, the walk by path
 * that file systems without secure directory streams get.
 */
final class TestTree {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final Path root;
    final boolean byPath;

    TestTree(Path root) {
        this(root, false);
    }

    private TestTree(Path root, boolean byPath) {
        this.root = root;
        this.byPath = byPath;
    }

    static TestTree byPath(Path root) {
        return new TestTree(root, true);
    }

    /** Creates {@code relative} (and its parents) with {@code size} bytes, last modified {@code age} before now. */
    Path file(String relative, Duration age, int size) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
        return age(relative, age);
    }

    Path file(String relative, Duration age) throws IOException {
        return file(relative, age, 10);
    }

    Path dir(String relative) throws IOException {
        return Files.createDirectories(root.resolve(relative));
    }

    /** Sets the mtime of a file, directory or link itself (not its target). */
    Path age(String relative, Duration age) throws IOException {
        Path path = root.resolve(relative);
        Files.getFileAttributeView(path, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(NOW.minus(age)), null, null);
        return path;
    }

    boolean exists(String relative) {
        return Files.exists(root.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    TargetReport dryRun(Sweep sweep, FilePolicy policy) {
        return run(sweep, new FileSweep(policy, ReferenceCheck.EVERYTHING), true);
    }

    TargetReport realRun(Sweep sweep, FilePolicy policy) {
        return run(sweep, new FileSweep(policy, ReferenceCheck.EVERYTHING), false);
    }

    TargetReport run(Sweep sweep, FileSweep fileSweep, boolean dryRun) {
        TargetTally tally = new TargetTally();
        (byPath ? fileSweep.byPath() : fileSweep).run(root, sweep, NOW, dryRun, tally);
        return tally.report();
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /** Moves {@code directory} aside and puts a symbolic link to {@code target} in its place (a swap during a sweep). */
    static void swapForLink(Path directory, Path target) {
        try {
            Files.move(directory, directory.resolveSibling(directory.getFileName() + ".moved"));
            Files.createSymbolicLink(directory, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
