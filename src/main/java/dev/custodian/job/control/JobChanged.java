package dev.custodian.job.control;

import dev.custodian.job.entity.JobEventType;
import dev.custodian.job.entity.JobStatus;
import java.util.UUID;

/** CDI event fired with every recorded transition; observers act on it after the transaction commits. */
public record JobChanged(UUID jobId, String type, JobEventType event, JobStatus status, String inputFile) {
}
