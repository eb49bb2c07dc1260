package dev.custodian.cleanup.control;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.cleanup.entity.CleanupLock;
import dev.custodian.cleanup.entity.CleanupRun;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.time.Micros;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one code path of every cleanup run, whatever started it: record the run, take the cluster-wide lock for a
 * real run (refused at once for the API, waited for by the scheduler), run the targets in order, each with its
 * own tally, record the report and log one summary line. A target that fails is reported with an error and the
 * run goes on with the next one.
 */
@ApplicationScoped
public class CleanupService {

    static final Duration LOCK_LEASE = Duration.ofMinutes(2);
    /** A running run's record shows its report so far, at most this old (SPEC section 5, "Progress"). */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(CleanupService.class);

    @Inject
    Instance<CleanupTarget> targets;

    @Inject
    CleanupLocks locks;

    @Inject
    CleanupRuns runs;

    @Inject
    CleanupConfig config;

    @Inject
    NodeIdentity node;

    @Inject
    @Micros
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<CleanupFinished> finished;

    @Inject
    CleanupPlans plans;

    /** Starts a run on a managed thread; a real run while another holds the lock is refused with a 409. */
    public Started start(String trigger, String principal, boolean dryRun, List<String> targetNames, CleanupOverrides overrides) {
        return start(trigger, principal, dryRun, targetNames, overrides, "{}", null);
    }

    /**
     * As {@link #start(String, String, boolean, List, CleanupOverrides)}; a dry run stores its plan and
     * {@code requestJson} (what an apply run of it parses again), a real run with a {@code planId} applies the plan
     * of that dry run (deleting only what it lists and is still due).
     */
    public Started start(String trigger, String principal, boolean dryRun, List<String> targetNames, CleanupOverrides overrides,
            String requestJson, UUID planId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (!dryRun && !locks.acquire(id, node.id(), now, now.plus(LOCK_LEASE))) {
            CleanupLock lock = locks.current();
            throw new CleanupAlreadyRunningException(lock.runId(), lock.holder());
        }
        CleanupRun run = new CleanupRun(id, trigger, principal, dryRun, node.id(), now);
        runs.add(dryRun ? run.storingPlan(requestJson) : run.applying(planId));
        RunPlan plan = dryRun ? RunPlan.recording(plans, id, config.batchSize())
                : planId == null ? RunPlan.NONE : RunPlan.applying(plans, planId, id, config.batchSize());
        Future<CleanupRun> done = executor.submit(() -> execute(id, dryRun, now, targetNames, overrides, plan));
        return new Started(id, done);
    }

    /**
     * A scheduled or startup run: real, all targets, configured policy. When another real run holds the lock it
     * waits for it (up to {@code maxWait}) and then runs, finding what the other left, so that every instance's
     * scheduled run is recorded; a paused schedule skips it.
     */
    public void runScheduled(String trigger, Duration maxWait) {
        if (!locks.current().scheduleEnabled()) {
            LOG.debug("Scheduled cleanup is paused; skipping the {} run", trigger);
            return;
        }
        UUID id = UUID.randomUUID();
        long deadline = System.nanoTime() + maxWait.toNanos();
        Instant now = clock.instant();
        while (!locks.acquire(id, node.id(), now, now.plus(LOCK_LEASE))) {
            if (System.nanoTime() > deadline) {
                LOG.info("Skipping the {} cleanup: another real run held the lock for longer than {}", trigger, maxWait);
                return;
            }
            sleep(Duration.ofMillis(500));
            now = clock.instant();
        }
        runs.add(new CleanupRun(id, trigger, null, false, node.id(), now));
        execute(id, false, now, targets().stream().map(CleanupTarget::name).toList(), CleanupOverrides.NONE, RunPlan.NONE);
    }

