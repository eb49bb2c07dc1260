package dev.custodian.job.entity;

/**
 * What happened to a job; one {@code job_event} row per state change or file/visibility change.
 * {@code LEASE_EXPIRED}: its worker stopped renewing the lease (requeued or failed); {@code RECOVERED}: its node
 * restarted and took back what it held; {@code RELEASED}: its node shut down and handed it back.
 */
public enum JobEventType {
    SUBMITTED, STARTED, COMPLETED, FAILED, RETRY_SCHEDULED, TIMED_OUT, CANCELLED, DELETED, RESTORED,
    LEASE_EXPIRED, RECOVERED, RELEASED
}
