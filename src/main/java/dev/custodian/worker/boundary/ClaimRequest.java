package dev.custodian.worker.boundary;

import dev.custodian.platform.json.JsonFields;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * {@code POST /api/jobs/claim}: {@code {workerId, types[], leaseSeconds?, max?}}, read strictly ({@link JsonFields}).
 * Without {@code max} the answer is one job (or 204); with it, {@code {"items": [...]}} of up to {@code max} jobs.
 */
public record ClaimRequest(String workerId, List<String> types, Integer leaseSeconds, Integer max) {

    static final int MAX_BATCH = 100;

    static ClaimRequest read(JsonValue body) {
        JsonFields fields = JsonFields.body(body, "{workerId, types[], leaseSeconds?, max?}");
        return new ClaimRequest(fields.string("workerId").orElse(null), fields.strings("types").orElse(null),
                fields.integer("leaseSeconds").orElse(null), fields.integer("max", 1, MAX_BATCH).orElse(null));
    }
}
