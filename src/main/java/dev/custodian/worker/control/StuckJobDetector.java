package dev.custodian.worker.control;

import dev.custodian.job.control.JobRepository;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.BiFunction;

/**
 * Finds RUNNING jobs that nobody is really running any more and decides their fate, one job per transaction.
 *
 * <p>Stuck is a missed lease: a job whose lease expired goes back to PENDING while attempts remain, else FAILED
 * ({@link Job#leaseExpired}). Separately, a job past its own timeout is FAILED with "timeout" even while its
 * worker heartbeats. Every decision re-reads the row under a lock and re-checks the condition, so when every
 * instance runs the detector at once each job is decided once, and a job renewed in the meantime is left alone.
 */
@ApplicationScoped
public class StuckJobDetector {

    private static final int BATCH = 500;

    @Inject
    JobRepository jobs;

    @Inject
    JobTimeline timeline;

    @Inject
    @Micros
    Clock clock;

    @Inject
    StuckJobDetector self;

    /** One pass; answers how many jobs it requeued or failed. */
    public int sweep() {
        Instant now = clock.instant();
        int decided = 0;
        for (UUID id : jobs.pastTimeout(now, BATCH)) {
            decided += self.decide(id, now, Job::isPastTimeout, (job, at) -> job.timeOut(at)) ? 1 : 0;
        }
        for (UUID id : jobs.expiredLeases(now, BATCH)) {
            decided += self.decide(id, now, Job::isLeaseExpired, Job::leaseExpired) ? 1 : 0;
        }
        return decided;
    }

    /**
     * At startup, before this node takes new work: the jobs it still holds were held by its previous life, which
     * stopped without handing them back; requeue or fail them now rather than after their lease.
     */
    public int recover(String node) {
        Instant now = clock.instant();
        int recovered = 0;
        for (UUID id : jobs.heldBy(node)) {
            recovered += self.decide(id, now, (job, at) -> job.isHeldBy(node), Job::recovered) ? 1 : 0;
        }
        return recovered;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean decide(UUID id, Instant now, BiPredicate<Job, Instant> stillStuck, BiFunction<Job, Instant, JobEvent> decision) {
        Optional<Job> locked = jobs.lock(id).filter(job -> stillStuck.test(job, now));
        // the timeline logs the one structured line of the decision
        locked.ifPresent(job -> timeline.record(job, decision.apply(job, now)));
        return locked.isPresent();
    }

}
