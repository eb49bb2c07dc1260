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

    /** The longest request a dry run stores (the column's length). */
    public static final int MAX_REQUEST_LENGTH = 100_000;

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

    /** A dry run's request as sent (targets and overrides), which its plan is applied with; null before plans. */
    @Column(length = 100_000)
    private String request;

    /** An apply run: the dry run whose plan it applies. */
    @Column(name = "plan_id")
    private UUID planId;

    /** Whether the plan's items may still be stored: from the dry run's start until its expired plan is deleted. */
    @Column(name = "plan_stored", nullable = false)
    private boolean planStored;

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

    /** A dry run: its plan is stored as it runs, and can be applied with the same request. */
    public CleanupRun storingPlan(String requestJson) {
        this.request = requestJson;
        this.planStored = true;
        return this;
    }

    /** An apply run of the plan of dry run {@code plan}. */
    public CleanupRun applying(UUID plan) {
        this.planId = plan;
        return this;
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
    public String request() { return request; }
    public UUID planId() { return planId; }
    public boolean planStored() { return planStored; }
}
