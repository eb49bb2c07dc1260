package dev.custodian.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * The base of every exception that is an answer to the caller rather than a fault of the service: it carries its
 * HTTP status, and {@link ProblemMappers.Problem} renders it as {@code application/problem+json} with the message as
 * {@code detail}. Features extend it (JobNotFoundException, InvalidCleanupRequestException, ...); the ground floor
 * knows none of them.
 */
public abstract class ProblemException extends RuntimeException {

    private final Response.Status status;

    protected ProblemException(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public Response.Status status() {
        return status;
    }

    /** Extra response headers (e.g. {@code Retry-After}); none by default. */
    protected Response.ResponseBuilder decorate(Response.ResponseBuilder response) {
        return response;
    }

    Response toResponse() {
        return decorate(Response.fromResponse(Problems.response(status, getMessage()))).build();
    }
}
