package dev.custodian.job.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Leases, the stuck-job policy (requeue while attempts remain, else fail), recovery and release. */
class JobLeaseTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static Job runningOn(String worker, int maxAttempts) {
        Job job = Job.submit(UUID.randomUUID(), "echo", "{}", maxAttempts, 60, "alice", null, T0);
        job.start(worker, T0, T0.plusSeconds(30));
        return job;
    }

    @Test
    void a_heartbeat_extends_the_lease_of_its_holder_only() {
        Job job = runningOn("w1", 3);

        job.heartbeat("w1", T0.plusSeconds(90));

        assertThat(job.leaseExpiresAt()).isEqualTo(T0.plusSeconds(90));
        assertThatThrownBy(() -> job.heartbeat("w2", T0.plusSeconds(120))).isInstanceOf(IllegalJobTransitionException.class);
        assertThat(job.leaseExpiresAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void a_lease_is_expired_only_after_its_instant() {
        Job job = runningOn("w1", 3);

        assertThat(job.isLeaseExpired(T0.plusSeconds(30))).isFalse();
        assertThat(job.isLeaseExpired(T0.plusSeconds(31))).isTrue();
    }

    @Test
    void expired_lease_requeues_job_with_attempts_left() {
        Job job = runningOn("w1", 3);

        JobEvent event = job.leaseExpired(T0.plusSeconds(40));

        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.workerId()).isNull();
        assertThat(job.leaseExpiresAt()).isNull();
        assertThat(job.runAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(event.type()).isEqualTo(JobEventType.LEASE_EXPIRED);
        assertThat(event.nodeId()).isEqualTo("w1");
        assertThat(event.message()).contains("lease of w1 expired", "requeued", "2 attempt(s) left");
    }

    @Test
    void expired_lease_fails_job_without_attempts_left() {
        Job job = runningOn("w1", 1);

        JobEvent event = job.leaseExpired(T0.plusSeconds(40));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(job.error()).contains("lease of w1 expired", "no attempts left");
        assertThat(event.type()).isEqualTo(JobEventType.LEASE_EXPIRED);
    }

    @Test
    void timeout_counts_from_the_start_whatever_the_lease() {
        Job job = runningOn("w1", 3);
        job.heartbeat("w1", T0.plusSeconds(600));

        assertThat(job.timeoutAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(job.isPastTimeout(T0.plusSeconds(59))).isFalse();
        assertThat(job.isPastTimeout(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void recovery_at_startup_is_an_expired_lease_without_the_wait() {
        Job job = runningOn("node-a", 3);

        JobEvent event = job.recovered(T0.plusSeconds(5));

        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(event.type()).isEqualTo(JobEventType.RECOVERED);
        assertThat(event.message()).contains("node node-a restarted");
    }

    @Test
    void release_at_shutdown_gives_the_attempt_back_and_makes_the_job_eligible_at_once() {
        Job job = runningOn("node-a", 1);

        JobEvent event = job.release("node shutting down", T0.plusSeconds(5));

        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.attempts()).isZero();
        assertThat(job.hasAttemptsLeft()).isTrue();
        assertThat(job.runAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(job.timeoutAt()).isNull();
        assertThat(event.type()).isEqualTo(JobEventType.RELEASED);
    }

    @Test
    void a_finished_job_cannot_be_requeued_by_a_late_detector() {
        Job job = runningOn("w1", 3);
        job.complete(null, null, T0.plusSeconds(1));

        assertThat(job.isLeaseExpired(T0.plusSeconds(100))).isFalse();
        assertThat(job.isPastTimeout(T0.plusSeconds(100))).isFalse();
        assertThatThrownBy(() -> job.leaseExpired(T0.plusSeconds(100))).isInstanceOf(IllegalJobTransitionException.class);
    }
}
