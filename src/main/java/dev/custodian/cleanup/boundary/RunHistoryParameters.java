package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.CleanupRuns.RunFilter;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.entity.CleanupRun;
import dev.custodian.job.control.PageCursor;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The query parameters of {@code GET /api/system/cleanup/runs}; an unknown one is a 400 that names it. */
record RunHistoryParameters(RunFilter filter, int limit, Instant afterAt, UUID afterId) {

    private static final List<String> KNOWN = List.of("cursor", "dryRun", "limit", "status", "trigger");

    static RunHistoryParameters parse(MultivaluedMap<String, String> q) {
        q.keySet().stream().filter(name -> !KNOWN.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw new InvalidCleanupRequestException("query parameter '" + name + "' is not known; the history takes " + KNOWN);
        });
        q.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidCleanupRequestException("query parameter '" + name + "' is given " + values.size() + " times");
            }
        });
        int limit = QueryValues.value(q, "limit").map(QueryValues::limit).orElse(20);
        Optional<Boolean> dryRun = QueryValues.value(q, "dryRun").map(text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidCleanupRequestException("dryRun '" + text + "' is not true or false");
        });
        Optional<String> trigger = QueryValues.value(q, "trigger").map(String::trim);
        Optional<CleanupRun.Status> status = QueryValues.value(q, "status").map(RunHistoryParameters::status);
        Optional<PageCursor> cursor = QueryValues.value(q, "cursor").map(text -> {
            try {
                return PageCursor.decode(text);
            } catch (RuntimeException e) {
                throw new InvalidCleanupRequestException("cursor '" + text + "' is not valid; use the Link rel=\"next\" of a previous page");
            }
        });
        return new RunHistoryParameters(new RunFilter(dryRun, trigger, status), limit,
                cursor.map(PageCursor::createdAt).orElse(null), cursor.map(PageCursor::id).orElse(null));
    }

    private static CleanupRun.Status status(String text) {
        try {
            return CleanupRun.Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCleanupRequestException("status '" + text + "' is not one of " + Arrays.toString(CleanupRun.Status.values()));
        }
    }
}
