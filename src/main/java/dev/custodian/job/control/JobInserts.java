package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import java.util.List;

/**
 * How new jobs and their SUBMITTED events are written, in the caller's transaction; one implementation per database,
 * picked once ({@link JobInsertDialect}). Both write what {@link Job#submit} and {@link Job#submitted} define, and
 * announce each job as submitted.
 */
interface JobInserts {

    void insert(List<Job> jobs, String nodeId);
}
