package dev.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columns_are_as_wide_as_their_widest_cell_names_left_numbers_right_without_trailing_spaces() {
        String table = new Table(1, "TARGET", "MATCHED", "SIZE").row("jobs", 120, "50.0 MiB").row("files", 3, "").render();

        assertThat(table).isEqualTo("""
                TARGET  MATCHED      SIZE
                jobs        120  50.0 MiB
                files         3
                """);
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_a_bug() {
        assertThatThrownBy(() -> new Table(1, "A", "B").row("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_run_report_is_a_table_per_target_with_a_total_and_lists_what_went() {
        JsonObject run = json("""
                {"id": "3f1c", "trigger": "api", "principal": "ops", "dryRun": false, "status": "SUCCEEDED",
                 "startedAt": "2026-03-01T10:00:00Z", "finishedAt": "2026-03-01T10:00:01.500Z",
                 "targets": {"jobs": {"matched": 25, "deleted": 25, "bytesFreed": 52428800, "errors": 0, "durationMs": 41,
                                      "sample": ["a1", "a2"]},
                             "files": {"matched": 1, "deleted": 0, "bytesFreed": 0, "errors": 1, "durationMs": 1234,
                                       "sample": ["temp/x.bin (age)"]}}}""");

        String text = RunReport.render(run);

        assertThat(text).startsWith("Cleanup run 3f1c: SUCCEEDED in 1.5 s, by ops\n");
        assertThat(text).contains("""
                TARGET  MATCHED  DELETED      SIZE  ERRORS   TOOK
                jobs         25       25  50.0 MiB       0  41 ms
                files         1        0       0 B       1  1.2 s
                total        26       25  50.0 MiB       1
                """);
        assertThat(text).contains("Deleted (jobs):\n  a1\n  a2\n  … and 23 more (the report lists the first 2)\n");
        assertThat(text).contains("Deleted (files):\n  temp/x.bin (age)\n");
        assertThat(text).doesNotContain("dry run");
    }

    @Test
    void a_dry_run_report_says_would_delete_and_that_nothing_changed() {
        String text = RunReport.render(json("""
                {"id": "9", "dryRun": true, "status": "SUCCEEDED", "targets": {"files": {"matched": 1, "deleted": 0,
                 "bytesFreed": 2048, "errors": 0, "durationMs": 3, "sample": ["temp/old.bin (age)"]}}}"""));

        assertThat(text).startsWith("Dry run 9: SUCCEEDED\n");
        assertThat(text).contains("Would delete (files):\n  temp/old.bin (age)\n");
        assertThat(text).contains("Nothing was changed (dry run)", "custodian plan apply 9\n");
    }

    @Test
    void an_apply_run_names_its_plan_and_counts_what_it_skipped() {
        String text = RunReport.render(json("""
                {"id": "7", "planId": "9", "dryRun": false, "status": "SUCCEEDED", "targets": {"files": {"matched": 1,
                 "deleted": 1, "skipped": 2, "bytesFreed": 2048, "errors": 0, "durationMs": 3,
                 "sample": ["temp/old.bin temp age 9d > 7d", "temp/x.bin skipped: already gone"]}}}"""));

        assertThat(text).startsWith("Cleanup run 7 (applying the plan of 9): SUCCEEDED\n");
        assertThat(text).contains("TARGET  MATCHED  DELETED  SKIPPED", "files         1        1        2  2.0 KiB",
                "  temp/x.bin skipped: already gone\n");
    }

    @Test
    void a_dry_run_shows_the_bytes_it_would_free_not_the_zero_it_freed() {
        String text = RunReport.table(json("""
                {"id": "9", "dryRun": true, "status": "SUCCEEDED", "targets": {"files": {"matched": 3, "deleted": 0,
                 "bytesMatched": 420045, "bytesFreed": 0, "errors": 0, "durationMs": 14}}}"""));

        assertThat(text).contains("files         3        0  410.2 KiB");
        assertThat(text).contains("total         3        0  410.2 KiB");
    }

    @Test
    void the_progress_line_shows_the_run_its_time_and_each_target_reported_so_far() {
        JsonObject running = json("""
                {"id": "0123456789abcdef", "status": "RUNNING",
                 "targets": {"jobs": {"phase": "purging", "matched": 1500, "bytesFreed": 3145728}}}""");

        assertThat(Progress.line(running, 12_300)).isEqualTo("cleanup 01234567 running, 12.3 s | jobs purging 1500 matched, 3.0 MiB");
        assertThat(Progress.line(json("{\"id\": \"ab\", \"targets\": {}}"), 500)).isEqualTo("cleanup ab running, 500 ms");
    }

    @Test
    void the_progress_line_shows_targets_not_started_yet_as_pending_without_counts() {
        JsonObject running = json("""
                {"id": "0123456789abcdef", "status": "RUNNING",
                 "targets": {"jobs": {"phase": "done", "matched": 10, "bytesFreed": 0},
                             "files": {"phase": "sweeping", "matched": 2, "bytesFreed": 2048},
                             "backups": {"phase": "pending", "matched": 0, "bytesFreed": 0}}}""");

        assertThat(Progress.line(running, 2_000)).isEqualTo(
                "cleanup 01234567 running, 2.0 s | jobs done 10 matched, 0 B | files sweeping 2 matched, 2.0 KiB | backups pending");
    }

    @Test
    void backups_forget_lists_what_it_keeps_with_the_rules_and_what_it_removes_like_restic() {
        JsonObject run = json("""
                {"id": "r1", "dryRun": true, "status": "SUCCEEDED", "targets": {"backups": {"matched": 3, "deleted": 0,
                 "bytesFreed": 0, "bytesMatched": 3072, "errors": 0, "durationMs": 2,
                 "sample": ["backups/prod/a.dump bucket keep-last 1", "backups/prod/b.dump bucket keep-last 1",
                            "backups/prod/d.dump (kept by keep-last 1, daily 2026-12-01)", "backups/prod/c.dump (compress)"]}}}""");

        String text = BackupsCommand.describe(run, "prod");

        assertThat(text).contains("Dry run r1, environment prod: nothing was removed.\n")
                .contains("keep 1 backup:\n  d.dump  keep-last 1, daily 2026-12-01\n  c.dump (compress)\n")
                .contains("would remove 3 backups, 3.0 KiB:\n  a.dump bucket keep-last 1\n  b.dump bucket keep-last 1\n")
                .contains("... and 1 more not listed");
    }

    @Test
    void backups_forget_asks_for_a_run_limited_to_its_environment() {
        JsonObject body = BackupsCommand.request(new CleanupRequest(false, null, false, false, java.util.List.of("backups"),
                java.util.Map.of(), java.util.Map.of("--keep-last", 2)), "qa");

        assertThat(body.toString()).isEqualTo(
                "{\"dryRun\":false,\"targets\":[\"backups\"],\"backups\":{\"keepLast\":2,\"environment\":\"qa\"}}");
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
