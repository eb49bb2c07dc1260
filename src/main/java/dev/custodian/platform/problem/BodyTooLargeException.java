package dev.custodian.platform.problem;

import java.io.IOException;

/**
 * Thrown by the counting request stream of {@link RequestLimits} when a body without a {@code Content-Length} (or
 * with a false one) goes past its limit. An {@link IOException}, so that it passes through whatever reads the body
 * (JSON-B, JSON-P, the multipart reader); the mappers find it in the cause chain and answer 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(String detail) {
        super(detail);
    }
}
