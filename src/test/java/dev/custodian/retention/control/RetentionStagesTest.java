package dev.custodian.retention.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.job.entity.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionStagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);
    private static final RetentionPolicy DEFAULTS = new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(3));
    private static final RetentionPolicy.Override NO_WINDOW = new RetentionPolicy.Override(null, null, null, null, Duration.ZERO);

    @Test
    void with_a_restore_window_visible_jobs_are_soft_deleted_and_soft_deleted_ones_purged_after_it() {
        List<RetentionStages.Stage> stages = RetentionStages.of(new RetentionPolicies(DEFAULTS, Map.of()), CLOCK.instant());

        assertThat(stages).extracting(s -> s.due().purge(), RetentionStages.Stage::purge).containsExactly(
                tuple(false, false), tuple(false, false),
                tuple(false, false), tuple(false, false),
                tuple(true, true));
        assertThat(stages.get(0).due()).isEqualTo(Due.softDelete(JobStatus.COMPLETED, CLOCK.instant().minus(Duration.ofDays(1)),
                TypeScope.allExcept(java.util.Set.of())));
        assertThat(stages.get(4).due().cutoff()).isEqualTo(CLOCK.instant().minus(Duration.ofDays(3)));
    }

    @Test
    void a_zero_restore_window_for_the_run_purges_visible_jobs_past_their_ttl_in_one_stage() {
        RetentionPolicies policies = new RetentionPolicies(DEFAULTS, Map.of()).withRunOverride(NO_WINDOW);

        List<RetentionStages.Stage> stages = RetentionStages.of(policies, CLOCK.instant());

        assertThat(stages).hasSize(5).allMatch(RetentionStages.Stage::purge);
        assertThat(stages.subList(0, 4)).extracting(s -> s.due().status())
                .containsExactly(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.PENDING);
        assertThat(stages.subList(0, 4)).as("the selection of stage one, never the soft-deleted one").noneMatch(s -> s.due().purge());
        assertThat(stages.get(1).due().cutoff()).as("the TTL still decides").isEqualTo(CLOCK.instant().minus(Duration.ofDays(2)));
        assertThat(stages.get(4).due()).as("jobs soft-deleted by earlier runs")
                .isEqualTo(Due.purge(CLOCK.instant(), TypeScope.allExcept(java.util.Set.of())));
    }

    @Test
    void a_zero_restore_window_of_one_type_purges_that_type_at_once_and_soft_deletes_the_others() {
        RetentionPolicies policies = new RetentionPolicies(DEFAULTS, Map.of("report", NO_WINDOW));

        List<RetentionStages.Stage> stages = RetentionStages.of(policies, CLOCK.instant());

        assertThat(stages).filteredOn(s -> !s.due().purge()).hasSize(8).allSatisfy(s ->
                assertThat(s.purge()).as(s.toString()).isEqualTo(s.due().scope().equals(TypeScope.only("report"))));
        assertThat(stages).filteredOn(s -> s.due().purge()).extracting(s -> s.due().scope())
                .containsExactly(TypeScope.allExcept(java.util.Set.of("report")), TypeScope.only("report"));
    }

    @Test
    void running_jobs_are_in_no_stage() {
        RetentionPolicies policies = new RetentionPolicies(DEFAULTS, Map.of("report", NO_WINDOW)).withRunOverride(NO_WINDOW);

        assertThat(RetentionStages.of(policies, CLOCK.instant())).extracting(s -> s.due().status()).doesNotContain(JobStatus.RUNNING);
    }
}
