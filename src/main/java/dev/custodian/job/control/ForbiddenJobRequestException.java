package dev.custodian.job.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/** A request a user may not make, though an admin may (403). */
public class ForbiddenJobRequestException extends ProblemException {

    public ForbiddenJobRequestException(String detail) {
        super(Response.Status.FORBIDDEN, detail);
    }
}
