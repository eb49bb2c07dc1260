package dev.custodian.retention.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelPurgeTest {

    private static final Instant T = Instant.parse("2026-11-20T00:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void ranges_are_disjoint_cover_the_selection_and_are_reported_in_key_order(int parallelism) {
        FakeSelection selection = new FakeSelection(23, 5);
        List<List<Integer>> reported = new ArrayList<>();

        ParallelPurge.run(selection, parallelism, Thread::new, progress(reported::add));

        assertThat(reported).flatExtracting(l -> l).containsExactlyElementsOf(selection.all());
        assertThat(reported).hasSize(5).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(5));
        assertThat(selection.purged).containsExactlyElementsOf(selection.all());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void a_selection_of_exactly_whole_batches_ends_with_an_empty_range(int parallelism) {
        FakeSelection selection = new FakeSelection(10, 5);
        List<List<Integer>> reported = new ArrayList<>();

        ParallelPurge.run(selection, parallelism, Thread::new, progress(reported::add));

        assertThat(reported).containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9), List.of());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void an_empty_selection_is_one_empty_batch(int parallelism) {
        List<List<Integer>> reported = new ArrayList<>();

        ParallelPurge.run(new FakeSelection(0, 5), parallelism, Thread::new, progress(reported::add));

        assertThat(reported).containsExactly(List.of());
    }

    @org.junit.jupiter.api.Test
    void batches_run_at_once_up_to_the_parallelism() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeSelection selection = new FakeSelection(40, 5) {
            @Override
            public List<Integer> purge(Optional<Candidate> after, Optional<Candidate> upTo) {
                most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                bothRunning.countDown();
                try {
                    bothRunning.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                List<Integer> purged = super.purge(after, upTo);
                atOnce.decrementAndGet();
                return purged;
            }
        };

        ParallelPurge.run(selection, 2, Thread::new, progress(b -> { }));

        assertThat(most.get()).isEqualTo(2);
        assertThat(selection.purged).containsExactlyElementsOf(selection.all());
    }

    @org.junit.jupiter.api.Test
    void a_failed_batch_is_rethrown_after_the_batches_already_running_are_reported() {
        FakeSelection selection = new FakeSelection(40, 5) {
            @Override
            public List<Integer> purge(Optional<Candidate> after, Optional<Candidate> upTo) {
                List<Integer> purged = super.purge(after, upTo);
                if (purged.contains(12)) {
                    throw new IllegalStateException("connection lost");
                }
                return purged;
            }
        };
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> ParallelPurge.run(selection, 2, Thread::new, progress(reported::addAll)))
                .hasMessage("connection lost");

        // every batch that committed is reported, none twice, and nothing after the failure was started
        assertThat(reported).doesNotHaveDuplicates().containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(selection.purged).containsAll(reported);
        assertThat(selection.purged.size() - reported.size()).as("only the failed batch is unreported").isEqualTo(5);
    }

    private static ParallelPurge.Progress<List<Integer>> progress(java.util.function.Consumer<List<Integer>> purged) {
        return new ParallelPurge.Progress<>() {
            public void purged(List<Integer> batch) {
                purged.accept(batch);
            }

            public void betweenBatches() {
            }
        };
    }

    /** Jobs 0 … size-1 in key order; job k is keyed by its created_at, T + k seconds. */
    private static class FakeSelection implements ParallelPurge.Batches<List<Integer>> {
        final int size;
        final int batch;
        final ConcurrentSkipListSet<Integer> purged = new ConcurrentSkipListSet<>();

        FakeSelection(int size, int batch) {
            this.size = size;
            this.batch = batch;
        }

        List<Integer> all() {
            List<Integer> all = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                all.add(k);
            }
            return all;
        }

        public Optional<Candidate> end(Optional<Candidate> after) {
            int end = after.map(FakeSelection::key).orElse(-1) + batch;
            return end < size ? Optional.of(candidate(end)) : Optional.empty();
        }

        public List<Integer> purge(Optional<Candidate> after, Optional<Candidate> upTo) {
            int from = after.map(FakeSelection::key).orElse(-1) + 1;
            int to = Math.min(upTo.map(FakeSelection::key).orElse(size - 1), from + batch - 1);
            List<Integer> range = new ArrayList<>();
            for (int k = from; k <= to; k++) {
                assertThat(purged.add(k)).as("job %d purged twice", k).isTrue();
                range.add(k);
            }
            return range;
        }

        static Candidate candidate(int k) {
            return new Candidate(UUID.nameUUIDFromBytes(new byte[] {(byte) k}), T, T.plusSeconds(k), null);
        }

        static int key(Candidate c) {
            return (int) (c.createdAt().getEpochSecond() - T.getEpochSecond());
        }
    }
}
