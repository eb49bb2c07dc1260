package dev.custodian.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/system/cleanup} for the options of {@code custodian cleanup}. Pure: no I/O, so the
 * mapping is unit-tested.
 *
 * <ul>
 * <li>{@code --temp-only} is target {@code files} with the log age and the orphan grace set to {@link #FOREVER}, so
 *     that only temporary files (under {@code temp/}, or named like {@code *.tmp} anywhere) are touched;</li>
 * <li>{@code --jobs-only} is target {@code jobs}; {@code --target} names targets as the API does;</li>
 * <li>{@code --older-than D} (or {@code --days N}) sets every age of the chosen targets: the completed, failed and
 *     cancelled TTLs of jobs, the temp and log ages of files. Never the pending TTL nor the restore window: those
 *     only by their own options. An explicit per-target option wins over it.</li>
 * </ul>
 */
record CleanupRequest(boolean dryRun, String olderThan, boolean tempOnly, boolean jobsOnly, List<String> targets,
                      Map<String, String> durations, Map<String, Integer> keeps) {

    static final List<String> TARGETS = List.of("jobs", "events", "files", "backups");
    /** An age nothing on a real disk reaches: how a run is told to leave a kind of file alone. */
    static final String FOREVER = "36500d";

    /** Option name → (target, field) of each duration override. */
    static final Map<String, String[]> DURATION_FIELDS = new LinkedHashMap<>();
    /** Option name → field of each backups keep count. */
    static final Map<String, String> KEEP_FIELDS = new LinkedHashMap<>();

    static {
        DURATION_FIELDS.put("--completed-ttl", new String[] {"jobs", "completedTtl"});
        DURATION_FIELDS.put("--failed-ttl", new String[] {"jobs", "failedTtl"});
        DURATION_FIELDS.put("--cancelled-ttl", new String[] {"jobs", "cancelledTtl"});
        DURATION_FIELDS.put("--pending-ttl", new String[] {"jobs", "pendingTtl"});
        DURATION_FIELDS.put("--restore-window", new String[] {"jobs", "restoreWindow"});
        DURATION_FIELDS.put("--temp-max-age", new String[] {"files", "tempMaxAge"});
        DURATION_FIELDS.put("--log-max-age", new String[] {"files", "logMaxAge"});
        DURATION_FIELDS.put("--orphan-grace", new String[] {"files", "orphanGrace"});
        KEEP_FIELDS.put("--keep-last", "keepLast");
        KEEP_FIELDS.put("--keep-daily", "keepDaily");
        KEEP_FIELDS.put("--keep-weekly", "keepWeekly");
        KEEP_FIELDS.put("--keep-monthly", "keepMonthly");
    }

    private static final Pattern DURATION = Pattern.compile("(?i)\\d+(ms|s|m|h|d)|0|P[0-9A-Z.]+");

    /** The targets this run covers, in the API's order; validates the combination of options. */
    List<String> chosenTargets() {
        int ways = (tempOnly ? 1 : 0) + (jobsOnly ? 1 : 0) + (targets.isEmpty() ? 0 : 1);
        if (ways > 1) {
            throw CliException.usage("--temp-only, --jobs-only and --target exclude each other: pick one");
        }
        if (tempOnly) {
            return List.of("files");
        }
        if (jobsOnly) {
            return List.of("jobs");
        }
        if (targets.isEmpty()) {
            return TARGETS;
        }
        for (String target : targets) {
            if (!TARGETS.contains(target)) {
                throw CliException.usage("unknown target '" + target + "': targets are " + String.join(", ", TARGETS));
            }
        }
        return TARGETS.stream().filter(targets::contains).toList();
    }

    JsonObject toJson() {
        List<String> chosen = chosenTargets();
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        if (olderThan != null) {
            checkDuration("--older-than", olderThan);
            if (chosen.contains("jobs")) {
                for (String field : List.of("completedTtl", "failedTtl", "cancelledTtl")) {
                    put(sections, "jobs", field, olderThan);
                }
            }
            if (chosen.contains("files")) {
                put(sections, "files", "tempMaxAge", olderThan);
                if (!tempOnly) {
                    put(sections, "files", "logMaxAge", olderThan);
                }
            }
        }
        if (tempOnly) {
            for (String option : List.of("--log-max-age", "--orphan-grace")) {
                if (durations.containsKey(option)) {
                    throw CliException.usage(option + " cannot go with --temp-only, which leaves logs and outputs alone");
                }
            }
            put(sections, "files", "logMaxAge", FOREVER);
            put(sections, "files", "orphanGrace", FOREVER);
        }
        durations.forEach((option, value) -> {
            String[] field = DURATION_FIELDS.get(option);
            checkDuration(option, value);
            requireTarget(chosen, option, field[0]);
            put(sections, field[0], field[1], value);
        });
        keeps.forEach((option, value) -> {
            if (value < 0) {
                throw CliException.usage(option + " must be 0 or more, not " + value);
            }
            requireTarget(chosen, option, "backups");
            put(sections, "backups", KEEP_FIELDS.get(option), value);
        });
        JsonObjectBuilder body = Json.createObjectBuilder().add("dryRun", dryRun);
        if (!chosen.equals(TARGETS)) {
            body.add("targets", Json.createArrayBuilder(chosen));
        }
        sections.forEach((target, fields) -> body.add(target, Json.createObjectBuilder(fields)));
        return body.build();
    }

    private static void put(Map<String, Map<String, Object>> sections, String target, String field, Object value) {
        sections.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(field, value);
    }

    private static void requireTarget(List<String> chosen, String option, String target) {
        if (!chosen.contains(target)) {
            throw CliException.usage(option + " applies to target " + target + ", which this run does not include");
        }
    }

    private static void checkDuration(String option, String value) {
        if (!DURATION.matcher(value.trim()).matches()) {
            throw CliException.usage(option + " '" + value + "' is not a duration: use e.g. 90s, 15m, 24h, 30d or PT1H");
        }
    }

    /** {@code --days N} as the duration {@code Nd}. */
    static String days(int days) {
        if (days < 0) {
            throw CliException.usage("--days must be 0 or more, not " + days);
        }
        return days + "d";
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }
}