    private CleanupRun execute(UUID id, boolean dryRun, Instant now, List<String> targetNames, CleanupOverrides overrides, RunPlan plan) {
        MDC.put("runId", id.toString());
        long started = System.nanoTime();
        Map<String, TargetReport> reports = new LinkedHashMap<>();
        boolean succeeded = true;
        RunProgress progress = new RunProgress(targets().stream().map(CleanupTarget::name).filter(targetNames::contains).toList());
        ProgressFlusher flusher = new ProgressFlusher(clock, PROGRESS_INTERVAL, progress::json, json -> runs.progress(id, json));
        ScheduledFuture<?> ticks = null;
        try {
            ticks = scheduler.scheduleAtFixedRate(flusher::tick, 0, PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            LockKeeper keeper = new LockKeeper(id, dryRun);
            CleanupContext context = new CleanupContext(id, dryRun, now, overrides, config.batchSize(), keeper::renewIfDue, plan);
            plan.start();
            for (CleanupTarget target : targets()) {
                String name = target.name();
                if (!targetNames.contains(name)) {
                    continue;
                }
                TargetTally tally = new TargetTally();
                progress.started(name, tally);
                try {
                    target.run(context, tally);
                    plan.finish(name, tally, target::whySkipped);
                } catch (RuntimeException e) {
                    succeeded = false;
                    tally.error();
                    LOG.error("Cleanup target {} failed: {}", kv("target", name), e.toString(), e);
                }
                reports.put(name, tally.report());
                progress.finished(name, reports.get(name));
            }
        } finally {
            if (ticks != null) {
                ticks.cancel(false);
            }
            flusher.close(); // waits for a write in progress: none may follow the final report
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            Instant finishedAt = clock.instant();
            try {
                runs.finish(id, succeeded, reportJson(reports), finishedAt);
            } finally {
                // a run that could not record its end must not keep the cluster-wide lock until its lease runs out
                if (!dryRun) {
                    locks.release(id);
                }
            }
            logSummary(id, dryRun, reports, durationMs);
            finished.fire(new CleanupFinished(id, dryRun, succeeded, reports, durationMs, finishedAt));
            MDC.remove("runId");
        }
        return runs.find(id).orElseThrow();
    }

    /** Every target, in run order. */
    public List<CleanupTarget> targets() {
        return targets.stream().sorted(Comparator.comparingInt(CleanupTarget::order)).toList();
    }

    /**
     * One summary line. A dry run deleted nothing, so its {@code *_deleted} and {@code bytes_freed} are 0 and its
     * message says what it would delete ({@code *_matched}, {@code bytes_matched}), as restic's dry runs do.
     */
    private void logSummary(UUID id, boolean dryRun, Map<String, TargetReport> reports, long durationMs) {
        long jobsMatched = sum(reports, TargetReport::matched, "jobs");
        long filesMatched = sum(reports, TargetReport::matched, "files", "backups");
        long bytesMatched = sum(reports, TargetReport::bytesMatched, "jobs", "events", "files", "backups");
        long errors = sum(reports, TargetReport::errors, "jobs", "events", "files", "backups");
        String message = dryRun
                ? "Cleanup dry run finished: would delete " + jobsMatched + " jobs and " + filesMatched + " files, freeing "
                        + bytesMatched + " bytes; nothing was deleted {} {} {} {} {} {} {} {} {} {}"
                : "Cleanup run finished {} {} {} {} {} {} {} {} {} {}";
        LOG.info(message, kv("run_id", id), kv("dry_run", dryRun),
                kv("jobs_deleted", sum(reports, TargetReport::deleted, "jobs")),
                kv("files_deleted", sum(reports, TargetReport::deleted, "files", "backups")),
                kv("bytes_freed", sum(reports, TargetReport::bytesFreed, "jobs", "events", "files", "backups")),
                kv("jobs_matched", jobsMatched), kv("files_matched", filesMatched), kv("bytes_matched", bytesMatched),
                kv("errors", errors), kv("duration_ms", durationMs));
    }

    private static long sum(Map<String, TargetReport> reports, java.util.function.ToLongFunction<TargetReport> field, String... targets) {
        long total = 0;
        for (String target : targets) {
            TargetReport report = reports.get(target);
            total += report == null ? 0 : field.applyAsLong(report);
        }
        return total;
    }

    static String reportJson(Map<String, TargetReport> reports) {
        JsonObjectBuilder targets = Json.createObjectBuilder();
        reports.forEach((name, r) -> targets.add(name, targetJson(r).add("phase", TargetTally.Phase.DONE)));
        return targets.build().toString();
    }

    /** One target's part of a report, without its phase. */
    static JsonObjectBuilder targetJson(TargetReport r) {
        return Json.createObjectBuilder()
                .add("matched", r.matched()).add("deleted", r.deleted()).add("bytesFreed", r.bytesFreed())
                .add("bytesMatched", r.bytesMatched())
                .add("errors", r.errors()).add("skipped", r.skipped()).add("durationMs", r.durationMs())
                .add("sample", Json.createArrayBuilder(r.sample()));
    }


    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cleanup lock", e);
        }
    }

    /** A run in progress: its id, and its outcome once done. */
    public record Started(UUID id, Future<CleanupRun> done) {
    }

    /** Keeps a real run's lock alive between batches; a run that lost its lock stops rather than overlap another. */
    private final class LockKeeper {
        private final UUID id;
        private final boolean dryRun;
        private long renewedAt = System.nanoTime();

        LockKeeper(UUID id, boolean dryRun) {
            this.id = id;
            this.dryRun = dryRun;
        }

        void renewIfDue() {
            if (dryRun || System.nanoTime() - renewedAt < LOCK_LEASE.toNanos() / 4) {
                return;
            }
            if (!locks.renew(id, clock.instant().plus(LOCK_LEASE))) {
                throw new IllegalStateException("run " + id + " lost the cleanup lock; stopping");
            }
            renewedAt = System.nanoTime();
        }
    }
}
