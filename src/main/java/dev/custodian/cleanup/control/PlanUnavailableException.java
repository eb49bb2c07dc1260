package dev.custodian.cleanup.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/** A run whose plan cannot be shown or applied: not a dry run, still running, failed (409), or expired (410). */
public class PlanUnavailableException extends ProblemException {

    public PlanUnavailableException(Response.Status status, String detail) {
        super(status, detail);
    }
}
