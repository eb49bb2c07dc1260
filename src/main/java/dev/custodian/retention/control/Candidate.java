package dev.custodian.retention.control;

import java.time.Instant;
import java.util.UUID;

/** A job selected by retention: its id, the instant that made it due (finished, submitted or deleted) and its output. */
public record Candidate(UUID id, Instant at, String outputFile) {
}
