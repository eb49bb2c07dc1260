package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.IllegalJobTransitionException;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.persistence.Database;
import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The jobs API's transactions. Visibility is decided here once: a caller sees their own jobs (admins all),
 * soft-deleted jobs are hidden unless an admin asks for them; anything not visible is "not found".
 */
@ApplicationScoped
@Transactional
public class JobService {

    @Inject
    JobRepository jobs;

    @Inject
    JobTimeline timeline;

    @Inject
    Database database;

    @Inject
    PostgresJobInserts postgresInserts;

    @Inject
    EntityJobInserts entityInserts;

    @Inject
    JobFiles files;

    @Inject
    NodeIdentity node;

    @Inject
    Throughput throughput;

    @Inject
    JobCounts jobCounts;

    @Inject
    @Micros
    Clock clock;

    /** Inserts a submitted job and its SUBMITTED event. */
    public Job create(NewJob submitted) {
        return createAll(List.of(submitted)).get(0);
    }

    /** Inserts several submitted jobs and their events in one transaction, answered in their order. */
    public List<Job> createAll(List<NewJob> submitted) {
        CreationTimes times = new CreationTimes(clock);
        List<Job> created = submitted.stream().map(one -> {
            JobSubmission.ValidSubmission valid = one.valid();
            return Job.submit(one.id(), valid.type(), valid.payloadJson(), valid.maxAttempts(), valid.timeoutSeconds(),
                    one.caller().name(), one.inputFile(), times.next());
        }).toList();
        inserts().insert(created, node.id());
        return created;
    }

    /** How new jobs are written on the database the service runs on. */
    private JobInserts inserts() {
        return database.isPostgres() ? postgresInserts : entityInserts;
    }

    public Job get(Caller caller, UUID id, boolean includeDeleted) {
        return jobs.find(id)
                .filter(job -> caller.maySee(job.owner()))
                .filter(job -> !job.isDeleted() || (includeDeleted && caller.admin()))
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    public JobPage list(Caller caller, JobQuery query) {
        query.filter().checkedFor(caller);
        return jobs.page(caller, query);
    }

    public List<JobEvent> events(Caller caller, UUID id, boolean includeDeleted) {
        get(caller, id, includeDeleted);
        return timeline.of(id);
    }

    /** The output file of a completed job, open for reading; a link in its place is never followed (404). */
    public JobOutput output(Caller caller, UUID id) {
        Job job = get(caller, id, false);
        if (job.status() != JobStatus.COMPLETED || job.outputFile() == null) {
            throw new JobNotFoundException(id, "output file");
        }
        return files.openOutput(job.outputFile())
                .map(channel -> new JobOutput(job.outputFile(), channel))
                .orElseThrow(() -> new JobNotFoundException(id, "output file"));
    }

    public Job cancel(Caller caller, UUID id) {
        Job job = lockVisible(caller, id, false);
        timeline.record(job, job.cancel(caller.name(), clock.instant()));
        return job;
    }

    public void delete(Caller caller, UUID id) {
        Job job = lockVisible(caller, id, false);
        timeline.record(job, job.softDelete(caller.name(), clock.instant()));
    }

    public Job restore(Caller caller, UUID id) {
        Job job = jobs.lock(id).filter(j -> caller.maySee(j.owner())).orElseThrow(() -> new JobNotFoundException(id));
        timeline.record(job, job.restore(caller.name(), clock.instant()));
        return job;
    }

    /**
     * Submits a new job like finished job {@code id} (type, payload, timeout, max attempts, owner) with
     * {@code retryOf} set; the input file, if the job had one, is copied for the new job.
     *
     * @throws JobConflictException when the job has not finished, or its input file is gone
     */
    public Job retry(Caller caller, UUID id) {
        Job original = lockVisible(caller, id, false);
        return retryOf(original);
    }

    private Job retryOf(Job original) {
        if (!original.status().isFinished()) {
            throw new JobConflictException("Job " + original.id() + " is " + original.status()
                    + "; only a finished job can be retried");
        }
        UUID id = UUID.randomUUID();
        String input = null;
        if (original.inputFile() != null) {
            input = files.copyInput(original.inputFile(), id).orElseThrow(() -> new JobConflictException("Job "
                    + original.id() + " cannot be retried: its input file is gone (deleted when the job finished)"));
        }
        Job retry = Job.retryOf(original, id, input, clock.instant());
        jobs.add(retry);
        timeline.record(retry, retry.submitted(node.id()));
        return retry;
    }

    /**
     * One batch of a bulk action, in one transaction: each job is locked, checked against the filter again (it may
     * have changed since it was listed) and changed; a job the action does not apply to is skipped.
     */
    public BulkTally applyBatch(Caller caller, BulkAction action, JobFilter filter, List<UUID> ids) {
        List<UUID> stillMatching = jobs.matchingIds(caller, filter, java.util.Optional.of(ids), null, ids.size());
        int applied = 0;
        int skipped = ids.size() - stillMatching.size();
        for (UUID id : stillMatching) {
            Job job = jobs.lock(id).orElse(null);
            if (job == null || job.isDeleted() != filter.deleted()) {
                skipped++;
                continue;
            }
            try {
                switch (action) {
                    case CANCEL -> timeline.record(job, job.cancel(caller.name(), clock.instant()));
                    case DELETE -> timeline.record(job, job.softDelete(caller.name(), clock.instant()));
                    case RESTORE -> timeline.record(job, job.restore(caller.name(), clock.instant()));
                    case RETRY -> retryOf(job);
                }
                applied++;
            } catch (IllegalJobTransitionException | JobConflictException e) {
                skipped++;
            }
        }
        return new BulkTally(applied, skipped);
    }

    /**
     * Counts by status and finished jobs over the last hour (per minute) and day (per hour). A user's counts are
     * counted now (index ranges of their own jobs); an admin's are the whole database's shared count
     * ({@link JobCounts}), exact below 100,000 live jobs, else at most seconds old.
     */
    public JobStats stats(Caller caller) {
        Instant now = clock.instant();
        Map<JobStatus, Long> counts;
        Instant countedAt;
        if (caller.admin()) {
            JobCounts.Counted counted = jobCounts.current(Duration.ZERO);
            counts = counted.byStatus();
            countedAt = counted.at();
        } else {
            counts = jobs.countByStatus(caller);
            countedAt = now;
        }
        return new JobStats(now, counts, countedAt, series(caller, now, 60, 60), series(caller, now, 3600, 24));
    }

    private JobStats.Series series(Caller caller, Instant now, long step, int buckets) {
        long first = now.getEpochSecond() / step - buckets + 1;
        long[][] counts = throughput.series(caller, now, step, first, buckets);
        long[][] bySeries = new long[3][buckets];
        for (int i = 0; i < buckets; i++) {
            for (int s = 0; s < 3; s++) {
                bySeries[s][i] = counts[i][s];
            }
        }
        return new JobStats.Series(Instant.ofEpochSecond(first * step), step, boxed(bySeries[0]), boxed(bySeries[1]), boxed(bySeries[2]));
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private Job lockVisible(Caller caller, UUID id, boolean includeDeleted) {
        return jobs.lock(id)
                .filter(job -> caller.maySee(job.owner()))
                .filter(job -> !job.isDeleted() || includeDeleted)
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    /** A job to insert: checked, its id chosen and its input file (or null) stored. */
    public record NewJob(Caller caller, UUID id, JobSubmission.ValidSubmission valid, String inputFile) {
    }

}
