package dev.custodian.worker.control;

import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobRepository;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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
    QueueStatements statements;

    @Inject
    @Micros
    Clock clock;

    /** The oldest eligible PENDING jobs of {@code types}, now RUNNING and held by {@code worker} for {@code lease}. */
    public List<Job> claim(String worker, Collection<String> types, int max, Duration lease) {
        Instant now = clock.instant();
        return statements.claim(worker, types, max, now, now.plus(lease));
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
        return statements.complete(worker, completions, clock.instant());
    }

    /**
     * Records many workers' outcomes in one transaction, the rows locked in id order by one statement ({@link
     * JobRepository#lockAll}). Answers each id's status afterwards in the order given: {@code COMPLETED}, {@code
     * PENDING} (a failure with attempts left and retry), {@code FAILED}, or {@code LEASE_LOST} for a job
     * {@code worker} does not hold (left as it is, as {@link #complete} and {@link #fail} would). Outcomes that are
     * all successes, a working worker's usual batch, take the dialect's completion ({@link QueueStatements}).
     */
    public Map<UUID, String> finishAll(String worker, Map<UUID, Outcome> outcomes) {
        Instant now = clock.instant();
        Map<UUID, String> statuses = new java.util.LinkedHashMap<>();
        outcomes.keySet().forEach(id -> statuses.put(id, LEASE_LOST));
        if (outcomes.values().stream().noneMatch(Outcome::isFailure)) {
            Map<UUID, Completion> completions = new java.util.LinkedHashMap<>();
            outcomes.forEach((id, outcome) -> completions.put(id, new Completion(outcome.resultJson(), null)));
            statements.complete(worker, completions, now).forEach(id -> statuses.put(id, JobStatus.COMPLETED.name()));
            return statuses;
        }
        for (Job job : jobs.lockAll(outcomes.keySet())) {
            if (!job.isHeldBy(worker)) {
                continue;
            }
            Outcome outcome = outcomes.get(job.id());
            if (!outcome.isFailure()) {
                timeline.record(job, job.complete(outcome.resultJson(), null, now));
            } else if (outcome.retry() && job.hasAttemptsLeft()) {
                timeline.record(job, job.retryLater(outcome.error(), config.retryPolicy().nextRunAt(job.attempts(), now), now));
            } else {
                timeline.record(job, job.fail(outcome.error(), now));
            }
            statuses.put(job.id(), job.status().name());
        }
        return statuses;
    }

    /** The status {@link #finishAll} answers for a job the worker no longer holds. */
    public static final String LEASE_LOST = "LEASE_LOST";

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
