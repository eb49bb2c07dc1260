package dev.custodian.job.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/** A bulk action whose match count is not what the caller expected, or a retry whose input file is gone (409). */
public class JobConflictException extends ProblemException {

    public JobConflictException(String detail) {
        super(Response.Status.CONFLICT, detail);
    }
}
