package dev.custodian.job.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class JobNotFoundException extends ProblemException {

    public JobNotFoundException(UUID id) {
        super(Response.Status.NOT_FOUND, "Job " + id + " was not found");
    }

    public JobNotFoundException(UUID id, String what) {
        super(Response.Status.NOT_FOUND, "Job " + id + " has no " + what);
    }
}
