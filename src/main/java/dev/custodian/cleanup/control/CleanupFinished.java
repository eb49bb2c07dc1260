package dev.custodian.cleanup.control;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** CDI event fired once a cleanup run is recorded as finished. */
public record CleanupFinished(UUID runId, boolean dryRun, boolean succeeded, Map<String, TargetReport> targets,
                              long durationMs, Instant finishedAt) {

    public CleanupFinished {
        targets = Map.copyOf(targets);
    }
}
