package dev.custodian.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A cleanup run's report (the API's JSON) for people: a headline, a table per target, and what went. */
final class RunReport {

    private RunReport() {
    }

    static String render(JsonObject run) {
        StringBuilder out = new StringBuilder();
        boolean dry = run.getBoolean("dryRun", true);
        out.append(dry ? "Dry run " : "Cleanup run ").append(run.getString("id", "?"));
        if (run.containsKey("planId")) {
            out.append(" (applying the plan of ").append(run.getString("planId")).append(')');
        }
        out.append(": ").append(run.getString("status", "?"));
        took(run).ifPresent(ms -> out.append(" in ").append(Format.millis(ms)));
        if (run.containsKey("principal")) {
            out.append(", by ").append(run.getString("principal"));
        }
        out.append('\n').append('\n').append(table(run)).append('\n');
        out.append(items(run, dry));
        if (dry) {
            out.append("Nothing was changed (dry run). To delete exactly this (what is still due then): custodian plan apply ")
                    .append(run.getString("id", "?")).append('\n');
        }
        return out.toString();
    }

    static String table(JsonObject run) {
        boolean dry = run.getBoolean("dryRun", false);
        if (run.containsKey("planId")) {
            return applyTable(run);
        }
        Table table = new Table(1, "TARGET", "MATCHED", "DELETED", "SIZE", "ERRORS", "TOOK");
        long matched = 0;
        long deleted = 0;
        long bytes = 0;
        long errors = 0;
        for (Map.Entry<String, JsonValue> entry : targets(run).entrySet()) {
            if (!(entry.getValue() instanceof JsonObject t)) {
                continue;
            }
            table.row(entry.getKey(), number(t, "matched"), number(t, "deleted"), Format.bytes(size(t, dry)),
                    number(t, "errors"), t.containsKey("durationMs") ? Format.millis(number(t, "durationMs")) : "-");
            matched += number(t, "matched");
            deleted += number(t, "deleted");
            bytes += size(t, dry);
            errors += number(t, "errors");
        }
        table.row("total", matched, deleted, Format.bytes(bytes), errors, "");
        return table.render();
    }

    /** An apply run's table: as a real run's, with the plan's items it skipped (no longer due). */
    private static String applyTable(JsonObject run) {
        Table table = new Table(1, "TARGET", "MATCHED", "DELETED", "SKIPPED", "SIZE", "ERRORS", "TOOK");
        long[] total = new long[5];
        for (Map.Entry<String, JsonValue> entry : targets(run).entrySet()) {
            if (entry.getValue() instanceof JsonObject t) {
                table.row(entry.getKey(), number(t, "matched"), number(t, "deleted"), number(t, "skipped"), Format.bytes(size(t, false)),
                        number(t, "errors"), t.containsKey("durationMs") ? Format.millis(number(t, "durationMs")) : "-");
                String[] fields = {"matched", "deleted", "skipped", "bytesFreed", "errors"};
                for (int i = 0; i < fields.length; i++) {
                    total[i] += number(t, fields[i]);
                }
            }
        }
        table.row("total", total[0], total[1], total[2], Format.bytes(total[3]), total[4], "");
        return table.render();
    }

    /**
     * The bytes a target's row shows: what a real run freed, or what a dry run would free ({@code bytesMatched}; a
     * dry run frees nothing, so its {@code bytesFreed} is 0).
     */
    static long size(JsonObject target, boolean dry) {
        return dry && target.containsKey("bytesMatched") ? number(target, "bytesMatched") : number(target, "bytesFreed");
    }

    /** The sample of each target: ids and paths, with the server's reason where it gives one. */
    static String items(JsonObject run, boolean dry) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonValue> entry : targets(run).entrySet()) {
            if (!(entry.getValue() instanceof JsonObject t) || t.getJsonArray("sample") == null || t.getJsonArray("sample").isEmpty()) {
                continue;
            }
            out.append(dry ? "Would delete" : "Deleted").append(" (").append(entry.getKey()).append("):\n");
            int listed = 0;
            for (JsonValue item : t.getJsonArray("sample")) {
                out.append("  ").append(item instanceof JsonString s ? s.getString() : item.toString()).append('\n');
                listed++;
            }
            long matched = number(t, "matched");
            if (matched > listed) {
                out.append("  … and ").append(matched - listed).append(" more (the report lists the first ").append(listed).append(")\n");
            }
        }
        return out.isEmpty() ? "" : out.append('\n').toString();
    }

    /** The targets this run covers, in order; empty while the server has not reported any. */
    static JsonObject targets(JsonObject run) {
        JsonValue targets = run.get("targets");
        return targets instanceof JsonObject t ? t : JsonValue.EMPTY_JSON_OBJECT;
    }

    static long number(JsonObject target, String field) {
        return target.get(field) instanceof JsonNumber n ? n.longValue() : 0;
    }

    private static java.util.Optional<Long> took(JsonObject run) {
        try {
            if (run.containsKey("startedAt") && run.containsKey("finishedAt")) {
                return java.util.Optional.of(Duration.between(Instant.parse(run.getString("startedAt")),
                        Instant.parse(run.getString("finishedAt"))).toMillis());
            }
        } catch (DateTimeParseException | ClassCastException e) {
            // shown without a duration
        }
        return java.util.Optional.empty();
    }
}
