package dev.custodian.retention.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupOverrides;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.entity.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SoftDeleteStepTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Due DUE = Due.softDelete(JobStatus.COMPLETED, NOW.minusSeconds(3600), TypeScope.allExcept(java.util.Set.of()));

    /** The selection in memory: a soft delete takes the rows out of it, as the conditional update does. */
    private static final class Rows extends RetentionRepository {
        final List<Candidate> due = new ArrayList<>(KeysetPagerTest.candidates(5));
        final List<Instant> deletedAt = new ArrayList<>();

        @Override
        public List<Candidate> page(Due d, Optional<Candidate> after, int limit) {
            return due.stream().filter(c -> after.isEmpty() || c.at().isAfter(after.get().at())).limit(limit).toList();
        }

        @Override
        public int softDelete(Collection<UUID> ids, Due d, Instant now) {
            due.removeIf(c -> ids.contains(c.id()));
            ids.forEach(id -> deletedAt.add(now));
            return ids.size();
        }
    }

    @Test
    void a_real_run_soft_deletes_the_selection_page_by_page_at_the_runs_instant_keeping_its_lock_between_pages() {
        Rows rows = new Rows();
        SoftDeleteStep step = new SoftDeleteStep();
        step.repository = rows;
        AtomicInteger batches = new AtomicInteger();
        TargetTally tally = new TargetTally();

        step.run(new CleanupContext(UUID.randomUUID(), false, NOW, CleanupOverrides.NONE, 2, batches::incrementAndGet), tally, DUE, "ttl completed 1h");

        assertThat(rows.due).isEmpty();
        assertThat(rows.deletedAt).hasSize(5).containsOnly(NOW);
        assertThat(batches).hasValue(3);
        assertThat(tally.report().deleted()).isEqualTo(5);
        assertThat(tally.report().matched()).isEqualTo(5);
    }
}
