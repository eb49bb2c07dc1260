package dev.custodian.execution;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.job.control.JobChanged;
import dev.custodian.job.control.JobChanges;
import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobFiles;
import dev.custodian.job.control.JobMetrics;
import dev.custodian.job.control.ResultLimit;
import dev.custodian.job.entity.JobEventType;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.custodian.platform.config.Durations;
import dev.custodian.platform.logging.LogContext;
import dev.custodian.worker.control.NodeRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs claimed jobs on container-managed threads, at most {@code custodian.job.concurrency} at once: the
 * {@link Dispatcher} claims them, each runs its handler on a worker thread with a timer for its timeout, the
 * {@link CompletionRecorder} records their completions several per transaction and the {@link LeaseRenewer} keeps
 * their leases while they run here. This class starts and stops those pieces and runs one job.
 */
@ApplicationScoped
public class JobExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);
    /** Events by which someone else (user, detector) takes a job away from the handler running it here. */
    private static final Set<JobEventType> STOPPED_BY_OTHERS =
            EnumSet.of(JobEventType.CANCELLED, JobEventType.TIMED_OUT, JobEventType.LEASE_EXPIRED);

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    JobMetrics metrics;

    @Inject
    HandlerRegistry handlers;

    @Inject
    JobConfig config;

    @Inject
    JobFiles files;

    @Inject
    NodeRegistry nodes;

    private final Map<UUID, Execution> running = new ConcurrentHashMap<>();
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService timers;
    private Dispatcher dispatcher;
    private CompletionRecorder completions;

    public synchronized void start() {
        if (dispatcher != null || handlers.types().isEmpty()) {
            return;
        }
        int concurrency = config.concurrency();
        workers = new ThreadPoolExecutor(concurrency, concurrency, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threadFactory);
        timers = Executors.newSingleThreadScheduledExecutor(threadFactory);
        completions = new CompletionRecorder(lifecycle, threadFactory, Dispatcher.AHEAD.mostHeld(concurrency),
                (task, delay) -> timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS), this::finished, this::discardOutput);
        dispatcher = new Dispatcher(lifecycle, handlers.types(), concurrency, config.pollInterval(), this::launch, System::nanoTime,
                took -> metrics.claimed(took, "executor"));
        dispatcher.start(threadFactory);
        long renewal = LeaseRenewer.interval(config.lease()).toMillis();
        timers.scheduleWithFixedDelay(new LeaseRenewer(nodes::seen, lifecycle::renew, running), renewal, renewal, TimeUnit.MILLISECONDS);
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
        dispatcher.stop();
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

    /** How many jobs this node runs right now. */
    public int active() {
        return running.size();
    }

    void onCommitted(@Observes JobChanges changes) {
        changes.all().forEach(this::onJobChanged);
    }

    private void onJobChanged(JobChanged change) {
        Dispatcher current = dispatcher;
        if (change.event() == JobEventType.SUBMITTED && handlers.forType(change.type()).isPresent()) {
            if (current != null) {
                current.wakeUp();
            }
        } else if (STOPPED_BY_OTHERS.contains(change.event())) {
            Optional.ofNullable(running.get(change.jobId())).ifPresent(Execution::interrupt);
        }
    }

    /**
     * Whether the executor works: its dispatcher thread is alive and not stuck in one claim for more than
     * {@code stuckAfter}, and its completion recorder is alive. True when it was never started (no handlers).
     */
    public boolean healthy(Duration stuckAfter) {
        Dispatcher current = dispatcher;
        return current == null || (current.healthy(stuckAfter) && completions.isAlive());
    }

    /** Hands a claimed job to a worker thread; one that cannot be handed over goes back to the queue. */
    private void launch(ClaimedJob job) {
        Dispatcher owner = dispatcher;
        Execution execution = new Execution(job);
        running.put(job.id(), execution);
        try {
            // armed before the job can finish, so that finishing always finds (and cancels) its timer
            execution.timer = timers.schedule(() -> timeOut(execution), job.timeoutSeconds(), TimeUnit.SECONDS);
            workers.execute(() -> run(execution, owner));
        } catch (RuntimeException | Error e) {
            finished(execution);
            owner.slotFreed();
            LogContext.with("jobId", job.id(), () -> LOG.error("Could not start the job; handing it back: {}", e.toString()));
            try {
                lifecycle.release(List.of(job.id()), "could not start on this node: " + e);
            } catch (RuntimeException | Error again) {
                LogContext.with("jobId", job.id(), () -> LOG.error("Could not hand the job back; its lease will expire: {}",
                        again.toString()));
            }
        }
    }

    /** Runs the job's handler on this worker thread; {@code owner} gets the slot back when the handler returned. */
    private void run(Execution execution, Dispatcher owner) {
        ClaimedJob job = execution.job;
        MDC.put("jobId", job.id().toString());
        long began = System.nanoTime();
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
                completions.record(execution, outcome);
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
            owner.handlerReturned(Duration.ofNanos(System.nanoTime() - began));
            MDC.remove("jobId");
        }
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
