package dev.custodian.execution;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.job.control.RetryPolicy;
import dev.custodian.platform.logging.LogContext;
import dev.custodian.platform.persistence.GroupCommit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the completions of handlers that returned, several per transaction ({@link GroupCommit}). Until its
 * completion is recorded a job stays this node's (lease renewed, timeout armed) while its slot already serves the
 * next one. A completion the database refused (unreachable, say) is recorded again after a growing delay rather
 * than counted as a failed attempt, until that works or someone else ends the job (timeout, cancel, lost lease).
 * A retry that finds the job no longer held keeps the output file: the failed try may have committed after all,
 * and the orphan sweep deletes the file if no job refers to it.
 */
final class CompletionRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionRecorder.class);
    private static final int MAX_PER_TRANSACTION = 100;
    /** How long a refused completion waits before it is recorded again: 250 ms, doubling to 5 s. */
    static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(5));

    /** Runs a task after a delay; throws {@link RejectedExecutionException} once shutting down. */
    interface Later {
        void run(Runnable task, Duration delay);
    }

    private final JobLifecycle lifecycle;
    private final Later later;
    private final Consumer<Execution> finished;
    private final Consumer<JobOutcome> discard;
    private final GroupCommit<Completion, Boolean> batches;

    /**
     * @param finished called once a job's completion is recorded, refused for good or given up
     * @param discard  deletes the output of an outcome that will not be recorded
     */
    CompletionRecorder(JobLifecycle lifecycle, ThreadFactory threads, int capacity, Later later,
                       Consumer<Execution> finished, Consumer<JobOutcome> discard) {
        this.lifecycle = lifecycle;
        this.later = later;
        this.finished = finished;
        this.discard = discard;
        this.batches = new GroupCommit<>("custodian-completions", threads, capacity, MAX_PER_TRANSACTION,
                this::completeAll, c -> completeAll(List.of(c)).get(0));
    }

    /** Hands in the outcome of a handler that returned; {@code finished} follows once it is recorded. */
    void record(Execution execution, JobOutcome outcome) throws InterruptedException {
        batches.submit(new Completion(execution.job.id(), outcome))
                .whenComplete((held, error) -> recorded(execution, outcome, held, error));
    }

    boolean isAlive() {
        return batches.isAlive();
    }

    void stop() {
        batches.stop();
    }

    /** On the recording thread, once the job's completion is recorded ({@code held}: still this node's) or failed. */
    void recorded(Execution execution, JobOutcome outcome, Boolean held, Throwable error) {
        if (error != null) {
            if (!execution.stopped) {
                retry(execution, outcome, error, 1);
                return;
            }
        } else if (!held) {
            discard.accept(outcome);
        }
        finished.accept(execution);
    }

    private void retry(Execution execution, JobOutcome outcome, Throwable error, int retry) {
        Duration delay = RETRY.delayAfter(retry);
        LogContext.with("jobId", execution.job.id(), () -> LOG.warn(
                "Could not record the completion of the job; trying again {} {}: {}",
                kv("retry", retry), kv("inMs", delay.toMillis()), kv("error", error.toString())));
        try {
            later.run(() -> {
                if (execution.stopped) {
                    finished.accept(execution);
                    return;
                }
                try {
                    lifecycle.complete(execution.job.id(), outcome);
                } catch (RuntimeException e) {
                    retry(execution, outcome, e, retry + 1);
                    return;
                }
                finished.accept(execution);
            }, delay);
        } catch (RejectedExecutionException e) {
            // shutting down: the job's lease runs out and another node runs it again
            finished.accept(execution);
        }
    }

    /** Whether each completion was still this node's job (now COMPLETED), in their order: one transaction. */
    private List<Boolean> completeAll(List<Completion> batch) {
        Map<UUID, JobOutcome> outcomes = new LinkedHashMap<>();
        batch.forEach(c -> outcomes.put(c.id(), c.outcome()));
        Set<UUID> completed = lifecycle.completeAll(outcomes);
        return batch.stream().map(c -> completed.contains(c.id())).toList();
    }

    private record Completion(UUID id, JobOutcome outcome) {
    }
}
