package dev.custodian.retention.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Purges one selection in key ranges of at most a batch each, up to {@code parallelism} of them at once. The
 * calling thread reads the end of the next range ({@link Batches#end}, always ahead of the deletions, over rows
 * still there) and hands the range {@code (after, end]} to a worker, which purges it in its own transaction
 * ({@link Batches#purge}). Ranges are disjoint and together cover the whole selection, so every job is purged
 * once; the range after the last end, which held fewer than a batch when it was read, closes the selection.
 * Results are handed to {@code progress} on the calling thread in key order, as if the batches had run one after
 * another; after a failure the batches already running are waited for and reported before it is rethrown. With a
 * parallelism of 1 the same loop runs one batch at a time, the next range's end read while a batch runs.
 */
final class ParallelPurge {

    /** The two statements of a purge batch. */
    interface Batches<T> {

        /** The last job of the batch after {@code after}; empty when fewer than a batch remain. */
        Optional<Candidate> end(Optional<Candidate> after);

        /** Purges the selected jobs in {@code (after, upTo]} (no upper bound when empty) and answers what it did. */
        T purge(Optional<Candidate> after, Optional<Candidate> upTo);
    }

    /** What the calling thread does with each batch's purged jobs, and between batches. */
    interface Progress<T> {

        void purged(T batch);

        void betweenBatches();
    }

    private ParallelPurge() {
    }

    static <T> void run(Batches<T> batches, int parallelism, ThreadFactory threads, Progress<T> progress) {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, threads);
        Deque<Future<T>> running = new ArrayDeque<>();
        RuntimeException failure = null;
        try {
            Optional<Candidate> after = Optional.empty();
            Optional<Candidate> upTo;
            do {
                upTo = batches.end(after);
                if (running.size() == parallelism) {
                    progress.purged(result(running.poll()));
                    progress.betweenBatches();
                }
                Optional<Candidate> from = after;
                Optional<Candidate> to = upTo;
                running.add(workers.submit(() -> batches.purge(from, to)));
                after = upTo;
            } while (upTo.isPresent());
        } catch (RuntimeException e) {
            failure = e;
        }
        // every batch that ran is reported, also after a failure, so that counts stay exact and files go
        while (!running.isEmpty()) {
            try {
                progress.purged(result(running.poll()));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        workers.shutdown();
        awaitTermination(workers);
        if (failure != null) {
            throw failure;
        }
    }

    /** A batch's result, waited for even when interrupted (a batch is short): no batch outlives the run unreported. */
    private static <T> T result(Future<T> batch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return batch.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("purge batch failed", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitTermination(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
