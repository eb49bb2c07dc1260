package dev.custodian.files;

import static dev.custodian.files.TestTree.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.cleanup.control.TargetReport;
import dev.custodian.cleanup.control.TargetTally;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSweepTempTest {

    private static final FilePolicy POLICY = FilePolicy.DEFAULTS;

    @TempDir
    Path dir;

    private TestTree tree;

    @BeforeEach
    void tree() throws IOException {
        tree = treeAt(dir);
        tree.dir("temp");
    }

    /** The tree the tests run on: swept relative to open directories; a subclass takes the walk by path. */
    TestTree treeAt(Path root) {
        return new TestTree(root);
    }

    @Test
    void temp_files_older_than_the_max_age_are_deleted_whatever_their_name() throws IOException {
        tree.file("temp/upload.part", days(8), 100);
        tree.file("temp/fresh.tmp", days(6), 100);

        TargetReport report = tree.realRun(Sweep.TEMP, POLICY);

        assertThat(tree.exists("temp/upload.part")).isFalse();
        assertThat(tree.exists("temp/fresh.tmp")).isTrue();
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.bytesFreed()).isEqualTo(100);
        assertThat(report.errors()).isZero();
        assertThat(report.sample()).containsExactly("temp/upload.part temp age 8d > 7d");
    }

    @Test
    void a_file_exactly_at_the_cutoff_is_kept() throws IOException {
        tree.file("temp/edge.tmp", days(7));

        assertThat(tree.realRun(Sweep.TEMP, POLICY).matched()).isZero();
        assertThat(tree.exists("temp/edge.tmp")).isTrue();
    }

    @Test
    void a_per_run_override_of_the_max_age_applies() throws IOException {
        tree.file("temp/a.bin", Duration.ofHours(2));

        assertThat(tree.realRun(Sweep.TEMP, POLICY.withTempMaxAge(Duration.ofHours(1))).deleted()).isEqualTo(1);
    }

    @Test
    void emptied_directories_are_pruned_bottom_up_but_temp_itself_stays() throws IOException {
        tree.file("temp/a/b/c/old.tmp", days(10));
        ageDirs(days(10), "temp/a/b/c", "temp/a/b", "temp/a");

        TargetReport report = tree.realRun(Sweep.TEMP, POLICY);

        assertThat(report.sample()).containsExactly("temp/a/b/c/old.tmp temp age 10d > 7d");
        assertThat(tree.exists("temp/a")).isFalse();
        assertThat(tree.exists("temp")).isTrue();
    }

    @Test
    void directories_still_holding_files_are_kept() throws IOException {
        tree.file("temp/a/old.tmp", days(10));
        tree.file("temp/a/b/new.tmp", days(1));
        ageDirs(days(10), "temp/a/b", "temp/a");

        tree.realRun(Sweep.TEMP, POLICY);

        assertThat(tree.exists("temp/a/old.tmp")).isFalse();
        assertThat(tree.exists("temp/a/b/new.tmp")).isTrue();
    }

    @Test
    void a_recently_created_empty_directory_is_kept_for_whoever_is_about_to_fill_it() throws IOException {
        tree.dir("temp/old-empty");
        tree.dir("temp/new-empty");
        ageDirs(days(10), "temp/old-empty");
        ageDirs(Duration.ofMinutes(1), "temp/new-empty");

        tree.realRun(Sweep.TEMP, POLICY);

        assertThat(tree.exists("temp/old-empty")).isFalse();
        assertThat(tree.exists("temp/new-empty")).isTrue();
    }

    @Test
    void a_dry_run_deletes_nothing_and_prunes_nothing() throws IOException {
        tree.file("temp/a/old.tmp", days(10), 7);
        ageDirs(days(10), "temp/a");

        TargetReport report = tree.dryRun(Sweep.TEMP, POLICY);

        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.deleted()).isZero();
        assertThat(report.bytesFreed()).isZero();
        assertThat(report.bytesMatched()).isEqualTo(7);
        assertThat(tree.exists("temp/a/old.tmp")).isTrue();
    }

    @Test
    void a_dry_run_reports_the_same_matches_and_bytes_as_the_real_run_that_follows() throws IOException {
        for (int i = 0; i < 30; i++) {
            tree.file("temp/d" + (i % 4) + "/f" + i + ".bin", days(i % 2 == 0 ? 9 : 2), 100 + i);
        }

        TargetReport dry = tree.dryRun(Sweep.TEMP, POLICY);
        TargetReport real = tree.realRun(Sweep.TEMP, POLICY);

        assertThat(dry.matched()).isEqualTo(15).isEqualTo(real.matched()).isEqualTo(real.deleted());
        assertThat(dry.bytesMatched()).isEqualTo(real.bytesFreed()).isEqualTo(real.bytesMatched()).isEqualTo(1710);
        assertThat(dry.deleted()).isZero();
        assertThat(dry.bytesFreed()).isZero();
        assertThat(dry.sample()).containsExactlyInAnyOrderElementsOf(real.sample());
        assertThat(real.errors()).isZero();
    }

    @Test
    void the_sample_holds_at_most_twenty_entries_while_all_are_counted() throws IOException {
        for (int i = 0; i < 25; i++) {
            tree.file("temp/f" + i + ".tmp", days(8));
        }

        TargetReport report = tree.dryRun(Sweep.TEMP, POLICY);

        assertThat(report.matched()).isEqualTo(25);
        assertThat(report.sample()).hasSize(TargetTally.SAMPLE_SIZE).allMatch(s -> s.matches("temp/f\\d+\\.tmp temp age 8d > 7d"));
    }

    @Test
    void missing_directories_and_a_missing_root_match_nothing_without_error() {
        TestTree empty = treeAt(dir.resolve("nowhere"));
        for (Sweep sweep : Sweep.values()) {
            assertThat(empty.realRun(sweep, POLICY)).satisfies(r -> {
                assertThat(r.matched()).isZero();
                assertThat(r.errors()).isZero();
            });
            assertThat(treeAt(dir).realRun(sweep, POLICY).errors()).isZero();
        }
    }

    private void ageDirs(Duration age, String... dirs) throws IOException {
        for (String d : dirs) {
            tree.age(d, age);
        }
    }
}
