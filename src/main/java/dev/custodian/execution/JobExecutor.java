package dev.custodian.execution;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.job.control.JobChanged;
import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobFiles;
import dev.custodian.job.control.ResultLimit;
import dev.custodian.job.control.RetryPolicy;
import dev.custodian.job.entity.JobEventType;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import dev.custodian.platform.config.Durations;
import dev.custodian.platform.logging.LogContext;
import dev.custodian.platform.metrics.Meters;
import dev.custodian.platform.persistence.GroupCommit;
import dev.custodian.worker.control.NodeRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs claimed jobs on container-managed threads, at most {@code custodian.job.concurrency} at once.
 *
 * <p>One dispatcher thread claims as many jobs as there are free slots (one transaction), hands each to a
 * worker thread and arms a timer for its timeout. It sleeps until a job is submitted here or the poll
 * interval passes (jobs submitted on other nodes, retries whose backoff ended). A slot is freed only when
 * the handler's thread has actually returned, so a timed-out handler that ignores interrupts keeps its slot
 * rather than letting the node oversubscribe. Completions are recorded several per transaction
 * ({@link GroupCommit}); until its completion is recorded a job stays in {@code running} (lease renewed,
 * timeout armed) while its slot already serves the next one. A completion the database could not take is recorded
 * again a little later, the job still held, rather than counted as a failed attempt.
 */
