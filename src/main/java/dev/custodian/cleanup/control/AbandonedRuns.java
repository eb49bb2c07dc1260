package dev.custodian.cleanup.control;

import dev.custodian.cleanup.entity.CleanupRun;
import java.time.Instant;
import java.util.UUID;

/**
 * Which RUNNING cleanup runs are dead and so to be marked ABORTED, decided from the cluster-wide lock as it is
 * {@code now} (its run and its lease's end, both null when nobody holds it):
 * <ul>
 *   <li>at this node's startup, every run this node started: it has just started, nothing of its own runs yet;</li>
 *   <li>any real run that does not hold a live lock: a real run holds the lock from before its record is written
 *       until after its end is, and renews it while it runs, so one without it died with its node.</li>
 * </ul>
 * A dry run of another node takes no lock, so nothing here says it is dead; its own node aborts it when it starts.
 */
public record AbandonedRuns(String thisNode, UUID lockRun, Instant lockExpiresAt, boolean atStartup) {

    public boolean abandoned(CleanupRun run, Instant now) {
        if (run.status() != CleanupRun.Status.RUNNING) {
            return false;
        }
        if (atStartup && thisNode.equals(run.nodeId())) {
            return true;
        }
        return !run.dryRun() && !holdsLiveLock(run, now);
    }

    /** Whether the lock, as it is, was left by this node's previous life and is to be released at startup. */
    public boolean lockLeftBehind(String lockHolder) {
        return atStartup && lockRun != null && thisNode.equals(lockHolder);
    }

    private boolean holdsLiveLock(CleanupRun run, Instant now) {
        return run.id().equals(lockRun) && lockExpiresAt != null && now.isBefore(lockExpiresAt);
    }
}
