package dev.custodian.job.control;

/** A submission as the client gave it; {@code null} for what it left out. */
public record SubmitCommand(String type, String payloadJson, Integer timeoutSeconds, Integer maxAttempts) {
}
