package dev.custodian.job.control;

import java.util.List;

/**
 * The transitions one transaction recorded, in order, announced once it committed (never when it rolled back): a
 * CDI event that observers take with a plain {@code @Observes}. One event per transaction rather than one per job,
 * because a claim or a completion records dozens, and each transactional notification costs the container a
 * synchronization and a request context.
 */
public record JobChanges(List<JobChanged> all) {

    public JobChanges {
        all = List.copyOf(all);
    }
}
