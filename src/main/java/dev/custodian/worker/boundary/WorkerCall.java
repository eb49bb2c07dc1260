package dev.custodian.worker.boundary;

import jakarta.json.JsonValue;

/**
 * The body of {@code heartbeat}, {@code complete} and {@code fail}: always {@code workerId}; {@code leaseSeconds}
 * for a heartbeat, {@code result} (any JSON) for complete, {@code error} and {@code retry} (default true) for fail.
 */
public record WorkerCall(String workerId, Integer leaseSeconds, JsonValue result, String error, Boolean retry) {

    String resultJson() {
        return result == null || result == JsonValue.NULL ? null : result.toString();
    }
}
