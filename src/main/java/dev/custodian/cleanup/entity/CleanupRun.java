package dev.custodian.cleanup.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One cleanup run, as recorded: who or what started it, dry or real, when, and its report as JSON: while RUNNING the
 * report so far (null until its first progress write), once finished the final one. Invariant: {@code finishedAt}
 * is set exactly when the status is no longer RUNNING, and then {@code report} is set too.
 */
@Entity
@Table(name = "cleanup_run")
public class CleanupRun {

    /** ABORTED: the run's node died while it ran; nothing more will happen to it. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, ABORTED }

    @Id
    private UUID id;

    @Column(name = "run_trigger", nullable = false, length = 16)
    private String trigger;

    @Column(length = 200)
    private String principal;

    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "node_id", length = 200)
    private String nodeId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 1_000_000)
    private String report;

    protected CleanupRun() {
    }

    public CleanupRun(UUID id, String trigger, String principal, boolean dryRun, String nodeId, Instant startedAt) {
        this.id = id;
        this.trigger = trigger;
        this.principal = principal;
        this.dryRun = dryRun;
        this.nodeId = nodeId;
        this.startedAt = startedAt;
        this.status = Status.RUNNING;
    }

    public void finish(boolean succeeded, String reportJson, Instant now) {
        status = succeeded ? Status.SUCCEEDED : Status.FAILED;
        report = reportJson;
        finishedAt = now;
    }

    /** The run's node died while it ran: ended now, with no report of its targets (what it did is in its log). */
    public void abort(Instant now) {
        status = Status.ABORTED;
        report = "{}";
        finishedAt = now;
    }

    public UUID id() { return id; }
    public String trigger() { return trigger; }
    public String principal() { return principal; }
    public boolean dryRun() { return dryRun; }
    public Status status() { return status; }
    public String nodeId() { return nodeId; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public String report() { return report; }
}
