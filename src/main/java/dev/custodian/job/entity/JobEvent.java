package dev.custodian.job.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a job's timeline. Immutable once written; removed with its job by {@code ON DELETE CASCADE}. */
@Entity
@Table(name = "job_event")
public class JobEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_event_seq")
    @SequenceGenerator(name = "job_event_seq", sequenceName = "job_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private JobEventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private JobStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false)
    private JobStatus toStatus;

    @Column(name = "node_id", updatable = false)
    private String nodeId;

    @Column(updatable = false, length = 4000)
    private String message;

    protected JobEvent() {
    }

    public JobEvent(UUID jobId, Instant at, JobEventType type, JobStatus fromStatus, JobStatus toStatus,
                    String nodeId, String message) {
        this.jobId = jobId;
        this.at = at;
        this.type = type;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.nodeId = nodeId;
        this.message = message == null || message.length() <= 4000 ? message : message.substring(0, 4000);
    }

    public Long id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public Instant at() {
        return at;
    }

    public JobEventType type() {
        return type;
    }

    public JobStatus fromStatus() {
        return fromStatus;
    }

    public JobStatus toStatus() {
        return toStatus;
    }

    public String nodeId() {
        return nodeId;
    }

    public String message() {
        return message;
    }
}
