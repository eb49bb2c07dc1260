package dev.custodian.job.boundary;

import dev.custodian.job.control.InvalidJobRequestException;
import dev.custodian.job.control.JobFilter;
import dev.custodian.job.control.JobQuery;
import dev.custodian.job.control.JobSort;
import dev.custodian.job.control.PageCursor;
import dev.custodian.job.entity.JobStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The job list's query parameters (SPEC section 5, "Lists") and the same filter as a bulk action's JSON
 * {@code filter}: each known once here, and anything else refused with a 400 that names it.
 */
final class JobListParameters {

    static final Set<String> FILTER = Set.of("status", "type", "owner", "createdAfter", "createdBefore", "deleted");
    static final Set<String> LIST = Set.of("status", "type", "owner", "createdAfter", "createdBefore", "deleted",
            "sort", "count", "limit", "cursor");

    private JobListParameters() {
    }

    static JobQuery query(MultivaluedMap<String, String> parameters) {
        Map<String, String> p = single(parameters);
        return new JobQuery(filter(p::get),
                value(p.get("sort")).map(JobSort::parse).orElse(JobSort.CREATED_DESC),
                value(p.get("limit")).map(text -> number("limit", text)).orElse(JobQuery.DEFAULT_LIMIT),
                value(p.get("cursor")).map(PageCursor::decode),
                value(p.get("count")).map(text -> bool("count", text)).orElse(false));
    }

    /** A bulk action's {@code filter} object: string values, the same names as the list's parameters. */
    static JobFilter filter(JsonValue json) {
        if (json == null || json == JsonValue.NULL) {
            return JobFilter.ALL;
        }
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidJobRequestException("filter must be an object of list filters " + FILTER);
        }
        JsonObject object = json.asJsonObject();
        object.keySet().stream().filter(key -> !FILTER.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidJobRequestException("filter '" + key + "' is not known; filters are " + FILTER);
        });
        return filter(name -> {
            JsonValue v = object.get(name);
            if (v == null || v == JsonValue.NULL) {
                return null;
            }
            return switch (v.getValueType()) {
                case STRING -> object.getString(name);
                case TRUE -> "true";
                case FALSE -> "false";
                default -> throw new InvalidJobRequestException("filter '" + name + "' must be a string");
            };
        });
    }

    private static JobFilter filter(Function<String, String> p) {
        return new JobFilter(value(p.apply("status")).map(JobListParameters::status), value(p.apply("type")),
                value(p.apply("owner")), value(p.apply("createdAfter")).map(text -> instant("createdAfter", text)),
                value(p.apply("createdBefore")).map(text -> instant("createdBefore", text)),
                value(p.apply("deleted")).map(text -> bool("deleted", text)).orElse(false));
    }

    private static Map<String, String> single(MultivaluedMap<String, String> parameters) {
        parameters.keySet().stream().filter(name -> !LIST.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw new InvalidJobRequestException("query parameter '" + name + "' is not known; the list takes "
                    + LIST.stream().sorted().toList());
        });
        Map<String, String> single = new java.util.HashMap<>();
        parameters.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidJobRequestException("query parameter '" + name + "' is given " + values.size() + " times");
            }
            single.put(name, values.isEmpty() ? null : values.get(0));
        });
        return single;
    }

    private static Optional<String> value(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }

    static JobStatus status(String text) {
        try {
            return JobStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobRequestException("status '" + text + "' is not one of " + List.of(JobStatus.values()));
        }
    }

    private static Instant instant(String name, String text) {
        try {
            Instant at = Instant.parse(text.trim());
            if (at.getEpochSecond() < -62_135_596_800L || at.getEpochSecond() > 253_402_300_799L) {
                throw new InvalidJobRequestException(name + " '" + text + "' is outside years 1 to 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidJobRequestException(name + " '" + text + "' is not an ISO instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static boolean bool(String name, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidJobRequestException(name + " '" + text + "' is not true or false");
        };
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidJobRequestException(name + " '" + text + "' is not a number");
        }
    }
}
