package dev.custodian.files;

import static dev.custodian.files.TestTree.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.cleanup.control.TargetReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSweepRulesTest {

    private static final FilePolicy POLICY = FilePolicy.DEFAULTS;

    @TempDir
    Path dir;

    private TestTree tree;

    @BeforeEach
    void tree() {
        tree = treeAt(dir);
    }

    /** The tree the tests run on: swept relative to open directories; a subclass takes the walk by path. */
    TestTree treeAt(Path root) {
        return new TestTree(root);
    }

    @Test
    void old_files_named_by_a_temp_pattern_are_deleted_anywhere_outside_the_owned_directories() throws IOException {
        tree.file("stray.tmp", days(8));
        tree.file("reports/2026/x.cache", days(8));
        tree.file("logs/rotate.temp", days(8));
        tree.file("reports/young.tmp", days(6));
        tree.file("reports/old.txt", days(60));

        TargetReport report = tree.realRun(Sweep.PATTERNS, POLICY);

        assertThat(report.sample()).containsExactlyInAnyOrder(
                "stray.tmp pattern, age 8d > 7d", "reports/2026/x.cache pattern, age 8d > 7d", "logs/rotate.temp pattern, age 8d > 7d");
        assertThat(tree.exists("reports/young.tmp")).isTrue();
        assertThat(tree.exists("reports/old.txt")).isTrue();
    }

    @Test
    void the_pattern_sweep_leaves_temp_input_output_backups_and_the_database_alone() throws IOException {
        for (String owned : List.of("temp", "input", "output", "backups/prod", "db")) {
            tree.file(owned + "/old.tmp", days(60));
        }

        assertThat(tree.realRun(Sweep.PATTERNS, POLICY).matched()).isZero();
        assertThat(tree.exists("backups/prod/old.tmp")).isTrue();
    }

    @Test
    void logs_older_than_the_log_age_are_deleted_but_protected_names_survive() throws IOException {
        tree.file("logs/app-2026-09-01.log", days(31));
        tree.file("logs/archive/app-2026-08-01.log.gz", days(90));
        tree.file("logs/app-2026-11-01.log", days(24));
        tree.file("logs/current.log", days(90));
        tree.file("logs/archive/custodian.current.log", days(90));

        TargetReport report = tree.realRun(Sweep.LOGS, POLICY);

        assertThat(report.sample()).containsExactlyInAnyOrder(
                "logs/app-2026-09-01.log log age 31d > 30d", "logs/archive/app-2026-08-01.log.gz log age 90d > 30d");
        assertThat(tree.exists("logs/app-2026-11-01.log")).isTrue();
        assertThat(tree.exists("logs/current.log")).isTrue();
        assertThat(tree.exists("logs/archive/custodian.current.log")).isTrue();
    }

    @Test
    void a_protected_name_is_kept_by_every_sweep() throws IOException {
        FilePolicy policy = new FilePolicy(Duration.ZERO, Duration.ZERO, List.of("*.tmp"), List.of("keep.*"), Duration.ZERO);
        List<String> kept = List.of("temp/keep.bin", "reports/keep.tmp", "logs/keep.log", "output/keep.out");
        for (String file : kept) {
            tree.file(file, days(90));
        }

        for (Sweep sweep : Sweep.values()) {
            assertThat(tree.run(sweep, new FileSweep(policy, ReferenceCheck.of(name -> false)), false).matched()).isZero();
        }

        assertThat(kept).allMatch(tree::exists);
    }

    @Test
    void a_temp_pattern_file_in_logs_is_counted_by_one_sweep_only() throws IOException {
        tree.file("logs/old.tmp", days(90));

        long dryTotal = 0;
        for (Sweep sweep : Sweep.values()) {
            dryTotal += tree.dryRun(sweep, POLICY).matched();
        }

        assertThat(dryTotal).isEqualTo(1);
        assertThat(tree.dryRun(Sweep.PATTERNS, POLICY).matched()).isEqualTo(1);
    }

    @Test
    void unreferenced_outputs_older_than_the_grace_are_deleted() throws IOException {
        tree.file("output/done.csv", days(2));
        tree.file("output/orphan.csv", days(2), 42);
        tree.file("output/writing.csv", Duration.ofMinutes(30));

        TargetReport report = orphans(ReferenceCheck.of("done.csv"::equals), false);

        assertThat(report.sample()).containsExactly("output/orphan.csv orphan, age 2d > 1h");
        assertThat(report.bytesFreed()).isEqualTo(42);
        assertThat(tree.exists("output/done.csv")).isTrue();
        assertThat(tree.exists("output/writing.csv")).isTrue();
    }

    @Test
    void the_orphan_sweep_does_not_enter_subdirectories_of_output() throws IOException {
        tree.file("output/manual/notes.txt", days(30));
        tree.age("output/manual", days(30));

        assertThat(orphans(ReferenceCheck.of(name -> false), false).matched()).isZero();
        assertThat(tree.exists("output/manual/notes.txt")).isTrue();
    }

    @Test
    void references_are_asked_in_batches_and_only_for_outputs_past_the_grace() throws IOException {
        for (int i = 0; i < ReferenceCheck.BATCH_SIZE + 10; i++) {
            tree.file("output/" + i + ".out", days(1), 1);
        }
        tree.file("output/young.out", Duration.ofMinutes(1));
        List<Integer> batches = new ArrayList<>();

        TargetReport report = orphans(names -> {
            batches.add(names.size());
            assertThat(names).doesNotContain("young.out");
            return Set.of("0.out");
        }, true);

        assertThat(batches).containsExactly(ReferenceCheck.BATCH_SIZE, 10);
        assertThat(report.matched()).isEqualTo(ReferenceCheck.BATCH_SIZE + 9);
    }

    @Test
    void the_orphan_sweep_selects_nothing_without_a_reference_check() throws IOException {
        tree.file("output/orphan.csv", days(2));

        assertThat(tree.realRun(Sweep.ORPHANS, POLICY).matched()).isZero();
    }

    private TargetReport orphans(ReferenceCheck references, boolean dryRun) {
        return tree.run(Sweep.ORPHANS, new FileSweep(POLICY, references), dryRun);
    }
}
