package dev.custodian.files;

import static dev.custodian.files.TestTree.days;
import static dev.custodian.files.TestTree.swapForLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.custodian.cleanup.control.TargetReport;
import dev.custodian.cleanup.control.TargetTally;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk relative to open directories, where the file system has them (Linux). */
class DirectoryWalkTest {

    @TempDir
    Path dir;

    private TestTree tree;
    private TestTree outside;

    @BeforeEach
    void trees() throws IOException {
        tree = new TestTree(Files.createDirectories(dir.resolve("root")));
        outside = new TestTree(Files.createDirectories(dir.resolve("outside")));
        tree.dir("temp");
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            assumeTrue(stream instanceof SecureDirectoryStream, "no secure directory streams on this file system");
        }
    }

    @Test
    void a_directory_replaced_by_a_link_before_the_walk_reaches_it_is_not_entered() throws IOException {
        tree.file("temp/a/old.bin", days(90));
        tree.file("temp/b/old.bin", days(90));
        Path victim = outside.file("old.bin", days(90));
        List<String> seen = new ArrayList<>();
        TargetTally tally = new TargetTally();
        Disposal disposal = new Disposal(tree.root, tree.root.resolve("temp"), false, tally, false);

        // on the first file, whichever directory the walk is not in yet becomes a link to outside the root
        walk(candidate -> {
            String in = candidate.path().getParent().getFileName().toString();
            if (seen.isEmpty()) {
                swapForLink(tree.root.resolve("temp").resolve(in.equals("a") ? "b" : "a"), outside.root);
            }
            seen.add(in);
            disposal.accept(candidate);
        }, disposal);

        assertThat(seen).hasSize(1);
        assertThat(tally.report().deleted()).isEqualTo(1);
        assertThat(victim).exists();
    }

    @Test
    void a_deep_tree_is_walked_and_pruned_bottom_up_with_every_directory_closed() throws IOException {
        StringBuilder deep = new StringBuilder("temp");
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            deep.append("/d").append(i);
            levels.add(deep.toString());
        }
        tree.file(deep + "/old.bin", days(90));
        tree.file("temp/d0/new.bin", days(1));
        for (String level : levels) {
            tree.age(level, days(90));
        }
        long descriptors = openDescriptors();

        TargetReport report = tree.realRun(Sweep.TEMP, FilePolicy.DEFAULTS);

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.errors()).isZero();
        assertThat(tree.exists("temp/d0/d1")).isFalse();
        assertThat(tree.exists("temp/d0/new.bin")).isTrue();
        assertThat(openDescriptors()).isEqualTo(descriptors);
    }

    @Test
    void the_orphan_sweep_looks_at_its_own_entries_only() throws IOException {
        tree.file("output/a.out", days(2));
        tree.file("output/sub/b.out", days(2));

        TargetReport report = tree.run(Sweep.ORPHANS, new FileSweep(FilePolicy.DEFAULTS, names -> Set.of()), false);

        assertThat(report.sample()).containsExactly("output/a.out orphan, age 2d > 1h");
        assertThat(tree.exists("output/sub/b.out")).isTrue();
    }

    @Test
    void a_file_put_where_the_swept_directory_was_is_an_error() throws IOException {
        Files.delete(tree.root.resolve("temp"));
        tree.file("temp", days(90));

        TargetReport report = tree.realRun(Sweep.TEMP, FilePolicy.DEFAULTS);

        assertThat(report.errors()).isEqualTo(1);
        assertThat(tree.exists("temp")).isTrue();
    }

    private void walk(CandidateSink sink, Disposal disposal) throws IOException {
        Selector oldEnough = (name, modified) -> "age";
        try (SecureDirectoryStream<Path> start =
                (SecureDirectoryStream<Path>) Files.newDirectoryStream(tree.root.resolve("temp"))) {
            new DirectoryWalk(Set.of(), Integer.MAX_VALUE, oldEnough, null, sink, disposal)
                    .walk(start, tree.root.resolve("temp"));
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
