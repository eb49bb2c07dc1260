package dev.custodian.worker.control;

import dev.custodian.job.entity.Job;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The queue's two hot transitions, claim and completion, written for one database and chosen once at startup
 * ({@link QueueDialect}). Each runs in the caller's transaction and writes exactly what {@link Job#start} and
 * {@link Job#complete} write, with the same {@code job_event} rows, and announces each transition
 * ({@code JobTimeline#announce}).
 */
interface QueueStatements {

    /** The oldest eligible PENDING jobs of {@code types}, at most {@code max}, now RUNNING held by {@code worker}. */
    List<Job> claim(String worker, Collection<String> types, int max, Instant now, Instant leaseUntil);

    /** Completes those of the given jobs that {@code worker} still holds; answers their ids. The others stay as they are. */
    Set<UUID> complete(String worker, Map<UUID, Leases.Completion> completions, Instant now);
}
