package dev.custodian.cleanup.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.backups.BackupOverrides;
import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.files.FileOverrides;
import dev.custodian.retention.control.JobRetention;
import dev.custodian.retention.control.RetentionPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanupRequestsTest {

    /** The four targets as the request sees them: name, order, section fields and the feature's own section parser. */
    private static final List<CleanupTarget> TARGETS = List.of(
            target("jobs", Set.of("completedTtl", "failedTtl", "cancelledTtl", "pendingTtl", "restoreWindow"), JobRetention::parseOverrides),
            target("events", Set.of(), section -> null),
            target("files", Set.of("tempMaxAge", "logMaxAge", "orphanGrace"), FileOverrides::parse),
            target("backups", Set.of("keepLast", "keepDaily", "keepWeekly", "keepMonthly"), BackupOverrides::parse));

    private static CleanupTarget target(String name, Set<String> fields, Function<JsonObject, Object> parser) {
        return new CleanupTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public Set<String> overrideFields() {
                return fields;
            }

            @Override
            public Object readOverrides(JsonObject section) {
                return parser.apply(section);
            }

            @Override
            public void run(CleanupContext context, TargetTally tally) {
            }
        };
    }

    private static CleanupRequests.Parsed parse(String body) {
        return CleanupRequests.parse(json(body), TARGETS);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void an_empty_request_is_a_dry_run_of_every_target_with_the_configured_policy() {
        CleanupRequests.Parsed parsed = parse("{}");

        assertThat(parsed.dryRun()).isTrue();
        assertThat(parsed.targets()).containsExactly("jobs", "events", "files", "backups");
        assertThat(parsed.overrides().byTarget()).isEmpty();
    }

    @Test
    void overrides_are_read_per_target() {
        CleanupRequests.Parsed parsed = parse(("""
                {"dryRun": false, "targets": ["jobs", "backups"],
                 "jobs": {"completedTtl": "2h", "restoreWindow": "0s"},
                 "files": {"tempMaxAge": "3d", "orphanGrace": "36500d"},
                 "backups": {"keepLast": 3, "keepDaily": 7}}"""));

        assertThat(parsed.dryRun()).isFalse();
        assertThat(parsed.targets()).containsExactly("jobs", "backups");
        RetentionPolicy.Override jobs = parsed.overrides().of("jobs", RetentionPolicy.Override.class).orElseThrow();
        assertThat(jobs.completedTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(jobs.restoreWindow()).isZero();
        assertThat(jobs.failedTtl()).isNull();
        FileOverrides files = parsed.overrides().of("files", FileOverrides.class).orElseThrow();
        assertThat(files.tempMaxAge()).isEqualTo(Duration.ofDays(3));
        assertThat(files.orphanGrace()).isEqualTo(Duration.ofDays(36500));
        assertThat(files.logMaxAge()).isNull();
        BackupOverrides backups = parsed.overrides().of("backups", BackupOverrides.class).orElseThrow();
        assertThat(backups.keepLast()).isEqualTo(3);
        assertThat(backups.keepDaily()).isEqualTo(7);
        assertThat(backups.keepWeekly()).isNull();
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
        "{\"events\": {}}",
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
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(InvalidCleanupRequestException.class)
                .hasMessageFindingMatch("dryRun|targets|target|jobs|files|backups|field");
    }
}
