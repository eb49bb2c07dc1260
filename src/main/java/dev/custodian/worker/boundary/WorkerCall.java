package dev.custodian.worker.boundary;

import dev.custodian.platform.json.JsonFields;
import jakarta.json.JsonValue;

/**
 * The body of {@code heartbeat}, {@code complete} and {@code fail}: always {@code workerId}; {@code leaseSeconds}
 * for a heartbeat, {@code result} (any JSON) for complete, {@code error} and {@code retry} (default true) for fail.
 * Read strictly ({@link JsonFields}): {@code "workerId": 5} or {@code "leaseSeconds": 1.5} is a 400.
 */
public record WorkerCall(String workerId, Integer leaseSeconds, JsonValue result, String error, Boolean retry) {

    static WorkerCall read(JsonValue body) {
        JsonFields fields = JsonFields.body(body, "{workerId, ...}");
        return new WorkerCall(fields.string("workerId").orElse(null), fields.integer("leaseSeconds").orElse(null),
                fields.value("result").orElse(null), fields.string("error").orElse(null), fields.bool("retry").orElse(null));
    }

    String resultJson() {
        return result == null || result == JsonValue.NULL ? null : result.toString();
    }
}
