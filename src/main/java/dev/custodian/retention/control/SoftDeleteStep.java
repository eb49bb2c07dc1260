package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.TargetTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stage one of job retention: soft-deletes the jobs of one selection (finished jobs past the TTL of their status,
 * never-claimed PENDING jobs past {@code pending-ttl}), page by page, each page its own transaction. A dry run
 * counts them; since it soft-deletes nothing, it also counts them as purged when the restore window is zero,
 * exactly as a real run would purge them in stage two.
 */
@ApplicationScoped
public class SoftDeleteStep {

    @Inject
    RetentionRepository repository;

    @Inject
    RetentionPlan plan;

    void run(CleanupContext context, TargetTally tally, Due due, boolean purgedInThisRun) {
        if (context.dryRun()) {
            plan.count(tally, due, purgedInThisRun ? 2 : 1, purgedInThisRun, context.batchSize());
            return;
        }
        KeysetPager.forEachPage((after, limit) -> repository.page(due, after, limit), context.batchSize(), page -> {
            page.forEach(c -> tally.matched(c.id().toString()));
            tally.deleted(repository.softDelete(page.stream().map(Candidate::id).toList(), due, context.now()));
            context.batchDone();
        });
    }
}
