package dev.custodian.retention.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A job selected by retention: its id, the instant that made it due (finished, submitted or deleted), when it was
 * created (the purge's tie-break, see {@link Due#keyset()}) and its output.
 */
public record Candidate(UUID id, Instant at, Instant createdAt, String outputFile) {
}
