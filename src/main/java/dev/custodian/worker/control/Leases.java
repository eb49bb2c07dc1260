package dev.custodian.worker.control;

import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobRepository;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every transition a lease holder makes, for external workers and the in-process executor alike, each in its own
 * short transaction. A finishing call first locks the row and checks that the caller still holds the job;
 * otherwise it changes nothing and answers empty, so no job changes status twice and a worker that lost its
 * lease cannot overwrite what another did.
 */
@ApplicationScoped
@Transactional
public class Leases {

    @Inject
    JobRepository jobs;

    @Inject
    JobTimeline timeline;

    @Inject
    JobConfig config;

    @Inject
    @Micros
    Clock clock;

    /** The oldest eligible PENDING jobs of {@code types}, now RUNNING and held by {@code worker} for {@code lease}. */
    public List<Job> claim(String worker, Collection<String> types, int max, Duration lease) {
        Instant now = clock.instant();
        List<Job> claimed = jobs.lockClaimable(types, now, max).stream().filter(Job::isPending).toList();
        for (Job job : claimed) {
            timeline.record(job, job.start(worker, now, now.plus(lease)));
        }
        return claimed;
    }

    public Optional<Job> heartbeat(UUID id, String worker, Duration lease) {
        Instant now = clock.instant();
        return jobs.lock(id).filter(job -> job.isHeldBy(worker)).map(job -> {
            if (job.isPastTimeout(now)) {
                timeline.record(job, job.timeOut(now));
                return null;
            }
            job.heartbeat(worker, now.plus(lease));
            return job;
        });
    }

    /** Renews the leases of the given jobs this worker still holds; answers the ids it no longer holds. */
    public List<UUID> renew(String worker, Collection<UUID> ids, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> held = jobs.renewLeases(worker, ids, clock.instant().plus(lease));
        return ids.stream().filter(id -> !held.contains(id)).toList();
    }

    public Optional<Job> complete(UUID id, String worker, String resultJson, String outputFile) {
        return ifHeld(id, worker, job -> job.complete(resultJson, outputFile, clock.instant()));
    }

    /**
     * Completes several jobs in one transaction, their rows locked in id order by one statement; answers the ids
     * {@code worker} still held, now COMPLETED. The others are left as they are, as {@link #complete} would.
     */
    public Set<UUID> completeAll(String worker, Map<UUID, Completion> completions) {
        Instant now = clock.instant();
        Set<UUID> completed = new HashSet<>();
        for (Job job : jobs.lockAll(completions.keySet())) {
            if (job.isHeldBy(worker)) {
                Completion c = completions.get(job.id());
                timeline.record(job, job.complete(c.resultJson(), c.outputFile(), now));
                completed.add(job.id());
            }
        }
        return completed;
    }

    /** What a finished handler hands in for its job: its JSON result and the name of its output file (or null). */
    public record Completion(String resultJson, String outputFile) {
    }

    /** A failed attempt: back to PENDING after the backoff while attempts remain (and {@code retry}), else FAILED. */
    public Optional<Job> fail(UUID id, String worker, String reason, boolean retry) {
        Instant now = clock.instant();
        return ifHeld(id, worker, job -> retry && job.hasAttemptsLeft()
                ? job.retryLater(reason, config.retryPolicy().nextRunAt(job.attempts(), now), now)
                : job.fail(reason, now));
    }

    public Optional<Job> timeOut(UUID id, String worker) {
        return ifHeld(id, worker, job -> job.timeOut(clock.instant()));
    }

    /** Hands jobs back at once (shutdown): PENDING again, eligible now, the interrupted attempt not counted. */
    public int release(String worker, Collection<UUID> ids, String reason) {
        int released = 0;
        for (UUID id : ids) {
            released += ifHeld(id, worker, job -> job.release(reason, clock.instant())).isPresent() ? 1 : 0;
        }
        return released;
    }

    private Optional<Job> ifHeld(UUID id, String worker, Function<Job, JobEvent> transition) {
        return jobs.lock(id).filter(job -> job.isHeldBy(worker)).map(job -> {
            timeline.record(job, transition.apply(job));
            return job;
        });
    }

}
