package dev.custodian.job.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final long HOUR = 3600;
    private static final Caller ADMIN = new Caller("ops", true);

    /** A table of finish times, answering the repository's one query as the database would, and counting the calls. */
    static final class FinishedJobs extends JobRepository {
        final List<Instant> completed = new ArrayList<>();
        final List<Instant[]> asked = new ArrayList<>();

        @Override
        public List<Object[]> finishedPerBucket(Caller caller, Instant since, Instant until, long step) {
            asked.add(new Instant[] {since, until});
            java.util.Map<Long, Long> perBucket = new java.util.TreeMap<>();
            completed.stream().filter(t -> !t.isBefore(since) && t.isBefore(until))
                    .forEach(t -> perBucket.merge(t.getEpochSecond() / step, 1L, Long::sum));
            return perBucket.entrySet().stream().map(e -> new Object[] {e.getKey(), "COMPLETED", e.getValue()}).toList();
        }
    }

    private final FinishedJobs table = new FinishedJobs();
    private final Throughput throughput = new Throughput();

    {
        throughput.jobs = table;
    }

    private static long completedIn(long[][] series) {
        long sum = 0;
        for (long[] bucket : series) {
            sum += bucket[0];
        }
        return sum;
    }

    @Test
    void settled_hours_are_counted_once_and_then_only_the_open_hour_is_asked() {
        Instant now = Instant.parse("2026-12-07T10:30:00Z");
        long first = now.getEpochSecond() / HOUR - 23;
        table.completed.add(Instant.parse("2026-12-07T02:10:00Z"));
        table.completed.add(Instant.parse("2026-12-07T10:05:00Z"));

        assertThat(completedIn(throughput.series(ADMIN, now, HOUR, first, 24))).isEqualTo(2);
        table.completed.add(Instant.parse("2026-12-07T10:20:00Z"));
        long[][] again = throughput.series(ADMIN, now.plusSeconds(60), HOUR, first, 24);

        assertThat(completedIn(again)).isEqualTo(3);
        assertThat(again[23][0]).isEqualTo(2);
        Instant[] second = table.asked.get(1);
        assertThat(second[0]).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void an_hour_that_closed_under_a_minute_ago_is_still_asked_again() {
        Instant justAfter = Instant.parse("2026-12-07T11:00:30Z");
        long first = justAfter.getEpochSecond() / HOUR - 23;
        throughput.series(ADMIN, justAfter, HOUR, first, 24);
        table.completed.add(Instant.parse("2026-12-07T10:59:59Z"));

        long[][] later = throughput.series(ADMIN, justAfter.plusSeconds(40), HOUR, first, 24);

        assertThat(later[22][0]).isEqualTo(1);
    }

    @Test
    void each_user_has_their_own_counts() {
        Instant now = Instant.parse("2026-12-07T10:30:00Z");
        long first = now.getEpochSecond() / HOUR - 23;
        table.completed.add(Instant.parse("2026-12-07T05:00:00Z"));
        throughput.series(ADMIN, now, HOUR, first, 24);

        throughput.series(new Caller("alice", false), now, HOUR, first, 24);

        assertThat(table.asked.get(1)[0]).isEqualTo(Instant.ofEpochSecond(first * HOUR));
    }
}
