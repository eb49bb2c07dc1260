package dev.custodian.platform.problem;

import jakarta.ws.rs.core.Response;

/** Bad input found by the ground floor itself (a request body of the wrong shape, a NUL in a value): a 400. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String detail) {
        super(Response.Status.BAD_REQUEST, detail);
    }
}
