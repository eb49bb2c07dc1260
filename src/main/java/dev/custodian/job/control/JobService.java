package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    JobFiles files;

    @Inject
    NodeIdentity node;

    @Inject
    @Micros
    Clock clock;

    /** Inserts a submitted job and its SUBMITTED event. */
    public Job create(NewJob submitted) {
        JobSubmission.ValidSubmission valid = submitted.valid();
        Job job = Job.submit(submitted.id(), valid.type(), valid.payloadJson(), valid.maxAttempts(), valid.timeoutSeconds(),
                submitted.caller().name(), submitted.inputFile(), clock.instant());
        jobs.add(job);
        timeline.record(job, job.submitted(node.id()));
        return job;
    }

    /** Inserts several submitted jobs in one transaction (batched inserts), answered in their order. */
    public List<Job> createAll(List<NewJob> submitted) {
        return submitted.stream().map(this::create).toList();
    }

    public Job get(Caller caller, UUID id, boolean includeDeleted) {
        return jobs.find(id)
                .filter(job -> caller.maySee(job.owner()))
                .filter(job -> !job.isDeleted() || (includeDeleted && caller.admin()))
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    public JobPage list(Caller caller, JobQuery query) {
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
