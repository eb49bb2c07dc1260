package dev.custodian.job.boundary;

import dev.custodian.job.control.SubmitCommand;
import dev.custodian.platform.json.JsonFields;
import dev.custodian.job.control.InvalidJobRequestException;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * {@code POST /api/jobs} as JSON: {@code {type, payload, timeoutSeconds?, maxAttempts?}}, read strictly
 * ({@link JsonFields}): a number that is not a whole {@code int} or a type that is not a string is a 400, never
 * wrapped or coerced.
 */
public record SubmitJobRequest(String type, JsonValue payload, Integer timeoutSeconds, Integer maxAttempts) {

    static final String SHAPE = "{type, payload, timeoutSeconds?, maxAttempts?}";

    static final int MAX_BATCH = 1000;

    static SubmitJobRequest read(JsonValue body) {
        return read(JsonFields.body(body, SHAPE));
    }

    /** {@code POST /api/jobs/batch}: {@code {items: [...]}}, each item as above; a bad field is named {@code items[3].type}. */
    static List<SubmitCommand> readBatch(JsonValue body) {
        List<JsonFields> items = JsonFields.body(body, "{items: [" + SHAPE + ", ...]}").objects("items", MAX_BATCH)
                .orElseThrow(() -> new InvalidJobRequestException("items is required: {items: [" + SHAPE + ", ...]}"));
        if (items.isEmpty()) {
            throw new InvalidJobRequestException("items must hold at least one job");
        }
        return items.stream().map(item -> read(item).toCommand()).toList();
    }

    private static SubmitJobRequest read(JsonFields fields) {
        return new SubmitJobRequest(fields.string("type").orElse(null), fields.value("payload").orElse(null),
                fields.integer("timeoutSeconds").orElse(null), fields.integer("maxAttempts").orElse(null));
    }

    SubmitCommand toCommand() {
        String payloadJson = payload == null || payload == JsonValue.NULL ? null : payload.toString();
        return new SubmitCommand(type, payloadJson, timeoutSeconds, maxAttempts);
    }
}
