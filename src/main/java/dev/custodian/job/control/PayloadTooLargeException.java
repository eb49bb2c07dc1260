package dev.custodian.job.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
/** A request body over its limit (413); nothing was written and no partial file is left. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String message) {
        super(Response.Status.REQUEST_ENTITY_TOO_LARGE, message);
    }

    public static PayloadTooLargeException upload(long maxSize) {
        return new PayloadTooLargeException(
                "The upload is larger than the limit of " + maxSize + " bytes (custodian.upload.max-size)");
    }
}
