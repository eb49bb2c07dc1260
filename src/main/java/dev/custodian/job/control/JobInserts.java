package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import java.util.List;

/**
 * How new jobs and their SUBMITTED events are written, in the caller's transaction; one implementation per database,
 * picked by {@link JobService}. Both write what {@link Job#submit} and {@link Job#submitted} define, and
 * announce each job as submitted.
 */
interface JobInserts {

    void insert(List<Job> jobs, String nodeId);
}
