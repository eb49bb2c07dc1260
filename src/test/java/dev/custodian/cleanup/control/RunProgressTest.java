package dev.custodian.cleanup.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<String> written = new ArrayList<>();

    @Test
    void targets_not_started_are_pending_the_running_one_shows_its_phase_and_counts_so_far_and_finished_ones_their_final_figures() {
        RunProgress progress = new RunProgress(List.of("jobs", "files", "backups"));
        TargetTally jobs = new TargetTally();
        progress.started("jobs", jobs);
        jobs.matched("a");
        jobs.deleted(1);
        progress.finished("jobs", jobs.report());
        TargetTally files = new TargetTally();
        progress.started("files", files);
        files.phase(TargetTally.Phase.SWEEPING);
        files.matched("temp/x.tmp (age)");
        files.matched("temp/y.tmp (age)");
        files.freed(2048);

        JsonObject report = json(progress.json());

        assertThat(report.keySet()).containsExactly("jobs", "files", "backups");
        assertThat(report.getJsonObject("jobs").getString("phase")).isEqualTo("done");
        assertThat(report.getJsonObject("jobs").getJsonArray("sample")).hasSize(1);
        assertThat(report.getJsonObject("files").getString("phase")).isEqualTo("sweeping");
        assertThat(report.getJsonObject("files").getInt("matched")).isEqualTo(2);
        assertThat(report.getJsonObject("files").getInt("bytesFreed")).isEqualTo(2048);
        assertThat(report.getJsonObject("files").getJsonArray("sample")).isEmpty();
        assertThat(report.getJsonObject("backups").getString("phase")).isEqualTo("pending");
        assertThat(report.getJsonObject("backups").getInt("matched")).isZero();
    }

    @Test
    void the_flusher_writes_at_once_then_once_per_interval_and_drops_the_ticks_a_stalled_timer_fires_back_to_back() {
        ProgressFlusher flusher = new ProgressFlusher(clock, INTERVAL, () -> "at " + clock.instant(), written::add);

        assertThat(flusher.tick()).isTrue();
        clock.advance(Duration.ofMillis(200));
        assertThat(flusher.tick()).as("a catching-up tick right after a write").isFalse();
        clock.advance(Duration.ofMillis(1_800));
        assertThat(flusher.tick()).as("one interval after the first write").isTrue();
        clock.advance(Duration.ofMillis(1_900));
        assertThat(flusher.tick()).as("a tick a little early (timer jitter) still writes").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(flusher.tick()).as("after a long stall").isTrue();
        assertThat(flusher.tick()).as("the stalled timer's next, immediate, tick").isFalse();

        assertThat(written).containsExactly("at 2026-12-01T10:00:00Z", "at 2026-12-01T10:00:02Z",
                "at 2026-12-01T10:00:03.900Z", "at 2026-12-01T10:00:33.900Z");
    }

    @Test
    void the_flusher_reads_the_counters_of_a_target_that_is_still_running() {
        RunProgress progress = new RunProgress(List.of("jobs"));
        TargetTally jobs = new TargetTally();
        progress.started("jobs", jobs);
        jobs.phase(TargetTally.Phase.PURGING);
        ProgressFlusher flusher = new ProgressFlusher(clock, INTERVAL, progress::json, written::add);

        jobs.matchedUnlisted(500);
        flusher.tick();
        clock.advance(INTERVAL);
        jobs.matchedUnlisted(700);
        jobs.deleted(1_200);
        flusher.tick();

        assertThat(written).extracting(w -> json(w).getJsonObject("jobs").getInt("matched")).containsExactly(500, 1_200);
        assertThat(json(written.get(1)).getJsonObject("jobs").getInt("deleted")).isEqualTo(1_200);
        assertThat(json(written.get(1)).getJsonObject("jobs").getString("phase")).isEqualTo("purging");
    }

    @Test
    void after_close_no_write_happens_and_close_waits_for_the_write_in_progress() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        ProgressFlusher flusher = new ProgressFlusher(clock, INTERVAL, () -> "snapshot", s -> {
            writing.countDown();
            await(release);
            log.add("written");
        });
        Thread timer = new Thread(flusher::tick);
        timer.start();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(() -> {
            flusher.close();
            log.add("closed");
        });
        closer.start();
        closer.join(200);
        assertThat(closer.isAlive()).as("close waits for the write in progress").isTrue();
        release.countDown();
        closer.join(5_000);
        timer.join(5_000);
        clock.advance(Duration.ofMinutes(1));

        assertThat(flusher.tick()).isFalse();
        assertThat(log).containsExactly("written", "closed");
    }

    @Test
    void a_failed_write_is_logged_and_the_next_tick_tries_again() {
        List<String> attempts = new ArrayList<>();
        ProgressFlusher flusher = new ProgressFlusher(clock, INTERVAL, () -> "snapshot", s -> {
            attempts.add(s);
            if (attempts.size() == 1) {
                throw new IllegalStateException("database away");
            }
        });

        assertThat(flusher.tick()).isFalse();
        clock.advance(INTERVAL);
        assertThat(flusher.tick()).isTrue();
        assertThat(attempts).hasSize(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
