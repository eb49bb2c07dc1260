package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The overview's figures: visible jobs per status (counted at {@code countedAt}), and finished jobs per minute over
 * the last hour and per hour over the last day (one bucket per step, oldest first, empty buckets included).
 */
public record JobStats(Instant at, Map<JobStatus, Long> counts, Instant countedAt, Series lastHour, Series lastDay) {

    /** {@code start} of the first bucket, the bucket width in seconds, and per bucket the finished jobs by status. */
    public record Series(Instant start, long stepSeconds, List<Long> completed, List<Long> failed, List<Long> cancelled) {
    }
}
