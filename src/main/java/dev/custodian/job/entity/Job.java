package dev.custodian.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A unit of background work and its state machine.
 *
 * <p>Invariants: {@code status} only moves along {@link JobStatus#canTransitionTo}; a RUNNING job has a
 * {@code workerId} and a {@code leaseExpiresAt}, no other status has; {@code finishedAt} is set exactly when
 * the status is finished; {@code deletedAt} is only ever set on a finished job or a never-claimed PENDING one
 * (retention); {@code attempts <= maxAttempts}. Every transition returns the {@link JobEvent} that records it,
 * so no state change goes unrecorded.
 */
@Entity
@Table(name = "job")
public class Job {

    @Id private UUID id;
    @Column(nullable = false, updatable = false, length = 100) private String type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private JobStatus status;
    @Column(updatable = false, length = 1_000_000) private String payload;
    @Column(length = 1_000_000) private String result;
    @Column(length = 4000) private String error;
    @Column(nullable = false) private int attempts;
    @Column(name = "max_attempts", nullable = false, updatable = false) private int maxAttempts;
    @Column(name = "timeout_seconds", nullable = false, updatable = false) private int timeoutSeconds;
    @Column(nullable = false, updatable = false, length = 200) private String owner;
    @Column(name = "worker_id", length = 200) private String workerId;
    @Column(name = "lease_expires_at") private Instant leaseExpiresAt;
    @Column(name = "timeout_at") private Instant timeoutAt;
    @Column(name = "run_at", nullable = false) private Instant runAt;
    @Column(name = "created_at", nullable = false, updatable = false) private Instant createdAt;
    @Column(name = "started_at") private Instant startedAt;
    @Column(name = "finished_at") private Instant finishedAt;
    @Column(name = "deleted_at") private Instant deletedAt;
    @Column(name = "input_file", length = 255) private String inputFile;
    @Column(name = "output_file", length = 255) private String outputFile;
    /** The job this one was submitted to retry (SPEC section 5, bulk actions); null for a fresh submission. */
    @Column(name = "retry_of", updatable = false) private UUID retryOf;

    @Version
    private long version;

    protected Job() {
    }

    private Job(UUID id, String type, String payload, int maxAttempts, int timeoutSeconds, String owner,
                String inputFile, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.type = Objects.requireNonNull(type);
        this.payload = payload;
        this.maxAttempts = maxAttempts;
        this.timeoutSeconds = timeoutSeconds;
        this.owner = Objects.requireNonNull(owner);
        this.inputFile = inputFile;
        this.status = JobStatus.PENDING;
        this.createdAt = now;
        this.runAt = now;
    }

    public static Job submit(UUID id, String type, String payload, int maxAttempts, int timeoutSeconds,
                             String owner, String inputFile, Instant now) {
        if (maxAttempts < 1 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("maxAttempts and timeoutSeconds must be at least 1");
        }
        return new Job(id, type, payload, maxAttempts, timeoutSeconds, owner, inputFile, now);
    }

    /**
     * A new PENDING job with {@code original}'s type, payload, timeout, max attempts and owner, marked as its retry;
     * the original never changes (finished jobs keep their status).
     */
    public static Job retryOf(Job original, UUID id, String inputFile, Instant now) {
        Job retry = submit(id, original.type, original.payload, original.maxAttempts, original.timeoutSeconds,
                original.owner, inputFile, now);
        retry.retryOf = original.id;
        return retry;
    }

    /** A PENDING job as a statement that claims it read it ({@code job.*} before its update); detached. */
    public static Job pendingRow(JobRow row) {
        Job job = new Job(row.uuid("id"), row.text("type"), row.text("payload"), row.integer("max_attempts"),
                row.integer("timeout_seconds"), row.text("owner"), row.text("input_file"), row.instant("created_at"));
        job.runAt = row.instant("run_at");
        job.attempts = row.integer("attempts");
        job.error = row.text("error");
        job.retryOf = row.uuid("retry_of");
        job.version = row.number("version");
        return job;
    }

    public JobEvent submitted(String nodeId) {
        return event(JobEventType.SUBMITTED, null, status, createdAt, nodeId, "submitted by " + owner);
    }

    /** A worker (in-process executor or external) takes the job and holds it until {@code leaseUntil}. */
    public JobEvent start(String worker, Instant now, Instant leaseUntil) {
        JobStatus from = moveTo(JobStatus.RUNNING, "started");
        attempts++;
        workerId = worker;
        leaseExpiresAt = leaseUntil;
        startedAt = now;
        timeoutAt = now.plusSeconds(timeoutSeconds);
        error = null;
        return event(JobEventType.STARTED, from, status, now, worker, "attempt " + attempts + " of " + maxAttempts);
    }

    public JobEvent complete(String resultJson, String output, Instant now) {
        JobStatus from = moveTo(JobStatus.COMPLETED, "completed");
        String worker = workerId;
        result = resultJson;
        outputFile = output;
        finish(now);
        return event(JobEventType.COMPLETED, from, status, now, worker, null);
    }

    /** Fails for good: no further attempt. */
    public JobEvent fail(String reason, Instant now) {
        return failAs(JobEventType.FAILED, reason, now);
    }

    /** Fails for good because the job ran longer than {@code timeoutSeconds}. */
    public JobEvent timeOut(Instant now) {
        return failAs(JobEventType.TIMED_OUT, "timeout: ran longer than " + timeoutSeconds + "s", now);
    }

    /** Back to PENDING after a failed attempt; eligible again from {@code nextRunAt}. */
    public JobEvent retryLater(String reason, Instant nextRunAt, Instant now) {
        if (!hasAttemptsLeft()) {
            throw new IllegalJobTransitionException(id, "has no attempts left");
        }
        JobStatus from = moveTo(JobStatus.PENDING, "retried");
        String worker = workerId;
        error = truncate(reason);
        requeue(nextRunAt);
        return event(JobEventType.RETRY_SCHEDULED, from, status, now, worker,
                "attempt " + attempts + " failed, next attempt at " + nextRunAt + ": " + reason);
    }

    /** The holder renews its lease; no event (heartbeats are frequent), the lease itself is the record. */
    public void heartbeat(String worker, Instant leaseUntil) {
        if (!isHeldBy(worker)) {
            throw new IllegalJobTransitionException(id, "is not held by " + worker);
        }
        leaseExpiresAt = leaseUntil;
    }

    /** The holder's lease ran out: back to PENDING while attempts remain, else FAILED (a stuck-job policy). */
    public JobEvent leaseExpired(Instant now) {
        String why = "lease of " + workerId + " expired at " + leaseExpiresAt;
        return requeueOrFail(JobEventType.LEASE_EXPIRED, why, now);
    }

    /** Its node restarted while holding it: handled as an expired lease, without waiting for it to expire. */
    public JobEvent recovered(Instant now) {
        return requeueOrFail(JobEventType.RECOVERED, "node " + workerId + " restarted while holding it", now);
    }

    /** Its node shuts down and hands it back at once; the interrupted attempt is not counted. */
    public JobEvent release(String reason, Instant now) {
        JobStatus from = moveTo(JobStatus.PENDING, "released");
        String worker = workerId;
        attempts--;
        requeue(now);
        return event(JobEventType.RELEASED, from, status, now, worker, reason);
    }

    /** Whether a RUNNING job is past its own timeout at {@code now}, whoever runs it and however alive it is. */
    public boolean isPastTimeout(Instant now) {
        return status == JobStatus.RUNNING && timeoutAt != null && !now.isBefore(timeoutAt);
    }

    public boolean isLeaseExpired(Instant now) {
        return status == JobStatus.RUNNING && leaseExpiresAt != null && now.isAfter(leaseExpiresAt);
    }

    private JobEvent requeueOrFail(JobEventType type, String why, Instant now) {
        if (!hasAttemptsLeft()) {
            return failAs(type, why + "; no attempts left", now);
        }
        JobStatus from = moveTo(JobStatus.PENDING, "requeued");
        String worker = workerId;
        error = truncate(why);
        requeue(now);
        return event(type, from, status, now, worker, why + "; requeued, " + (maxAttempts - attempts) + " attempt(s) left");
    }

    public JobEvent cancel(String by, Instant now) {
        JobStatus from = moveTo(JobStatus.CANCELLED, "cancelled");
        finish(now);
        return event(JobEventType.CANCELLED, from, status, now, null, "cancelled by " + by);
    }

    public JobEvent softDelete(String by, Instant now) {
        if (deletedAt != null) {
            throw new IllegalJobTransitionException(id, "is already deleted");
        }
        if (!status.isFinished()) {
            throw new IllegalJobTransitionException(id, status, "deleted (cancel it first)");
        }
        deletedAt = now;
        return event(JobEventType.DELETED, status, status, now, null, "deleted by " + by);
    }

    public JobEvent restore(String by, Instant now) {
        if (deletedAt == null) {
            throw new IllegalJobTransitionException(id, "is not deleted");
        }
        deletedAt = null;
        return event(JobEventType.RESTORED, status, status, now, null, "restored by " + by);
    }

    /** Waiting to be claimed (and not soft-deleted). */
    public boolean isPending() {
        return status == JobStatus.PENDING && deletedAt == null;
    }

    public boolean hasAttemptsLeft() {
        return attempts < maxAttempts;
    }

    public boolean isHeldBy(String worker) {
        return status == JobStatus.RUNNING && Objects.equals(workerId, worker);
    }

    private JobEvent failAs(JobEventType type, String reason, Instant now) {
        JobStatus from = moveTo(JobStatus.FAILED, "failed");
        String worker = workerId;
        error = truncate(reason);
        finish(now);
        return event(type, from, status, now, worker, reason);
    }

    private JobStatus moveTo(JobStatus next, String action) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalJobTransitionException(id, status, action);
        }
        JobStatus from = status;
        status = next;
        return from;
    }

    private void finish(Instant now) {
        finishedAt = now;
        letGo();
    }

    /** Back in the queue, eligible from {@code at}, held by no one. */
    private void requeue(Instant at) {
        letGo();
        runAt = at;
    }

    private void letGo() {
        workerId = null;
        leaseExpiresAt = null;
        timeoutAt = null;
    }

    private JobEvent event(JobEventType type, JobStatus from, JobStatus to, Instant at, String node, String message) {
        return new JobEvent(id, at, type, from, to, node, message);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    public UUID id() { return id; }
    public String type() { return type; }
    public JobStatus status() { return status; }
    public String payload() { return payload; }
    public String result() { return result; }
    public String error() { return error; }
    public int attempts() { return attempts; }
    public int maxAttempts() { return maxAttempts; }
    public int timeoutSeconds() { return timeoutSeconds; }
    public String owner() { return owner; }
    public String workerId() { return workerId; }
    public Instant leaseExpiresAt() { return leaseExpiresAt; }
    public Instant runAt() { return runAt; }
    public Instant timeoutAt() { return timeoutAt; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public Instant deletedAt() { return deletedAt; }
    public String inputFile() { return inputFile; }
    public String outputFile() { return outputFile; }
    public UUID retryOf() { return retryOf; }
    public boolean isDeleted() { return deletedAt != null; }
}
