package dev.custodian.cleanup.control;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.cleanup.entity.CleanupLock;
import dev.custodian.cleanup.entity.CleanupRun;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the cleanup runs whose node died while they ran (killed mid-purge): marked ABORTED with an end time, as
 * {@link AbandonedRuns} decides, and at startup the lock this node's previous life still held is released, so
 * that the next real run is not refused until that lock's lease runs out.
 */
@ApplicationScoped
public class CleanupRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CleanupRecovery.class);

    @Inject
    CleanupRuns runs;

    @Inject
    CleanupLocks locks;

    @Inject
    NodeIdentity node;

    @Inject
    @Micros
    Clock clock;

    /** Answers how many runs were marked ABORTED. */
    public int abortAbandoned(boolean atStartup) {
        // the runs before the lock: a run in this list took the lock before its record was written, so the lock read
        // next shows it (or, if it ended meanwhile, the conditional abort finds it no longer RUNNING)
        List<CleanupRun> running = runs.running();
        Instant now = clock.instant();
        CleanupLock lock = locks.current();
        AbandonedRuns rule = new AbandonedRuns(node.id(), lock.runId(), lock.expiresAt(), atStartup);
        if (rule.lockLeftBehind(lock.holder()) && locks.releaseLeftBehind(lock.runId(), lock.holder())) {
            LOG.info("Released the cleanup lock this node held before it stopped {}", kv("runId", lock.runId()));
            rule = new AbandonedRuns(node.id(), null, null, atStartup);
        }
        int aborted = 0;
        for (CleanupRun run : running) {
            if (rule.abandoned(run, now) && runs.abort(run.id(), now)) {
                aborted++;
                LOG.warn("Cleanup run {} of node {} was still RUNNING but its node stopped while it ran; marked ABORTED",
                        kv("runId", run.id()), kv("runNode", run.nodeId()));
            }
        }
        return aborted;
    }
}
