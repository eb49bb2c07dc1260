package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.TargetTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stage one of job retention: soft-deletes the jobs of one selection (finished jobs past the TTL of their status,
 * never-claimed PENDING jobs past {@code pending-ttl}), page by page, each page its own transaction. A dry run
 * counts them. Not used where the restore window is zero: those jobs are purged at once ({@link RetentionStages}).
 */
@ApplicationScoped
public class SoftDeleteStep {

    @Inject
    RetentionRepository repository;

    @Inject
    RetentionPlan plan;

    void run(CleanupContext context, TargetTally tally, Due due) {
        if (context.dryRun()) {
            plan.count(tally, due, false, context.batchSize());
            return;
        }
        KeysetPager.forEachPage((after, limit) -> repository.page(due, after, limit), context.batchSize(), page -> {
            page.forEach(c -> tally.matched(c.id().toString()));
            tally.deleted(repository.softDelete(page.stream().map(Candidate::id).toList(), due, context.now()));
            context.batchDone();
        });
    }
}
