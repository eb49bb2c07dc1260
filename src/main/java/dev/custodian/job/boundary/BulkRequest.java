package dev.custodian.job.boundary;

import dev.custodian.job.control.BulkAction;
import dev.custodian.job.control.InvalidJobRequestException;
import dev.custodian.job.control.JobFilter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** The body of {@code POST /api/jobs/bulk}: {@code {action, filter, ids?, expect?}}, checked before anything runs. */
record BulkRequest(BulkAction action, JobFilter filter, Optional<Collection<UUID>> ids, OptionalLong expect) {

    private static final Set<String> FIELDS = Set.of("action", "filter", "ids", "expect");
    static final int MAX_IDS = 10_000;

    static BulkRequest read(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidJobRequestException("a body {\"action\": \"cancel|delete|restore|retry\", \"filter\": {...}} is required");
        }
        JsonObject o = body.asJsonObject();
        o.keySet().stream().filter(k -> !FIELDS.contains(k)).findFirst().ifPresent(k -> {
            throw new InvalidJobRequestException("field '" + k + "' is not known; a bulk action takes " + FIELDS);
        });
        if (!(o.get("action") instanceof jakarta.json.JsonString action)) {
            throw new InvalidJobRequestException("action is required: one of cancel, delete, restore, retry");
        }
        return new BulkRequest(BulkAction.parse(action.getString()), JobListParameters.filter(o.get("filter")),
                ids(o.get("ids")), expect(o.get("expect")));
    }

    private static Optional<Collection<UUID>> ids(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()
                || value.asJsonArray().size() > MAX_IDS) {
            throw new InvalidJobRequestException("ids must be an array of 1 to " + MAX_IDS + " job ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonValue id : value.asJsonArray()) {
            if (!(id instanceof jakarta.json.JsonString text)) {
                throw new InvalidJobRequestException("ids must be job ids (strings)");
            }
            ids.add(JobIds.parse(text.getString()));
        }
        return Optional.of(List.copyOf(new java.util.LinkedHashSet<>(ids)));
    }

    private static OptionalLong expect(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return OptionalLong.empty();
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() < 0
                || n.bigIntegerValue().bitLength() > 62) {
            throw new InvalidJobRequestException("expect must be a whole number of jobs, 0 or more");
        }
        return OptionalLong.of(n.longValue());
    }
}
