package dev.custodian.job.control;

import dev.custodian.job.entity.JobEventType;
import dev.custodian.job.entity.JobStatus;
import java.util.UUID;

/**
 * CDI event fired with every recorded transition; observers act on it after the transaction commits.
 * {@code ranFor} is how long the attempt ran, set on the events that end one (else null).
 */
public record JobChanged(UUID jobId, String type, JobEventType event, JobStatus status, String inputFile, java.time.Duration ranFor) {
}
