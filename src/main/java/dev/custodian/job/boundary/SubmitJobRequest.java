package dev.custodian.job.boundary;

import dev.custodian.job.control.SubmitCommand;
import jakarta.json.JsonValue;

/** {@code POST /api/jobs} as JSON: {@code {type, payload, timeoutSeconds?, maxAttempts?}}. */
public record SubmitJobRequest(String type, JsonValue payload, Integer timeoutSeconds, Integer maxAttempts) {

    SubmitCommand toCommand() {
        String payloadJson = payload == null || payload == JsonValue.NULL ? null : payload.toString();
        return new SubmitCommand(type, payloadJson, timeoutSeconds, maxAttempts);
    }
}
