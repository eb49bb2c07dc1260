package dev.custodian.job.boundary;

import dev.custodian.job.control.JobStats;
import dev.custodian.job.entity.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/jobs/stats}: counts by status and two throughput series (see {@link JobStats}). */
public record JobStatsView(Instant at, Map<String, Long> counts, Instant countedAt, SeriesView lastHour, SeriesView lastDay) {

    public record SeriesView(Instant start, long stepSeconds, List<Long> completed, List<Long> failed, List<Long> cancelled) {
    }

    static JobStatsView of(JobStats stats) {
        Map<String, Long> counts = new TreeMap<>();
        for (JobStatus status : JobStatus.values()) {
            counts.put(status.name(), stats.counts().getOrDefault(status, 0L));
        }
        return new JobStatsView(stats.at(), counts, stats.countedAt(), series(stats.lastHour()), series(stats.lastDay()));
    }

    private static SeriesView series(JobStats.Series s) {
        return new SeriesView(s.start(), s.stepSeconds(), s.completed(), s.failed(), s.cancelled());
    }
}
