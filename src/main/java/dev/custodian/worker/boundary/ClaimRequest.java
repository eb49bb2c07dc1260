package dev.custodian.worker.boundary;

import dev.custodian.platform.json.JsonFields;
import jakarta.json.JsonValue;
import java.util.List;

/** {@code POST /api/jobs/claim}: {@code {workerId, types[], leaseSeconds?}}, read strictly ({@link JsonFields}). */
public record ClaimRequest(String workerId, List<String> types, Integer leaseSeconds) {

    static ClaimRequest read(JsonValue body) {
        JsonFields fields = JsonFields.body(body, "{workerId, types[], leaseSeconds?}");
        return new ClaimRequest(fields.string("workerId").orElse(null), fields.strings("types").orElse(null),
                fields.integer("leaseSeconds").orElse(null));
    }
}
