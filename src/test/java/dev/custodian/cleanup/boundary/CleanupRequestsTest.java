package dev.custodian.cleanup.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.cleanup.control.CleanupService;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanupRequestsTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void an_empty_request_is_a_dry_run_of_every_target_with_the_configured_policy() {
        CleanupRequests.Parsed parsed = CleanupRequests.parse(json("{}"));

        assertThat(parsed.dryRun()).isTrue();
        assertThat(parsed.targets()).isEqualTo(CleanupService.TARGETS);
        assertThat(parsed.overrides().jobs().completedTtl()).isNull();
        assertThat(parsed.overrides().keepLast()).isNull();
    }

    @Test
    void overrides_are_read_per_target() {
        CleanupRequests.Parsed parsed = CleanupRequests.parse(json("""
                {"dryRun": false, "targets": ["jobs", "backups"],
                 "jobs": {"completedTtl": "2h", "restoreWindow": "0s"},
                 "files": {"tempMaxAge": "3d", "orphanGrace": "36500d"},
                 "backups": {"keepLast": 3, "keepDaily": 7}}"""));

        assertThat(parsed.dryRun()).isFalse();
        assertThat(parsed.targets()).containsExactly("jobs", "backups");
        assertThat(parsed.overrides().jobs().completedTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(parsed.overrides().jobs().restoreWindow()).isZero();
        assertThat(parsed.overrides().jobs().failedTtl()).isNull();
        assertThat(parsed.overrides().tempMaxAge()).isEqualTo(Duration.ofDays(3));
        assertThat(parsed.overrides().orphanGrace()).isEqualTo(Duration.ofDays(36500));
        assertThat(parsed.overrides().logMaxAge()).isNull();
        assertThat(parsed.overrides().keepLast()).isEqualTo(3);
        assertThat(parsed.overrides().keepDaily()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"dryRun\": \"no\"}",
        "{\"targets\": []}",
        "{\"targets\": [\"everything\"]}",
        "{\"targets\": \"jobs\"}",
        "{\"jobs\": {\"completedTtl\": \"-1h\"}}",
        "{\"files\": {\"orphanGrace\": \"-1h\"}}",
        "{\"jobs\": {\"completedTtl\": \"soon\"}}",
        "{\"jobs\": {\"completedTtl\": 3600}}",
        "{\"jobs\": {\"keepLast\": 3}}",
        "{\"jobs\": []}",
        "{\"files\": {\"tempMaxAge\": \"10s\"}}",
        "{\"backups\": {\"keepLast\": -1}}",
        "{\"backups\": {\"keepLast\": 1.5}}",
        "{\"backups\": {\"keepLast\": 0, \"keepDaily\": 0, \"keepWeekly\": 0, \"keepMonthly\": 0}}",
        "{\"everything\": true}",
        "{\"backups\": {\"keepLast\": 18446744073709551616}}",
        "{\"backups\": {\"keepLast\": 4294967297}}",
        "{\"jobs\": {\"completedTtl\": \"999999999999d\"}}",
        "{\"jobs\": {\"restoreWindow\": \"99999999d\"}}",
        "{\"files\": {\"tempMaxAge\": \"999999999999d\"}}",
        "{\"files\": {\"logMaxAge\": \"99999999d\"}}",
        "[]",
        "null",
        "[true]"
    })
    void bad_requests_are_refused_naming_what_is_wrong(String body) {
        assertThatThrownBy(() -> CleanupRequests.parse(json(body)))
                .isInstanceOf(InvalidCleanupRequestException.class)
                .hasMessageFindingMatch("dryRun|targets|target|jobs|files|backups|field");
    }
}
