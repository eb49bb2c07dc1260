package dev.custodian.job.entity;

/** What happened to a job; one {@code job_event} row per state change or file/visibility change. */
public enum JobEventType {
    SUBMITTED, STARTED, COMPLETED, FAILED, RETRY_SCHEDULED, TIMED_OUT, CANCELLED, DELETED, RESTORED
}
