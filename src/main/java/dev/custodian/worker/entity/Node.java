package dev.custodian.worker.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A server instance that runs (or ran) against this database, by its stable node id. {@code lastSeen} moves with
 * its heartbeats; {@code stoppedAt} is set by a clean shutdown and cleared when it starts again.
 */
@Entity
@Table(name = "node")
public class Node {

    @Id
    @Column(length = 200)
    private String id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    protected Node() {
    }

    public Node(String id, Instant now) {
        this.id = id;
        started(now);
    }

    public void started(Instant now) {
        startedAt = now;
        lastSeen = now;
        stoppedAt = null;
    }

    public void seen(Instant now) {
        lastSeen = now;
    }

    public void stopped(Instant now) {
        lastSeen = now;
        stoppedAt = now;
    }

    public String id() { return id; }
    public Instant startedAt() { return startedAt; }
    public Instant lastSeen() { return lastSeen; }
    public Instant stoppedAt() { return stoppedAt; }
}
