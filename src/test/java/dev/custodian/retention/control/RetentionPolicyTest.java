package dev.custodian.retention.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.job.entity.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final RetentionPolicy DEFAULTS = new RetentionPolicy(Duration.ofHours(24), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(3));

    @Test
    void each_status_has_its_own_cutoff() {
        assertThat(DEFAULTS.cutoff(JobStatus.COMPLETED, NOW)).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(DEFAULTS.cutoff(JobStatus.FAILED, NOW)).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(DEFAULTS.cutoff(JobStatus.PENDING, NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(DEFAULTS.purgeCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofDays(3)));
    }

    @Test
    void running_jobs_have_no_ttl_at_all() {
        assertThatThrownBy(() -> DEFAULTS.ttl(JobStatus.RUNNING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negative_durations_are_refused() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(-1), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("completed-ttl");
        assertThatThrownBy(() -> new RetentionPolicy.Override(null, null, null, null, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_type_override_replaces_only_what_it_sets_and_a_run_override_wins_over_both() {
        RetentionPolicies policies = new RetentionPolicies(DEFAULTS,
                Map.of("gzip", new RetentionPolicy.Override(Duration.ofMinutes(10), null, null, null, Duration.ZERO)));

        assertThat(policies.forType("gzip").completedTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policies.forType("gzip").failedTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(policies.forType("gzip").restoreWindow()).isZero();
        assertThat(policies.forType("echo")).isEqualTo(DEFAULTS);

        RetentionPolicies run = policies.withRunOverride(new RetentionPolicy.Override(Duration.ofHours(2), null, null, null, null));
        assertThat(run.forType("gzip").completedTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(run.forType("gzip").restoreWindow()).isZero();
        assertThat(run.forType("echo").completedTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(run.defaults().restoreWindow()).isEqualTo(Duration.ofDays(3));
    }
}
