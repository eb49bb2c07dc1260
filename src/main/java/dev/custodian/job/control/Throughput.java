package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finished jobs per time bucket for the overview's charts. A bucket that closed more than {@link #SETTLED} ago no
 * longer changes (a job's finish time is the instant it finished), so it is counted once and kept here, per scope
 * (everyone's, or one owner's): a refresh counts only the open bucket and the ones not seen yet. Counting a whole day
 * of a busy table on every refresh took about 0.8 s at 1,000,000 jobs (BENCHMARKS.md).
 */
@ApplicationScoped
public class Throughput {

    static final Duration SETTLED = Duration.ofMinutes(1);
    /** Scopes kept (admins share one; each user has one); the least recently used goes first. */
    static final int MAX_SCOPES = 1000;

    @Inject
    JobRepository jobs;

    private final Map<String, Map<Long, long[]>> settled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, long[]>> eldest) {
            return size() > MAX_SCOPES;
        }
    };

    /** Counts per bucket {@code first .. first + buckets - 1} of width {@code step} seconds: [completed, failed, cancelled]. */
    public long[][] series(Caller caller, Instant now, long step, long first, int buckets) {
        String scope = (caller.admin() ? "*" : "user:" + caller.name()) + "/" + step;
        long lastSettled = (now.minus(SETTLED).getEpochSecond() / step) - 1;
        long[][] counts = new long[buckets][];
        Map<Long, long[]> known;
        synchronized (settled) {
            known = new LinkedHashMap<>(settled.computeIfAbsent(scope, s -> new LinkedHashMap<>()));
        }
        long from = first;
        while (from < first + buckets && known.containsKey(from) && from <= lastSettled) {
            from++;
        }
        Map<Long, long[]> fresh = count(caller, from, first + buckets, step);
        for (int i = 0; i < buckets; i++) {
            long bucket = first + i;
            counts[i] = bucket < from ? known.get(bucket) : fresh.getOrDefault(bucket, new long[3]);
        }
        synchronized (settled) {
            Map<Long, long[]> kept = settled.computeIfAbsent(scope, s -> new LinkedHashMap<>());
            for (long bucket = from; bucket <= lastSettled && bucket < first + buckets; bucket++) {
                kept.put(bucket, fresh.getOrDefault(bucket, new long[3]));
            }
            kept.keySet().removeIf(bucket -> bucket < first);
        }
        return counts;
    }

    private Map<Long, long[]> count(Caller caller, long from, long to, long step) {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        if (from >= to) {
            return counts;
        }
        for (Object[] row : jobs.finishedPerBucket(caller, Instant.ofEpochSecond(from * step), Instant.ofEpochSecond(to * step), step)) {
            long bucket = ((Number) row[0]).longValue();
            int series = switch (JobStatus.valueOf(row[1].toString())) {
                case COMPLETED -> 0;
                case FAILED -> 1;
                default -> 2;
            };
            counts.computeIfAbsent(bucket, b -> new long[3])[series] += ((Number) row[2]).longValue();
        }
        return counts;
    }
}
