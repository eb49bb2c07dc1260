package dev.custodian.platform.problem;

import dev.custodian.cleanup.control.CleanupAlreadyRunningException;
import dev.custodian.cleanup.control.CleanupRunNotFoundException;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.job.control.InvalidJobRequestException;
import dev.custodian.job.control.JobNotFoundException;
import dev.custodian.job.control.PayloadTooLargeException;
import dev.custodian.job.entity.IllegalJobTransitionException;
import dev.custodian.worker.control.LeaseLostException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@link ExceptionMapper} per domain exception, each answering {@code application/problem+json}. */
public final class ProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<JobNotFoundException> {
        @Override
        public Response toResponse(JobNotFoundException e) {
            return Problems.response(Status.NOT_FOUND, e.getMessage());
        }
    }

    @Provider
    public static class BadRequest implements ExceptionMapper<InvalidJobRequestException> {
        @Override
        public Response toResponse(InvalidJobRequestException e) {
            return Problems.response(Status.BAD_REQUEST, e.getMessage());
        }
    }

    @Provider
    public static class TooLarge implements ExceptionMapper<PayloadTooLargeException> {
        @Override
        public Response toResponse(PayloadTooLargeException e) {
            return Problems.response(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<IllegalJobTransitionException> {
        @Override
        public Response toResponse(IllegalJobTransitionException e) {
            return Problems.response(Status.CONFLICT, e.getMessage());
        }
    }

    @Provider
    public static class LeaseLost implements ExceptionMapper<LeaseLostException> {
        @Override
        public Response toResponse(LeaseLostException e) {
            return Problems.response(Status.CONFLICT, e.getMessage());
        }
    }

    @Provider
    public static class CleanupBusy implements ExceptionMapper<CleanupAlreadyRunningException> {
        @Override
        public Response toResponse(CleanupAlreadyRunningException e) {
            return Problems.response(Status.CONFLICT, e.getMessage());
        }
    }

    @Provider
    public static class CleanupBadRequest implements ExceptionMapper<InvalidCleanupRequestException> {
        @Override
        public Response toResponse(InvalidCleanupRequestException e) {
            return Problems.response(Status.BAD_REQUEST, e.getMessage());
        }
    }

    @Provider
    public static class CleanupRunNotFound implements ExceptionMapper<CleanupRunNotFoundException> {
        @Override
        public Response toResponse(CleanupRunNotFoundException e) {
            return Problems.response(Status.NOT_FOUND, e.getMessage());
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
            return Problems.response(status, e.getMessage());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("Unexpected error", e);
            return Problems.response(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred; see the server log.");
        }
    }

    private static Response malformed(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
        return Problems.response(Status.BAD_REQUEST, "The request body is not valid JSON for this call" + message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
