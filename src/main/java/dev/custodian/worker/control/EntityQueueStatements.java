package dev.custodian.worker.control;

import dev.custodian.job.control.JobRepository;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Claims and completions through the entities, on any database (the embedded H2): the rows are read and locked,
 * changed by the entity's transition, and flushed with their events at commit.
 */
@ApplicationScoped
@Typed(EntityQueueStatements.class)
class EntityQueueStatements implements QueueStatements {

    @Inject
    JobRepository jobs;

    @Inject
    JobTimeline timeline;

    @Override
    public List<Job> claim(String worker, Collection<String> types, int max, Instant now, Instant leaseUntil) {
        List<Job> claimed = jobs.lockClaimable(types, now, max).stream().filter(Job::isPending).toList();
        for (Job job : claimed) {
            timeline.record(job, job.start(worker, now, leaseUntil));
        }
        return claimed;
    }

    /** The rows locked in id order by one statement ({@link JobRepository#lockAll}). */
    @Override
    public Set<UUID> complete(String worker, Map<UUID, Leases.Completion> completions, Instant now) {
        Set<UUID> completed = new HashSet<>();
        for (Job job : jobs.lockAll(completions.keySet())) {
            if (job.isHeldBy(worker)) {
                Leases.Completion c = completions.get(job.id());
                timeline.record(job, job.complete(c.resultJson(), c.outputFile(), now));
                completed.add(job.id());
            }
        }
        return completed;
    }
}
