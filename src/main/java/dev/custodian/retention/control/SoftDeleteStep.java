package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.TargetTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Stage one of job retention: soft-deletes the jobs of one selection (finished jobs past the TTL of their status,
 * never-claimed PENDING jobs past {@code pending-ttl}), page by page, each page its own transaction. A dry run
 * lists them in its plan. Not used where the restore window is zero: those jobs are purged at once
 * ({@link RetentionStages}). An apply run soft-deletes only the jobs of each page its plan lists for a soft delete.
 */
@ApplicationScoped
public class SoftDeleteStep {

    @Inject
    RetentionRepository repository;

    @Inject
    RetentionPlan plan;

    void run(CleanupContext context, TargetTally tally, Due due, String reason) {
        if (context.dryRun()) {
            plan.list(context, tally, due, PlanItem.SOFT_DELETE, reason, false);
            return;
        }
        KeysetPager.forEachPage((after, limit) -> repository.page(due, after, limit), context.batchSize(), page -> {
            List<Candidate> allowed = context.plan().allowed(JobRetention.NAME, Set.of(PlanItem.SOFT_DELETE), page, c -> c.id().toString());
            if (!allowed.isEmpty()) {
                allowed.forEach(c -> tally.matched(() -> PlanItem.label(c.id().toString(), reason)));
                tally.deleted(repository.softDelete(allowed.stream().map(Candidate::id).toList(), due, context.now()));
                context.plan().applied(JobRetention.NAME, allowed.stream().map(c -> c.id().toString()).toList());
            }
            context.batchDone();
        });
    }
}
