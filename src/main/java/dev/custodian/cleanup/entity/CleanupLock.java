package dev.custodian.cleanup.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The single row that makes real cleanup runs exclusive across the cluster: held by a run until it finishes or its
 * lease ({@code expiresAt}) runs out, so a holder that died does not block cleanup for ever. It also carries the
 * cluster-wide switch of the scheduled cleanup.
 */
@Entity
@Table(name = "cleanup_lock")
public class CleanupLock {

    public static final String NAME = "cleanup";

    @Id
    @Column(length = 32)
    private String name;

    @Column(name = "run_id")
    private UUID runId;

    @Column(length = 200)
    private String holder;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "schedule_enabled", nullable = false)
    private boolean scheduleEnabled;

    protected CleanupLock() {
    }

    public boolean isHeld(Instant now) {
        return runId != null && expiresAt != null && now.isBefore(expiresAt);
    }

    public UUID runId() { return runId; }
    public String holder() { return holder; }
    public Instant expiresAt() { return expiresAt; }
    public boolean scheduleEnabled() { return scheduleEnabled; }

    public void scheduleEnabled(boolean enabled) {
        scheduleEnabled = enabled;
    }
}
