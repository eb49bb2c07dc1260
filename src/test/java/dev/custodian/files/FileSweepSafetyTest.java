package dev.custodian.files;

import static dev.custodian.files.TestTree.days;
import static dev.custodian.files.TestTree.swapForLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.custodian.cleanup.control.TargetReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSweepSafetyTest {

    private static final FilePolicy POLICY = FilePolicy.DEFAULTS;

    @TempDir
    Path dir;

    TestTree tree;
    private TestTree outside;

    @BeforeEach
    void trees() throws IOException {
        tree = treeAt(Files.createDirectories(dir.resolve("root")));
        outside = treeAt(Files.createDirectories(dir.resolve("outside")));
        tree.dir("temp");
    }

    /** The tree the tests run on: swept relative to open directories; a subclass takes the walk by path. */
    TestTree treeAt(Path root) {
        return new TestTree(root);
    }

    @Test
    void a_link_to_a_file_outside_the_root_is_neither_followed_nor_deleted() throws IOException {
        Path victim = outside.file("victim.tmp", days(90));
        Files.createSymbolicLink(tree.root.resolve("temp/link.tmp"), victim);
        Files.createSymbolicLink(tree.root.resolve("link.tmp"), victim);
        tree.age("temp/link.tmp", days(90));

        assertThat(tree.realRun(Sweep.TEMP, POLICY).matched()).isZero();
        assertThat(tree.realRun(Sweep.PATTERNS, POLICY).matched()).isZero();

        assertThat(victim).exists();
        assertThat(tree.exists("temp/link.tmp")).isTrue();
    }

    @Test
    void a_link_to_a_directory_outside_the_root_is_not_descended() throws IOException {
        outside.file("docs/old.tmp", days(90));
        Files.createSymbolicLink(tree.root.resolve("temp/docs"), outside.root.resolve("docs"));
        Files.createSymbolicLink(tree.root.resolve("docs"), outside.root.resolve("docs"));

        assertThat(tree.realRun(Sweep.TEMP, POLICY).matched()).isZero();
        assertThat(tree.realRun(Sweep.PATTERNS, POLICY).matched()).isZero();

        assertThat(outside.exists("docs/old.tmp")).isTrue();
    }

    @Test
    void a_link_to_a_directory_inside_the_root_is_not_descended() throws IOException {
        tree.file("logs/app.log", days(20));
        Files.createSymbolicLink(tree.root.resolve("temp/logs"), tree.root.resolve("logs"));

        assertThat(tree.realRun(Sweep.TEMP, POLICY).matched()).isZero();

        assertThat(tree.exists("logs/app.log")).isTrue();
        assertThat(tree.exists("temp/logs")).isTrue();
    }

    @Test
    void a_dangling_link_is_skipped() throws IOException {
        Files.createSymbolicLink(tree.root.resolve("temp/dangling.tmp"), dir.resolve("gone"));
        tree.age("temp/dangling.tmp", days(90));

        TargetReport report = tree.realRun(Sweep.TEMP, POLICY);

        assertThat(report.matched()).isZero();
        assertThat(report.errors()).isZero();
        assertThat(tree.exists("temp/dangling.tmp")).isTrue();
    }

    @Test
    void a_swept_directory_that_is_a_link_is_an_error_and_is_not_entered() throws IOException {
        outside.file("elsewhere/old.bin", days(90));
        Files.delete(tree.root.resolve("temp"));
        Files.createSymbolicLink(tree.root.resolve("temp"), outside.root.resolve("elsewhere"));

        TargetReport report = tree.realRun(Sweep.TEMP, POLICY);

        assertThat(report.matched()).isZero();
        assertThat(report.errors()).isEqualTo(1);
        assertThat(outside.exists("elsewhere/old.bin")).isTrue();
    }

    @Test
    void a_data_root_reached_through_a_link_is_swept_at_its_real_path() throws IOException {
        tree.file("temp/old.bin", days(90));
        TestTree viaLink = treeAt(Files.createSymbolicLink(dir.resolve("root-link"), tree.root));

        TargetReport report = viaLink.realRun(Sweep.TEMP, POLICY);

        assertThat(report.sample()).containsExactly("temp/old.bin temp age 90d > 7d");
        assertThat(tree.exists("temp/old.bin")).isFalse();
        assertThat(Files.isSymbolicLink(dir.resolve("root-link"))).isTrue();
    }

    @Test
    void an_unreadable_directory_is_an_error_and_the_walk_goes_on() throws IOException {
        tree.file("temp/locked/old.bin", days(90));
        tree.file("temp/open/old.bin", days(90));
        Path locked = tree.root.resolve("temp/locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running as root: permissions do not apply");

            TargetReport report = tree.realRun(Sweep.TEMP, POLICY);

            assertThat(report.errors()).isEqualTo(1);
            assertThat(report.sample()).containsExactly("temp/open/old.bin temp age 90d > 7d");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void a_file_that_may_not_be_deleted_is_an_error_and_the_walk_goes_on() throws IOException {
        tree.file("temp/sealed/old.bin", days(90));
        tree.file("temp/open/old.bin", days(90));
        Path sealed = tree.root.resolve("temp/sealed");
        Files.setPosixFilePermissions(sealed, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(sealed), "running as root: permissions do not apply");

            TargetReport report = tree.realRun(Sweep.TEMP, POLICY);

            assertThat(report.matched()).isEqualTo(2);
            assertThat(report.deleted()).isEqualTo(1);
            assertThat(report.errors()).isEqualTo(1);
            assertThat(tree.exists("temp/sealed/old.bin")).isTrue();
            assertThat(tree.exists("temp/open/old.bin")).isFalse();
        } finally {
            Files.setPosixFilePermissions(sealed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void a_file_that_vanishes_before_its_deletion_is_an_error_and_the_others_are_still_deleted() throws IOException {
        tree.file("output/a.out", days(2));
        tree.file("output/b.out", days(2));

        TargetReport report = tree.run(Sweep.ORPHANS, new FileSweep(POLICY, names -> {
            delete(tree.root.resolve("output/a.out"));
            return Set.of();
        }), false);

        assertThat(report.matched()).isEqualTo(2);
        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(tree.exists("output/b.out")).isFalse();
    }

    @Test
    void a_directory_swapped_for_a_link_during_the_sweep_protects_the_link_target() throws IOException {
        tree.file("output/a.out", days(2));
        Path target = outside.file("a.out", days(2));

        TargetReport report = tree.run(Sweep.ORPHANS, new FileSweep(POLICY, names -> {
            swapForLink(tree.root.resolve("output"), outside.root);
            return Set.of();
        }), false);

        assertThat(target).exists();
        assertDeletedInTheDirectoryTheWalkRead(report, "output.moved/a.out");
    }

    @Test
    void a_file_replaced_while_its_deletion_waits_for_the_reference_check_is_an_error_and_is_kept()
            throws IOException {
        tree.file("output/a.out", days(2));

        TargetReport report = tree.run(Sweep.ORPHANS, new FileSweep(POLICY, names -> {
            replace(tree.root.resolve("output/a.out"));
            return Set.of();
        }), false);

        assertThat(report.deleted()).isZero();
        assertThat(report.errors()).isEqualTo(1);
        assertThat(tree.exists("output/a.out")).isTrue();
    }

    @Test
    void a_link_to_a_file_inside_the_root_is_neither_followed_nor_deleted() throws IOException {
        Path log = tree.file("logs/old.log", days(90));
        Files.createSymbolicLink(tree.root.resolve("temp/old.log"), log);
        tree.age("temp/old.log", days(90));

        assertThat(tree.realRun(Sweep.TEMP, POLICY).matched()).isZero();

        assertThat(tree.exists("temp/old.log")).isTrue();
        assertThat(log).exists();
    }

    /**
     * The walk relative to open directories deletes the file it read, in the directory it read it in (the
     * original, moved aside), never through the link put in its place.
     */
    void assertDeletedInTheDirectoryTheWalkRead(TargetReport report, String movedFile) {
        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.errors()).isZero();
        assertThat(tree.exists(movedFile)).isFalse();
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts another file in its place, as a writer renaming a new file over it would. */
    private static void replace(Path file) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, new byte[1]);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
