package dev.custodian.platform.problem;

import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answers {@code application/problem+json}: the features' {@link ProblemException}s with their own
 * status, unreadable bodies with 400 (413 when they were cut off at their limit), JAX-RS's own errors with theirs,
 * an unreachable database with 503, anything else with 500.
 */
public final class ProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    /** The one mapper of the domain exceptions: each carries its status. */
    @Provider
    public static class Problem implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return e.toResponse();
        }
    }

    /** A body without Content-Length cut off at its limit while a reader (the multipart one) read it directly. */
    @Provider
    public static class TooLarge implements ExceptionMapper<BodyTooLargeException> {
        @Override
        public Response toResponse(BodyTooLargeException e) {
            return Problems.response(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    /** Unreadable JSON bodies, however the JAX-RS implementation reports them. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformed(e);
        }
    }

    @Provider
    public static class MalformedJsonP implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return malformed(e);
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return malformed(e);
        }
    }

    /** JAX-RS's own errors (404 unknown path, 405, 415, ...) keep their status, with a problem body. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            Throwable cause = e.getCause();
            if (status.getStatusCode() == 400 && cause != null) {
                return malformed(cause);
            }
            if (status.getStatusCode() >= 500) {
                return Failures.answer(e).orElseGet(() -> Problems.response(status, e.getMessage()));
            }
            return Problems.response(status, e.getMessage());
        }
    }

    /**
     * A transaction that could not commit or roll back (the database went away under it). Jersey's own mapper of
     * this type rethrows the cause and ends in an unmapped 500; this one, preferred by its priority, reads the chain.
     */
    @Provider
    @Priority(1)
    public static class TransactionFailed implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return unexpected(e);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            return unexpected(e);
        }
    }

    /** The answer to a failure nobody turned into a problem: a known kind by its cause chain, else 500. */
    public static Response unexpected(Throwable e) {
        return Failures.answer(e).orElseGet(() -> {
            LOG.error("Unexpected error", e);
            return Problems.response(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred; see the server log.");
        });
    }

    private static Response malformed(Throwable e) {
        return Failures.answer(e).orElseGet(() -> {
            String message = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
            return Problems.response(Status.BAD_REQUEST, "The request body is not valid JSON for this call" + message);
        });
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
