package dev.custodian.worker.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A worker called about a job it does not hold (never claimed, lease expired and taken over, or finished). */
public class LeaseLostException extends ProblemException {

    public LeaseLostException(UUID id, String workerId) {
        super(Response.Status.CONFLICT, "Job " + id + " is not held by worker '" + workerId + "' (its lease expired, or it was finished, "
                + "cancelled or taken over); the call changed nothing");
    }
}