@ApplicationScoped
public class JobExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);
    /** How long a claim may wait for more free slots while a backlog is waiting (a few short jobs' run time). */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int MAX_COMPLETIONS_PER_TRANSACTION = 64;
    /** How long a completion the database refused waits before it is recorded again: 250 ms, doubling to 5 s. */
    private static final RetryPolicy COMPLETION_RETRY = new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(5));

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    Meters meters;

    @Inject
    HandlerRegistry handlers;

    @Inject
    JobConfig config;

    @Inject
    JobFiles files;

    @Inject
    NodeRegistry nodes;

    /** Events by which someone else (user, detector) takes a job away from the handler running it here. */
    private static final Set<JobEventType> STOPPED_BY_OTHERS =
            EnumSet.of(JobEventType.CANCELLED, JobEventType.TIMED_OUT, JobEventType.LEASE_EXPIRED);

    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private final Map<UUID, Execution> running = new ConcurrentHashMap<>();
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService timers;
    private Semaphore slots;
    private Thread dispatcher;
    private GroupCommit<Completion, Boolean> completions;
    private volatile boolean stopping;
    /** {@link System#nanoTime()} when the dispatcher's current claim began; 0 while it is not claiming. */
    private volatile long claimingSince;

    public synchronized void start() {
        if (dispatcher != null || handlers.types().isEmpty()) {
            return;
        }
        int concurrency = config.concurrency();
        slots = new Semaphore(concurrency);
        workers = new ThreadPoolExecutor(concurrency, concurrency, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threadFactory);
        timers = Executors.newSingleThreadScheduledExecutor(threadFactory);
        completions = new GroupCommit<>("custodian-completions", threadFactory, 2 * concurrency, MAX_COMPLETIONS_PER_TRANSACTION,
                this::completeAll, c -> lifecycle.complete(c.id(), c.outcome()));
        dispatcher = threadFactory.newThread(this::dispatch);
        dispatcher.setName("custodian-dispatcher");
        dispatcher.start();
        long renewal = Math.max(1000, config.lease().toMillis() / 3);
        timers.scheduleWithFixedDelay(this::renewLeases, renewal, renewal, TimeUnit.MILLISECONDS);
        LOG.info("Executor started {} {}", kv("concurrency", concurrency), kv("types", handlers.types()));
    }

    /**
     * Graceful shutdown: stop claiming, give running handlers {@code custodian.shutdown.grace} to finish, then
     * interrupt the rest and hand their jobs back (PENDING, eligible at once) so that another node picks them up
     * without waiting for their leases.
     */
    @PreDestroy
    public synchronized void stop() {
        if (dispatcher == null) {
            return;
        }
        stopping = true;
        dispatcher.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                List<UUID> unfinished = List.copyOf(running.keySet());
                running.values().forEach(Execution::interrupt);
                int released = lifecycle.release(unfinished, "node shutting down after a grace of "
                        + Durations.format(config.shutdownGrace()));
                LOG.info("Shutdown grace over: {} {}", kv("released", released), kv("jobIds", unfinished));
            }
            workers.shutdownNow();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not hand back running jobs at shutdown; their leases will expire: {}", e.toString());
        }
        completions.stop();
        timers.shutdownNow();
        dispatcher = null;
    }

    /** Renews the leases of the jobs running here and this node's heartbeat; stops jobs it no longer holds. */
    private void renewLeases() {
        try {
            nodes.seen();
            for (UUID lost : lifecycle.renew(List.copyOf(running.keySet()))) {
                Optional.ofNullable(running.get(lost)).ifPresent(Execution::interrupt);
            }
        } catch (RuntimeException | Error e) {
            // a periodic task that throws is never run again: this one must go on, or every lease here would expire
            LOG.warn("Renewing leases failed; trying again at the next renewal: {}", e.toString());
        }
    }

    /** How many jobs this node runs right now. */
    public int active() {
        return running.size();
    }

    void onJobChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobChanged change) {
        if (change.event() == JobEventType.SUBMITTED && handlers.forType(change.type()).isPresent()) {
            wakeUp();
        } else if (STOPPED_BY_OTHERS.contains(change.event())) {
            Optional.ofNullable(running.get(change.jobId())).ifPresent(Execution::interrupt);
        }
    }

    private void wakeUp() {
        wakeups.offer(Boolean.TRUE);
    }

    private void dispatch() {
        boolean backlog = false;
        while (!stopping) {
            try {
                slots.acquire();
                int wanted = 1 + slots.drainPermits();
                if (backlog && wanted < config.concurrency() / 2) {
                    wanted += moreSlots(config.concurrency() / 2 - wanted);
                }
                List<ClaimedJob> claimed = claim(wanted);
                slots.release(wanted - claimed.size());
                if (stopping) {
                    lifecycle.release(claimed.stream().map(ClaimedJob::id).toList(), "node shutting down");
                    return;
                }
                claimed.forEach(this::launch);
                backlog = claimed.size() == wanted;
                if (!backlog) {
                    wakeups.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // nothing may end this thread but a shutdown: without it no job of this node would run again
                LOG.error("The dispatcher failed; going on after the poll interval: {}", e.toString());
                backlog = false;
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * While jobs are waiting, gives up to {@link #GATHER_NANOS} for up to {@code wanted} more slots to free up, so that
     * one claim transaction serves several short jobs instead of one each; answers the slots taken.
     */
    private int moreSlots(int wanted) throws InterruptedException {
        int taken = 0;
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (taken < wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            taken += 1 + slots.drainPermits();
        }
        return taken;
    }

    private List<ClaimedJob> claim(int max) throws InterruptedException {
        claimingSince = System.nanoTime();
        try {
            List<ClaimedJob> claimed = lifecycle.claim(handlers.types(), max);
            meters.time("custodian_job_claim_duration", "How long one claim of PENDING jobs took (one transaction)",
                    Duration.ofNanos(System.nanoTime() - claimingSince), "claimer", "executor");
            return claimed;
        } catch (RuntimeException | Error e) {
            LOG.warn("Claiming jobs failed, retrying after the poll interval: {}", e.toString());
            Thread.sleep(config.pollInterval().toMillis());
            return List.of();
        } finally {
            claimingSince = 0;
        }
    }

    /** Hands a claimed job to a worker thread; one that cannot be handed over goes back to the queue. */
    private void launch(ClaimedJob job) {
        Execution execution = new Execution(job);
        running.put(job.id(), execution);
        try {
            // armed before the job can finish, so that finishing always finds (and cancels) its timer
            execution.timer = timers.schedule(() -> timeOut(execution), job.timeoutSeconds(), TimeUnit.SECONDS);
            workers.execute(() -> run(execution));
        } catch (RuntimeException | Error e) {
            finished(execution);
            slots.release();
            LogContext.with("jobId", job.id(), () -> LOG.error("Could not start the job; handing it back: {}", e.toString()));
            try {
                lifecycle.release(List.of(job.id()), "could not start on this node: " + e);
            } catch (RuntimeException | Error again) {
                LogContext.with("jobId", job.id(), () -> LOG.error("Could not hand the job back; its lease will expire: {}",
                        again.toString()));
            }
        }
    }

    /**
     * Whether the executor works: its dispatcher thread is alive and not stuck in one claim for more than
     * {@code stuckAfter}, and its completion recorder is alive. True when it was never started (no handlers).
     */
    public boolean healthy(Duration stuckAfter) {
        Thread current = dispatcher;
        if (current == null) {
            return true;
        }
        long since = claimingSince;
        boolean progressing = since == 0 || System.nanoTime() - since < stuckAfter.toNanos();
        return current.isAlive() && progressing && completions.isAlive();
    }

    private void run(Execution execution) {
        ClaimedJob job = execution.job;
        MDC.put("jobId", job.id().toString());
        boolean handedIn = false;
        try {
            if (!execution.attach(Thread.currentThread())) {
                return;
            }
            JobHandler handler = handlers.forType(job.type()).orElseThrow();
            JobContext context = new JobContext(job.id(), job.type(), job.payloadJson(), job.attempt(),
                    Optional.ofNullable(job.inputFile()).map(files::inputPath), files.outputDir());
            JobOutcome outcome = handler.run(context);
            if (execution.stopped) {
                discardOutput(outcome);
            } else if (outcome != null && !ResultLimit.fits(outcome.resultJson())) {
                discardOutput(outcome);
                recordFailure(job, new PermanentFailure("the result has " + outcome.resultJson().length()
                        + " characters, more than the limit of " + ResultLimit.MAX_CHARS + " that can be stored"));
            } else {
                // the slot is free once the handler returned; the job stays ours (lease renewed) until recorded
                completions.submit(new Completion(job.id(), outcome)).whenComplete((held, error) -> recorded(execution, outcome, held, error));
                handedIn = true;
            }
        } catch (Throwable failure) {
            // whatever the handler threw, even an OutOfMemoryError or a StackOverflowError, ends this job only:
            // this thread, its slot and the dispatcher go on
            if (!execution.stopped) {
                recordFailure(job, failure);
            }
        } finally {
            execution.detach();
            Thread.interrupted();
            if (!handedIn) {
                finished(execution);
            }
            slots.release();
            MDC.remove("jobId");
        }
    }

    /** On the completion batcher's thread, once the job's completion is recorded (or failed to be). */
    private void recorded(Execution execution, JobOutcome outcome, Boolean held, Throwable error) {
        if (error != null) {
            if (!execution.stopped) {
                retryCompletion(execution, outcome, error, 1);
                return;
            }
        } else if (!held) {
            discardOutput(outcome);
        }
        finished(execution);
    }

    /**
     * The handler succeeded but recording that failed (the database unreachable, say): rather than count a failed
     * attempt, the job stays this node's (lease renewed, timeout armed) and its completion is recorded again, with
     * a growing delay, until that works or someone else ends the job (timeout, cancel, lost lease). A retry that
     * finds the job no longer held keeps the output file: the failed try may have committed after all, and the
     * orphan sweep deletes the file if no job refers to it.
     */
    private void retryCompletion(Execution execution, JobOutcome outcome, Throwable error, int retry) {
        long delay = COMPLETION_RETRY.delayAfter(retry).toMillis();
        LogContext.with("jobId", execution.job.id(), () -> LOG.warn(
                "Could not record the completion of the job; trying again {} {}: {}",
                kv("retry", retry), kv("inMs", delay), kv("error", error.toString())));
        try {
            timers.schedule(() -> {
                if (execution.stopped) {
                    finished(execution);
                    return;
                }
                try {
                    lifecycle.complete(execution.job.id(), outcome);
                } catch (RuntimeException e) {
                    retryCompletion(execution, outcome, e, retry + 1);
                    return;
                }
                finished(execution);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: the job's lease runs out and another node runs it again
            finished(execution);
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

    private void finished(Execution execution) {
        if (execution.timer != null) {
            execution.timer.cancel(false);
        }
        running.remove(execution.job.id());
    }

    /** A failed attempt, retried while attempts remain, or a permanent failure: {@link HandlerFailure} decides. */
    private void recordFailure(ClaimedJob job, Throwable failure) {
        try {
            HandlerFailure failed = HandlerFailure.of(failure);
            if (failed.permanent()) {
                lifecycle.failPermanently(job.id(), failed.reason());
            } else {
                lifecycle.failAttempt(job.id(), failed.reason());
            }
        } catch (RuntimeException | Error e) {
            LogContext.with("jobId", job.id(), () ->
                    LOG.error("Could not record the failure of the job: {}", e.toString()));
        }
    }

    private void timeOut(Execution execution) {
        execution.stopped = true;
        try {
            if (lifecycle.timeOut(execution.job.id())) {
                execution.interrupt();
            }
        } catch (RuntimeException | Error e) {
            LogContext.with("jobId", execution.job.id(), () -> LOG.error("Could not time out the job: {}", e.toString()));
        }
    }

    private void discardOutput(JobOutcome outcome) {
        if (outcome != null && outcome.outputFile() != null) {
            files.deleteOutput(outcome.outputFile());
        }
    }
}
