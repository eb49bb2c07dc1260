/**
 * Jobs: the {@code job} and {@code job_event} tables, the state machine ({@link dev.custodian.job.entity.JobStatus}),
 * submission (JSON or multipart upload), reads scoped to the caller, cancel, soft delete and restore, and the
 * job's files (input deleted as soon as the job finishes; output kept until the job is purged).
 */
package dev.custodian.job;
