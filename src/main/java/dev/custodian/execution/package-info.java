/**
 * In-process execution: {@link dev.custodian.execution.JobHandler} beans selected by job type, run on threads
 * from the container's {@code ManagedThreadFactory} with at most {@code custodian.job.concurrency} at once.
 * Claims, completion, retries with backoff and timeouts go through {@link dev.custodian.execution.JobLifecycle},
 * whose transitions are conditional on this node still holding the job.
 */
package dev.custodian.execution;
