package dev.custodian.job.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static Job pending(int maxAttempts) {
        return Job.submit(UUID.randomUUID(), "echo", "{}", maxAttempts, 60, "alice", null, T0);
    }

    private static Job running() {
        Job job = pending(3);
        job.start("node-a", T0.plusSeconds(1), T0.plusSeconds(61));
        return job;
    }

    @Test
    void starting_takes_a_lease_and_counts_the_attempt() {
        Job job = pending(3);

        JobEvent event = job.start("node-a", T0.plusSeconds(1), T0.plusSeconds(61));

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.workerId()).isEqualTo("node-a");
        assertThat(job.leaseExpiresAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(job.isHeldBy("node-a")).isTrue();
        assertThat(job.isHeldBy("node-b")).isFalse();
        assertThat(event.type()).isEqualTo(JobEventType.STARTED);
        assertThat(event.fromStatus()).isEqualTo(JobStatus.PENDING);
        assertThat(event.toStatus()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void completing_releases_the_lease_and_records_the_finish() {
        Job job = running();

        JobEvent event = job.complete("{\"ok\":true}", "x.gz", T0.plusSeconds(5));

        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(job.workerId()).isNull();
        assertThat(job.leaseExpiresAt()).isNull();
        assertThat(job.outputFile()).isEqualTo("x.gz");
        assertThat(event.nodeId()).isEqualTo("node-a");
    }

    @Test
    void a_failed_attempt_with_attempts_left_goes_back_to_pending_until_the_backoff_ends() {
        Job job = running();

        JobEvent event = job.retryLater("boom", T0.plusSeconds(30), T0.plusSeconds(2));

        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.runAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(job.error()).isEqualTo("boom");
        assertThat(job.workerId()).isNull();
        assertThat(job.finishedAt()).isNull();
        assertThat(event.type()).isEqualTo(JobEventType.RETRY_SCHEDULED);
    }

    @Test
    void no_retry_without_attempts_left() {
        Job job = pending(1);
        job.start("node-a", T0, T0.plusSeconds(60));

        assertThat(job.hasAttemptsLeft()).isFalse();
        assertThatThrownBy(() -> job.retryLater("boom", T0, T0)).isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void a_timeout_fails_the_job_saying_timeout() {
        Job job = running();

        JobEvent event = job.timeOut(T0.plusSeconds(61));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("timeout");
        assertThat(event.type()).isEqualTo(JobEventType.TIMED_OUT);
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"COMPLETED", "FAILED", "CANCELLED"})
    void finished_jobs_never_change_status_again(JobStatus finished) {
        for (JobStatus next : JobStatus.values()) {
            assertThat(finished.canTransitionTo(next)).as(finished + " -> " + next).isFalse();
        }
        Job job = running();
        job.cancel("alice", T0);
        assertThatThrownBy(() -> job.cancel("alice", T0)).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> job.complete(null, null, T0)).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> job.start("node-a", T0, T0)).isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void only_finished_jobs_can_be_soft_deleted_and_only_deleted_ones_restored() {
        Job job = pending(3);
        assertThatThrownBy(() -> job.softDelete("alice", T0)).hasMessageContaining("cancel it first");
        assertThatThrownBy(() -> job.restore("alice", T0)).hasMessageContaining("is not deleted");

        job.cancel("alice", T0);
        job.softDelete("alice", T0.plusSeconds(1));
        assertThat(job.deletedAt()).isEqualTo(T0.plusSeconds(1));
        assertThatThrownBy(() -> job.softDelete("alice", T0)).hasMessageContaining("already deleted");

        JobEvent restored = job.restore("alice", T0.plusSeconds(2));
        assertThat(job.deletedAt()).isNull();
        assertThat(restored.type()).isEqualTo(JobEventType.RESTORED);
    }

    @Test
    void submission_rejects_impossible_limits() {
        assertThatThrownBy(() -> Job.submit(UUID.randomUUID(), "echo", null, 0, 60, "a", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
