package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.TargetTally;
import jakarta.enterprise.context.ApplicationScoped;
import dev.custodian.platform.config.Durations;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;

/**
 * Target {@code events}: job events older than {@code custodian.retention.event-ttl} whose job no longer exists.
 * The schema's {@code ON DELETE CASCADE} normally leaves none; this catches rows left by a database restored
 * without the constraint or by manual deletes. A dry run stores every selected event in its plan (there are normally
 * none, so the predicate is not stored instead).
 */
@ApplicationScoped
public class EventRetention implements CleanupTarget {

    /** Every event this target selects is there for one reason: its job is gone. */
    static final String REASON = "orphan";

    @Inject
    RetentionRepository repository;

    @Inject
    RetentionConfig config;

    @Override
    public String name() {
        return "events";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void describePolicy(JsonObjectBuilder policy) {
        policy.add("eventTtl", Durations.format(config.eventTtl()));
    }

    @Override
    public void run(CleanupContext context, TargetTally tally) {
        java.time.Instant cutoff = context.now().minus(config.eventTtl());
        long after = Long.MIN_VALUE;
        List<Long> page;
        tally.phase(TargetTally.Phase.DELETING);
        do {
            page = repository.orphanedEvents(cutoff, after, context.batchSize());
            if (page.isEmpty()) {
                return;
            }
            if (context.dryRun()) {
                page.forEach(id -> {
                    PlanItem item = new PlanItem(String.valueOf(id), PlanItem.DELETE, REASON, -1);
                    tally.matched(item::label);
                    context.plan().record(name(), item);
                });
            } else {
                List<Long> allowed = context.plan().allowed(name(), Set.of(PlanItem.DELETE), page, String::valueOf);
                allowed.forEach(id -> tally.matched(() -> PlanItem.label(String.valueOf(id), REASON)));
                if (!allowed.isEmpty()) {
                    tally.deleted(repository.deleteEvents(allowed));
                    context.plan().applied(name(), allowed.stream().map(String::valueOf).toList());
                }
            }
            after = page.get(page.size() - 1);
            context.batchDone();
        } while (page.size() == context.batchSize());
    }
}
