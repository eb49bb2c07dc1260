package dev.custodian.job.boundary;

import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.JobEventType;
import dev.custodian.job.entity.JobStatus;
import java.time.Instant;

public record JobEventView(Instant at, JobEventType type, JobStatus fromStatus, JobStatus toStatus, String nodeId,
                           String message) {

    public static JobEventView of(JobEvent event) {
        return new JobEventView(event.at(), event.type(), event.fromStatus(), event.toStatus(), event.nodeId(),
                event.message());
    }
}
