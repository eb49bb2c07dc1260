package dev.custodian.job.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The job state machine in one table: {@code PENDING -> RUNNING -> COMPLETED | FAILED | CANCELLED}, a RUNNING
 * job may go back to PENDING (retry, lost lease), and a PENDING job may be cancelled or fail (nothing left to
 * try). Finished statuses never change again.
 */
public enum JobStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean canTransitionTo(JobStatus next) {
        return allowedNext().contains(next);
    }

    private Set<JobStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(RUNNING, CANCELLED, FAILED);
            case RUNNING -> EnumSet.of(PENDING, COMPLETED, FAILED, CANCELLED);
            case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(JobStatus.class);
        };
    }
}
