package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visible jobs of the whole database by status and type, the oldest PENDING one and the RUNNING jobs each node
 * or worker holds: what the metrics' gauges, an admin's overview and the node list show, from one shared count.
 * Exact while the table is small; on a large one a count is made at most every few seconds, in the background, and
 * readers get the last one with its time ({@link CountFreshness}), so that no refresh of a page or a scrape waits
 * for a scan of a million rows.
 */
@ApplicationScoped
public class JobCounts {

    private static final Logger LOG = LoggerFactory.getLogger(JobCounts.class);

    @Inject
    JobRepository jobs;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    private volatile Counted last;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    /**
     * One count.
     *
     * @param byStatusAndType visible jobs per {@code "<STATUS> <type>"} ({@link #key})
     * @param heldBy          RUNNING jobs per node or worker id
     * @param at              when it was made
     */
    public record Counted(Map<String, Long> byStatusAndType, Optional<Instant> oldestPending, Map<String, Long> heldBy, Instant at) {

        /** Live jobs in all. */
        public long jobs() {
            return byStatusAndType.values().stream().mapToLong(Long::longValue).sum();
        }

        public Map<JobStatus, Long> byStatus() {
            Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
            for (JobStatus status : JobStatus.values()) {
                counts.put(status, 0L);
            }
            byStatusAndType.forEach((key, n) -> counts.merge(JobStatus.valueOf(key.substring(0, key.indexOf(' '))), n, Long::sum));
            return counts;
        }
    }

    static String key(JobStatus status, String type) {
        return status.name() + " " + type;
    }

    /** The counts, made no longer than {@code maxAge} ago unless the table is large (then up to a few seconds). */
    public Counted current(Duration maxAge) {
        Counted counted = last;
        return switch (CountFreshness.of(counted == null ? null : counted.at(), counted == null ? 0 : counted.jobs(),
                clock.instant(), maxAge)) {
            case COUNT -> count();
            case USE_AND_REFRESH -> {
                refreshInBackground();
                yield counted;
            }
            case USE -> counted;
        };
    }

    private Counted count() {
        Instant start = clock.instant();
        Map<String, Long> byStatusAndType = jobs.countByStatusAndType();
        Optional<Instant> oldestPending = jobs.oldestPendingSince();
        Map<String, Long> heldBy = jobs.heldCounts();
        Counted counted = new Counted(byStatusAndType, oldestPending, heldBy, start);
        Counted before = last;
        if (before == null || !before.at().isAfter(counted.at())) {
            last = counted;
        }
        return counted;
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    count();
                } catch (RuntimeException e) {
                    // the database may be away: readers keep the last count (with its time) and the next read retries
                    LOG.warn("Counting jobs failed: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.set(false);
        }
    }
}
