package dev.custodian.job.entity;

import java.util.UUID;

/** A transition the state machine does not allow, such as cancelling a finished job. */
public class IllegalJobTransitionException extends RuntimeException {

    public IllegalJobTransitionException(UUID id, JobStatus from, String action) {
        super("Job " + id + " is " + from + " and cannot be " + action);
    }

    public IllegalJobTransitionException(UUID id, String reason) {
        super("Job " + id + " " + reason);
    }
}
