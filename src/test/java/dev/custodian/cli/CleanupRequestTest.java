package dev.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of {@code custodian cleanup} against the request body they send. */
class CleanupRequestTest {

    private static String body(String... args) {
        CleanupCommand command = new CleanupCommand();
        new CommandLine(command).parseArgs(args);
        return command.request().toJson().toString();
    }

    @Test
    void no_options_is_a_real_run_of_every_target_with_the_configured_policy() {
        assertThat(body()).isEqualTo("{\"dryRun\":false}");
    }

    @Test
    void days_set_every_age_of_every_target_but_the_pending_ttl_and_the_restore_window() {
        assertThat(body("--dry-run", "--days", "7")).isEqualTo("{\"dryRun\":true,"
                + "\"jobs\":{\"completedTtl\":\"7d\",\"failedTtl\":\"7d\",\"cancelledTtl\":\"7d\"},"
                + "\"files\":{\"tempMaxAge\":\"7d\",\"logMaxAge\":\"7d\"}}");
    }

    @Test
    void temp_only_is_the_files_target_leaving_logs_and_outputs_alone() {
        assertThat(body("--temp-only", "--older-than", "3d")).isEqualTo("{\"dryRun\":false,\"targets\":[\"files\"],"
                + "\"files\":{\"tempMaxAge\":\"3d\",\"logMaxAge\":\"36500d\",\"orphanGrace\":\"36500d\"}}");
    }

    @Test
    void jobs_only_with_an_age_and_an_explicit_override_which_wins() {
        assertThat(body("--jobs-only", "--older-than", "30d", "--failed-ttl", "1h", "--restore-window", "0s"))
                .isEqualTo("{\"dryRun\":false,\"targets\":[\"jobs\"],"
                        + "\"jobs\":{\"completedTtl\":\"30d\",\"failedTtl\":\"1h\",\"cancelledTtl\":\"30d\",\"restoreWindow\":\"0s\"}}");
    }

    @Test
    void targets_are_named_repeated_or_comma_separated_in_the_apis_order_with_their_overrides() {
        assertThat(body("--target", "backups,files", "--target", "events", "--keep-last", "3", "--temp-max-age", "2d"))
                .isEqualTo("{\"dryRun\":false,\"targets\":[\"events\",\"files\",\"backups\"],"
                        + "\"files\":{\"tempMaxAge\":\"2d\"},\"backups\":{\"keepLast\":3}}");
    }

    @Test
    void contradictions_and_bad_values_are_usage_errors_before_anything_is_sent() {
        for (String[] args : new String[][] {
                {"--temp-only", "--jobs-only"},
                {"--jobs-only", "--target", "files"},
                {"--days", "7", "--older-than", "7d"},
                {"--target", "everything"},
                {"--jobs-only", "--keep-last", "3"},
                {"--temp-only", "--log-max-age", "1d"},
                {"--older-than", "a week"},
                {"--days", "-1"},
                {"--target", "backups", "--keep-daily", "-2"}}) {
            assertThatThrownBy(() -> body(args)).as(String.join(" ", args))
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        }
    }

    @Test
    void an_unknown_option_is_exit_code_2_from_the_command_line_itself() {
        assertThat(Main.run("cleanup", "--everything")).isEqualTo(2);
        assertThat(Main.run("cleanup", "--temp-only", "--jobs-only")).isEqualTo(2);
        assertThat(Main.run("--help")).isZero();
    }
}
