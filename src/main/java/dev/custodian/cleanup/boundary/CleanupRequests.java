package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.CleanupOverrides;
import dev.custodian.cleanup.control.CleanupService;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.platform.config.Durations;
import dev.custodian.retention.control.RetentionPolicy;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code POST /api/system/cleanup} bodies strictly: unknown fields, unknown targets, negative or unparsable
 * overrides are a 400 naming the field, before anything runs.
 */
final class CleanupRequests {

    private static final java.math.BigDecimal MAX_KEEP = java.math.BigDecimal.valueOf(100_000);
    private static final Duration MIN_TEMP_AGE = Duration.ofMinutes(1);
    private static final Set<String> FIELDS = Set.of("dryRun", "targets", "jobs", "files", "backups");
    private static final Set<String> JOB_FIELDS = Set.of("completedTtl", "failedTtl", "cancelledTtl", "pendingTtl", "restoreWindow");
    private static final Set<String> FILE_FIELDS = Set.of("tempMaxAge", "logMaxAge", "orphanGrace");
    private static final Set<String> BACKUP_FIELDS = Set.of("keepLast", "keepDaily", "keepWeekly", "keepMonthly");

    private CleanupRequests() {
    }

    record Parsed(boolean dryRun, List<String> targets, CleanupOverrides overrides) {
    }

    static Parsed parse(JsonValue body) {
        if (body != null && body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidCleanupRequestException("the body must be a JSON object {dryRun?, targets?, jobs?, files?, backups?}; was "
                    + body.getValueType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        JsonObject request = body == null ? JsonValue.EMPTY_JSON_OBJECT : body.asJsonObject();
        onlyKnown("", request, FIELDS);
        boolean dryRun = !request.containsKey("dryRun") || bool(request.get("dryRun"), "dryRun");
        JsonObject jobs = section(request, "jobs", JOB_FIELDS);
        JsonObject files = section(request, "files", FILE_FIELDS);
        JsonObject backups = section(request, "backups", BACKUP_FIELDS);
        RetentionPolicy.Override jobOverride = new RetentionPolicy.Override(duration(jobs, "jobs.", "completedTtl"),
                duration(jobs, "jobs.", "failedTtl"), duration(jobs, "jobs.", "cancelledTtl"), duration(jobs, "jobs.", "pendingTtl"),
                duration(jobs, "jobs.", "restoreWindow"));
        Integer keepLast = count(backups, "keepLast");
        Integer keepDaily = count(backups, "keepDaily");
        Integer keepWeekly = count(backups, "keepWeekly");
        Integer keepMonthly = count(backups, "keepMonthly");
        if (backups.keySet().containsAll(BACKUP_FIELDS) && keepLast + keepDaily + keepWeekly + keepMonthly == 0) {
            // fewer counts are checked against the configured policy they are laid over (BackupRetention.validate)
            throw new InvalidCleanupRequestException("backups: a policy that keeps nothing is refused (all keep counts are 0)");
        }
        Duration tempMaxAge = duration(files, "files.", "tempMaxAge");
        if (tempMaxAge != null && tempMaxAge.compareTo(MIN_TEMP_AGE) < 0) {
            // uploads stream into temp/: a shorter age could delete one while it is being written
            throw new InvalidCleanupRequestException("files.tempMaxAge must be at least 1m");
        }
        return new Parsed(dryRun, targets(request), new CleanupOverrides(jobOverride, tempMaxAge,
                duration(files, "files.", "logMaxAge"), duration(files, "files.", "orphanGrace"), keepLast, keepDaily, keepWeekly, keepMonthly));
    }

    private static List<String> targets(JsonObject request) {
        if (!request.containsKey("targets") || request.isNull("targets")) {
            return CleanupService.TARGETS;
        }
        if (request.get("targets").getValueType() != JsonValue.ValueType.ARRAY || request.getJsonArray("targets").isEmpty()) {
            throw new InvalidCleanupRequestException("targets must be a non-empty array of " + CleanupService.TARGETS);
        }
        List<String> targets = new ArrayList<>();
        for (JsonValue value : request.getJsonArray("targets")) {
            if (!(value instanceof JsonString name) || !CleanupService.TARGETS.contains(name.getString())) {
                throw new InvalidCleanupRequestException("unknown target " + value + "; targets are " + CleanupService.TARGETS);
            }
            targets.add(name.getString());
        }
        return targets;
    }

    private static JsonObject section(JsonObject request, String name, Set<String> fields) {
        if (!request.containsKey(name) || request.isNull(name)) {
            return JsonValue.EMPTY_JSON_OBJECT;
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

    private static Duration duration(JsonObject section, String prefix, String field) {
        if (!section.containsKey(field) || section.isNull(field)) {
            return null;
        }
        if (!(section.get(field) instanceof JsonString text)) {
            throw new InvalidCleanupRequestException(prefix + field + " must be a duration such as \"2h\" or \"PT30M\"");
        }
        try {
            return Durations.parse(text.getString());
        } catch (IllegalArgumentException e) {
            throw new InvalidCleanupRequestException(prefix + field + ": " + e.getMessage());
        }
    }

    private static Integer count(JsonObject section, String field) {
        if (!section.containsKey(field) || section.isNull(field)) {
            return null;
        }
        if (!(section.get(field) instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().signum() < 0 || number.bigDecimalValue().compareTo(MAX_KEEP) > 0) {
            throw new InvalidCleanupRequestException("backups." + field + " must be a whole number from 0 to 100000");
        }
        return number.intValueExact();
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
