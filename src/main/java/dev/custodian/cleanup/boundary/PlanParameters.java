package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.control.PlanCursor;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

/** The query parameters of {@code GET /api/system/cleanup/runs/{id}/plan}; an unknown one is a 400 that names it. */
record PlanParameters(Optional<String> target, Optional<PlanCursor> cursor, int limit) {

    private static final List<String> KNOWN = List.of("cursor", "limit", "target");
    static final int DEFAULT_LIMIT = 100;

    static PlanParameters parse(MultivaluedMap<String, String> q, List<String> targets) {
        q.keySet().stream().filter(name -> !KNOWN.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw new InvalidCleanupRequestException("query parameter '" + name + "' is not known; the plan takes " + KNOWN);
        });
        q.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidCleanupRequestException("query parameter '" + name + "' is given " + values.size() + " times");
            }
        });
        Optional<String> target = QueryValues.value(q, "target").map(String::trim);
        target.filter(t -> !targets.contains(t)).ifPresent(t -> {
            throw new InvalidCleanupRequestException("unknown target '" + t + "'; targets are " + targets);
        });
        Optional<PlanCursor> cursor = QueryValues.value(q, "cursor").map(PlanCursor::decode);
        cursor.filter(c -> target.isPresent() && !c.target().equals(target.get())).ifPresent(c -> {
            throw new InvalidCleanupRequestException("cursor is not one of a page of target '" + target.get() + "'");
        });
        return new PlanParameters(target, cursor, QueryValues.value(q, "limit").map(QueryValues::limit).orElse(DEFAULT_LIMIT));
    }
}
