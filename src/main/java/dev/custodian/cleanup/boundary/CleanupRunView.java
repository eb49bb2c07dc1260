package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.entity.CleanupRun;
import dev.custodian.platform.json.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A run as the API shows it: {@code {id, trigger, principal, dryRun, status, startedAt, finishedAt, targets}}, and
 * {@code planId} for an apply run: the dry run whose plan it applied.
 */
final class CleanupRunView {

    private CleanupRunView() {
    }

    static JsonObject of(CleanupRun run) {
        JsonObjectBuilder view = Json.createObjectBuilder()
                .add("id", run.id().toString())
                .add("trigger", run.trigger())
                .add("dryRun", run.dryRun())
                .add("status", run.status().name())
                .add("node", run.nodeId() == null ? "" : run.nodeId())
                .add("startedAt", run.startedAt().toString());
        if (run.principal() != null) {
            view.add("principal", run.principal());
        }
        if (run.planId() != null) {
            view.add("planId", run.planId().toString());
        }
        if (run.finishedAt() != null) {
            view.add("finishedAt", run.finishedAt().toString());
        }
        view.add("targets", run.report() == null ? JsonValue.EMPTY_JSON_OBJECT : JsonText.parse(run.report()));
        return view.build();
    }
}
