package dev.custodian.execution;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the completions of the executor's handlers, several per transaction: a handler hands in its outcome
 * and its thread is free for the next job; one thread takes every completion that is waiting (up to
 * {@link #MAX_BATCH}) and records them together. Under load the batches grow by themselves (a group commit);
 * alone, a completion is recorded at once. Should a batch fail, its completions are recorded one by one, so one
 * bad job cannot fail the others. At most {@code capacity} completions wait; a handler that would be one more
 * waits for room.
 */
final class CompletionBatcher {

    static final int MAX_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(CompletionBatcher.class);

    private final JobLifecycle lifecycle;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private boolean stopped;

    CompletionBatcher(JobLifecycle lifecycle, ThreadFactory threads, int capacity) {
        this.lifecycle = lifecycle;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::loop);
        thread.setName("custodian-completions");
        thread.start();
    }

    /**
     * Hands in the completion of {@code id}. The future answers whether this node still held the job (now
     * COMPLETED), or fails with what recording it threw; it completes on the batcher's thread.
     */
    CompletableFuture<Boolean> complete(UUID id, JobOutcome outcome) throws InterruptedException {
        Pending pending = new Pending(id, outcome, new CompletableFuture<>());
        synchronized (this) {
            if (!stopped) {
                queue.put(pending);
                return pending.done;
            }
        }
        recordOne(pending);
        return pending.done;
    }

    /** Stops the batching thread once it has recorded what is waiting; later completions are recorded at once. */
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        thread.interrupt();
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                for (Pending pending; (pending = queue.poll()) != null; ) {
                    recordOne(pending);
                }
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            record(batch);
            batch.clear();
        }
    }

    private void record(List<Pending> batch) {
        if (batch.size() > 1) {
            Map<UUID, JobOutcome> outcomes = new LinkedHashMap<>();
            batch.forEach(p -> outcomes.put(p.id, p.outcome));
            Set<UUID> completed;
            try {
                completed = lifecycle.completeAll(outcomes);
            } catch (RuntimeException e) {
                LOG.warn("Recording {} completions together failed, recording them one by one: {}",
                        kv("completions", batch.size()), e.toString());
                batch.forEach(this::recordOne);
                return;
            }
            batch.forEach(p -> p.done.complete(completed.contains(p.id)));
        } else {
            batch.forEach(this::recordOne);
        }
    }

    private void recordOne(Pending pending) {
        try {
            pending.done.complete(lifecycle.complete(pending.id, pending.outcome));
        } catch (RuntimeException e) {
            pending.done.completeExceptionally(e);
        }
    }

    private record Pending(UUID id, JobOutcome outcome, CompletableFuture<Boolean> done) {
    }
}
