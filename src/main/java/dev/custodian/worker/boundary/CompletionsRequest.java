package dev.custodian.worker.boundary;

import dev.custodian.job.boundary.JobIds;
import dev.custodian.job.control.InvalidJobRequestException;
import dev.custodian.platform.json.JsonFields;
import dev.custodian.worker.control.Outcome;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/jobs/completions}: {@code {workerId, items: [{id, result?} | {id, error, retry?}]}}, read strictly
 * and all at once: a bad item (its index and field named) or an id given twice is a 400 and nothing is recorded.
 */
public record CompletionsRequest(String workerId, Map<UUID, Outcome> outcomes) {

    static final int MAX_ITEMS = 1000;
    private static final String SHAPE = "{workerId, items: [{id, result?} | {id, error, retry?}]}";

    static CompletionsRequest read(JsonValue body) {
        JsonFields fields = JsonFields.body(body, SHAPE);
        String workerId = fields.string("workerId").orElse(null);
        List<JsonFields> items = fields.objects("items", MAX_ITEMS)
                .orElseThrow(() -> new InvalidJobRequestException("items is required: " + SHAPE));
        if (items.isEmpty()) {
            throw new InvalidJobRequestException("items must hold at least one outcome");
        }
        Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
        for (JsonFields item : items) {
            UUID id = id(item);
            if (item.has("result") && item.has("error")) {
                throw new InvalidJobRequestException(item.path("result") + " and " + item.path("error")
                        + " exclude each other: an item completes its job or fails it");
            }
            Outcome outcome = item.has("error")
                    ? Outcome.failed(item.string("error").orElseThrow(), item.bool("retry").orElse(true))
                    : Outcome.completed(item.value("result").filter(v -> v != JsonValue.NULL).map(JsonValue::toString).orElse(null));
            if (!item.has("error") && item.has("retry")) {
                throw new InvalidJobRequestException(item.path("retry") + " applies only to an item with an error");
            }
            if (outcomes.put(id, outcome) != null) {
                throw new InvalidJobRequestException(item.path("id") + " " + id + " appears twice in items");
            }
        }
        return new CompletionsRequest(workerId, outcomes);
    }

    private static UUID id(JsonFields item) {
        String text = item.string("id").orElseThrow(() -> new InvalidJobRequestException(item.path("id") + " is required"));
        try {
            return JobIds.parse(text);
        } catch (InvalidJobRequestException e) {
            throw new InvalidJobRequestException(item.path("id") + ": " + e.getMessage());
        }
    }
}
