package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.CleanupOverrides;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code POST /api/system/cleanup} bodies strictly: unknown fields, unknown targets, negative or unparsable
 * overrides are a 400 naming the field, before anything runs. Each target reads its own section.
 */
final class CleanupRequests {

    private CleanupRequests() {
    }

    record Parsed(boolean dryRun, List<String> targets, CleanupOverrides overrides) {
    }

    /** @param targets every target, in run order */
    static Parsed parse(JsonValue body, List<CleanupTarget> targets) {
        List<String> names = targets.stream().map(CleanupTarget::name).toList();
        Set<String> fields = new LinkedHashSet<>(List.of("dryRun", "targets"));
        targets.stream().filter(t -> !t.overrideFields().isEmpty()).forEach(t -> fields.add(t.name()));
        if (body != null && body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidCleanupRequestException("the body must be a JSON object " + fields + "; was "
                    + body.getValueType().toString().toLowerCase(Locale.ROOT));
        }
        JsonObject request = body == null ? JsonValue.EMPTY_JSON_OBJECT : body.asJsonObject();
        onlyKnown("", request, fields);
        boolean dryRun = !request.containsKey("dryRun") || bool(request.get("dryRun"), "dryRun");
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (CleanupTarget target : targets) {
            JsonObject section = section(request, target.name(), target.overrideFields());
            if (section != null) {
                Object read = target.readOverrides(section);
                if (read != null) {
                    overrides.put(target.name(), read);
                }
            }
        }
        return new Parsed(dryRun, targets(request, names), new CleanupOverrides(overrides));
    }

    private static List<String> targets(JsonObject request, List<String> known) {
        if (!request.containsKey("targets") || request.isNull("targets")) {
            return known;
        }
        if (request.get("targets").getValueType() != JsonValue.ValueType.ARRAY || request.getJsonArray("targets").isEmpty()) {
            throw new InvalidCleanupRequestException("targets must be a non-empty array of " + known);
        }
        List<String> targets = new ArrayList<>();
        for (JsonValue value : request.getJsonArray("targets")) {
            if (!(value instanceof JsonString name) || !known.contains(name.getString())) {
                throw new InvalidCleanupRequestException("unknown target " + value + "; targets are " + known);
            }
            targets.add(name.getString());
        }
        return targets;
    }

    /** The target's section, or null when the request has none (or null) or the target takes no overrides. */
    private static JsonObject section(JsonObject request, String name, Set<String> fields) {
        if (fields.isEmpty() || !request.containsKey(name) || request.isNull(name)) {
            return null;
        }
        if (request.get(name).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidCleanupRequestException(name + " must be an object with " + fields);
        }
        JsonObject section = request.getJsonObject(name);
        onlyKnown(name + ".", section, fields);
        return section;
    }

    private static void onlyKnown(String prefix, JsonObject object, Set<String> fields) {
        for (String key : object.keySet()) {
            if (!fields.contains(key)) {
                throw new InvalidCleanupRequestException("unknown field " + prefix + key + "; expected one of " + fields);
            }
        }
    }

    private static boolean bool(JsonValue value, String field) {
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new InvalidCleanupRequestException(field + " must be true or false");
    }
}
