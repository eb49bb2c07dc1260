package dev.custodian.job.control;

import dev.custodian.job.entity.JobEventType;
import dev.custodian.job.entity.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * CDI event fired with every recorded transition; observers act on it after the transaction commits.
 * {@code ranFor} is how long the attempt ran, set on the events that end one (else null).
 */
public record JobChanged(UUID jobId, String type, JobEventType event, JobStatus status, String inputFile, Duration ranFor) {

    /** A transition at {@code at} that ends the attempt started at {@code startedAt} (null when it never started). */
    public static JobChanged attemptEnded(UUID jobId, String type, JobEventType event, JobStatus status, String inputFile,
                                          Instant startedAt, Instant at) {
        return new JobChanged(jobId, type, event, status, inputFile, startedAt == null ? null : Duration.between(startedAt, at));
    }
}
