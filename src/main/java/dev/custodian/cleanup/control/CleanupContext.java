package dev.custodian.cleanup.control;

import java.time.Instant;
import java.util.UUID;

/**
 * What every target of one run shares: the run, whether it is dry, the instant the run started (every cutoff is
 * computed from it, so a dry run and a real run started at the same instant select the same candidates), the
 * per-run overrides, the batch size, a hook the target calls between batches so the run's lock stays held, and
 * the run's side of stored plans (a dry run records its selection there, an apply run is restricted by it).
 */
public record CleanupContext(UUID runId, boolean dryRun, Instant now, CleanupOverrides overrides, int batchSize,
                             Runnable betweenBatches, RunPlan plan) {

    /** A run without a stored plan: neither recording nor restricted ({@link RunPlan#NONE}). */
    public CleanupContext(UUID runId, boolean dryRun, Instant now, CleanupOverrides overrides, int batchSize,
                          Runnable betweenBatches) {
        this(runId, dryRun, now, overrides, batchSize, betweenBatches, RunPlan.NONE);
    }

    /** The overrides the request gave {@code target}, as it read them. */
    public <T> java.util.Optional<T> overrides(CleanupTarget target, Class<T> type) {
        return overrides.of(target.name(), type);
    }

    public void batchDone() {
        betweenBatches.run();
    }
}
