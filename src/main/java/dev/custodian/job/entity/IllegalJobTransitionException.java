package dev.custodian.job.entity;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A transition the state machine does not allow, such as cancelling a finished job. */
public class IllegalJobTransitionException extends ProblemException {

    public IllegalJobTransitionException(UUID id, JobStatus from, String action) {
        super(Response.Status.CONFLICT, "Job " + id + " is " + from + " and cannot be " + action);
    }

    public IllegalJobTransitionException(UUID id, String reason) {
        super(Response.Status.CONFLICT, "Job " + id + " " + reason);
    }
}
