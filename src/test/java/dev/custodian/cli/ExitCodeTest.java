package dev.custodian.cli;

import static dev.custodian.cli.TableTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void http_errors_map_to_the_documented_codes() {
        assertThat(ExitCode.forStatus(200, true)).isEqualTo(0);
        assertThat(ExitCode.forStatus(400, false)).isEqualTo(2);
        assertThat(ExitCode.forStatus(401, false)).isEqualTo(4);
        assertThat(ExitCode.forStatus(403, true)).isEqualTo(4);
        assertThat(ExitCode.forStatus(404, false)).isEqualTo(1);
        assertThat(ExitCode.forStatus(500, true)).isEqualTo(1);
    }

    @Test
    void an_expired_plan_is_refused() {
        assertThat(ExitCode.forStatus(410, true)).isEqualTo(4);
        assertThat(Failures.of(410, "the plan expired", "ops", "start a cleanup run", true).exitCode()).isEqualTo(4);
    }

    @Test
    void a_409_is_another_run_active_only_when_a_cleanup_run_was_asked_for() {
        assertThat(ExitCode.forStatus(409, true)).isEqualTo(5);
        assertThat(ExitCode.forStatus(409, false)).isEqualTo(1);
    }

    @Test
    void a_run_with_target_errors_is_partial_a_failed_run_is_failed() {
        assertThat(ExitCode.forRun(json("{\"status\": \"SUCCEEDED\", \"targets\": {\"jobs\": {\"errors\": 0}}}"))).isEqualTo(0);
        assertThat(ExitCode.forRun(json("{\"status\": \"SUCCEEDED\", \"targets\": {\"jobs\": {\"errors\": 0}, \"files\": {\"errors\": 2}}}")))
                .isEqualTo(3);
        assertThat(ExitCode.forRun(json("{\"status\": \"FAILED\", \"targets\": {}}"))).isEqualTo(1);
    }

    @Test
    void failures_name_the_cause_and_the_fix_and_never_a_password() {
        assertThat(Failures.of(401, "", "ops", "start a cleanup run", true).getMessage())
                .contains("credentials of ops", "CUSTODIAN_PASSWORD", "--password-file");
        assertThat(Failures.of(403, "", "alice", "start a cleanup run", true).getMessage())
                .isEqualTo("alice may not start a cleanup run (403): this needs a user with the admin role");
        CliException busy = Failures.of(409, "run 42 holds the lock", "ops", "start a cleanup run", true);
        assertThat(busy.exitCode()).isEqualTo(5);
        assertThat(busy.getMessage()).contains("another cleanup run is active", "run 42 holds the lock", "try again");
        assertThat(Failures.unreachable("http://localhost:1", new java.net.ConnectException("Connection refused")).getMessage())
                .contains("cannot reach the server at http://localhost:1", "Connection refused", "CUSTODIAN_URL");
    }
}
