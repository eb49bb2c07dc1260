package dev.custodian.job.boundary;

import dev.custodian.job.control.SubmitCommand;
import dev.custodian.platform.json.JsonFields;
import jakarta.json.JsonValue;

/**
 * {@code POST /api/jobs} as JSON: {@code {type, payload, timeoutSeconds?, maxAttempts?}}, read strictly
 * ({@link JsonFields}): a number that is not a whole {@code int} or a type that is not a string is a 400, never
 * wrapped or coerced.
 */
public record SubmitJobRequest(String type, JsonValue payload, Integer timeoutSeconds, Integer maxAttempts) {

    static final String SHAPE = "{type, payload, timeoutSeconds?, maxAttempts?}";

    static SubmitJobRequest read(JsonValue body) {
        JsonFields fields = JsonFields.body(body, SHAPE);
        return new SubmitJobRequest(fields.string("type").orElse(null), fields.value("payload").orElse(null),
                fields.integer("timeoutSeconds").orElse(null), fields.integer("maxAttempts").orElse(null));
    }

    SubmitCommand toCommand() {
        String payloadJson = payload == null || payload == JsonValue.NULL ? null : payload.toString();
        return new SubmitCommand(type, payloadJson, timeoutSeconds, maxAttempts);
    }
}
