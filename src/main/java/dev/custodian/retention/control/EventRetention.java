package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.TargetTally;
import jakarta.enterprise.context.ApplicationScoped;
import dev.custodian.platform.config.Durations;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Target {@code events}: job events older than {@code custodian.retention.event-ttl} whose job no longer exists.
 * The schema's {@code ON DELETE CASCADE} normally leaves none; this catches rows left by a database restored
 * without the constraint or by manual deletes.
 */
@ApplicationScoped
public class EventRetention implements CleanupTarget {

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
            page.forEach(id -> tally.matched(String.valueOf(id)));
            if (!context.dryRun()) {
                tally.deleted(repository.deleteEvents(page));
            }
            after = page.get(page.size() - 1);
            context.batchDone();
        } while (page.size() == context.batchSize());
    }
}
