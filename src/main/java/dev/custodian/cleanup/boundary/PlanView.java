package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.CleanupPlans;
import dev.custodian.cleanup.control.PlanCursor;
import dev.custodian.cleanup.entity.CleanupRun;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/**
 * One page of a plan: {@code {runId, expiresAt, items: [{target, item, step, reason, bytes?}], nextCursor?}};
 * {@code nextCursor} is absent on the last page, {@code bytes} where the size is not known.
 */
final class PlanView {

    private PlanView() {
    }

    /** @param rows up to {@code limit + 1} rows: one more than the page says there is a next page */
    static JsonObject of(CleanupRun run, Instant expiresAt, List<CleanupPlans.Row> rows, int limit) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        rows.stream().limit(limit).forEach(row -> {
            JsonObjectBuilder item = Json.createObjectBuilder().add("target", row.target()).add("item", row.item().item())
                    .add("step", row.item().step()).add("reason", row.item().reason());
            if (row.item().bytes() >= 0) {
                item.add("bytes", row.item().bytes());
            }
            items.add(item);
        });
        JsonObjectBuilder page = Json.createObjectBuilder().add("runId", run.id().toString())
                .add("expiresAt", expiresAt.toString()).add("items", items);
        if (rows.size() > limit) {
            CleanupPlans.Row last = rows.get(limit - 1);
            page.add("nextCursor", new PlanCursor(last.target(), last.item().item()).encode());
        }
        return page.build();
    }
}
