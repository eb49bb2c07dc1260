package dev.custodian.execution;

import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobRepository;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
import dev.custodian.platform.NodeIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The transitions the executor makes, each in its own short transaction. Every finishing transition first
 * locks the row and checks that this node still holds the job: a job cancelled, timed out or taken over in
 * the meantime is left alone (the method returns {@code false}), so no job changes status twice.
 */
@ApplicationScoped
@Transactional
public class JobLifecycle {

    @Inject
    JobRepository jobs;

    @Inject
    JobTimeline timeline;

    @Inject
    JobConfig config;

    @Inject
    NodeIdentity node;

    @Inject
    Clock clock;

    public List<ClaimedJob> claim(Collection<String> types, int max) {
        Instant now = now();
        Instant leaseUntil = now.plus(config.lease());
        List<Job> claimable = jobs.lockClaimable(types, now, max);
        for (Job job : claimable) {
            timeline.record(job, job.start(node.id(), now, leaseUntil));
        }
        return claimable.stream().map(ClaimedJob::of).toList();
    }

    public boolean complete(UUID id, JobOutcome outcome) {
        return ifHeld(id, job -> job.complete(outcome.resultJson(), outcome.outputFile(), now()));
    }

    /** A failed attempt: back to PENDING after the backoff while attempts remain, else FAILED. */
    public boolean failAttempt(UUID id, String reason) {
        return ifHeld(id, job -> job.hasAttemptsLeft()
                ? job.retryLater(reason, config.retryPolicy().nextRunAt(job.attempts(), now()), now())
                : job.fail(reason, now()));
    }

    public boolean timeOut(UUID id) {
        return ifHeld(id, job -> job.timeOut(now()));
    }

    private boolean ifHeld(UUID id, Function<Job, dev.custodian.job.entity.JobEvent> transition) {
        return jobs.lock(id)
                .filter(job -> job.isHeldBy(node.id()))
                .map(job -> {
                    timeline.record(job, transition.apply(job));
                    return true;
                })
                .orElse(false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
