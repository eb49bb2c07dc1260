package dev.custodian.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custodian backups forget --env E --keep-* N [--dry-run]}: restic's {@code forget} for one environment.
 * It runs the backups target limited to that environment ({@code "backups": {"environment": E, ...}}), real unless
 * {@code --dry-run} as {@code custodian cleanup} is, and prints which backups are kept (with the rules that keep
 * each) and which are removed.
 */
@Command(name = "backups", description = "Backup retention.", subcommands = BackupsCommand.Forget.class)
final class BackupsCommand {

    @Command(name = "forget", sortOptions = false,
            description = {"Remove the backups of one environment that a keep policy does not keep, like restic forget.",
                    "Without --dry-run this removes them; with --dry-run nothing changes and the output says what would go.",
                    "The keep counts apply to this run; without them the environment's configured policy applies."},
            footer = {"", "Examples:",
                    "  custodian backups forget --env prod --keep-last 5 --keep-daily 7 --dry-run",
                    "  custodian backups forget --env qa --keep-last 3",
                    "", "The listing shows at most 20 backups (removals first); the counts are complete."})
    static final class Forget implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClientOptions client;
        @Option(names = "--env", paramLabel = "E", required = true, description = "The environment (a directory under backups/).")
        String environment;
        @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N.")
        Integer keepLast;
        @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest of each of the last N days.")
        Integer keepDaily;
        @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest of each of the last N weeks.")
        Integer keepWeekly;
        @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest of each of the last N months.")
        Integer keepMonthly;
        @Option(names = "--dry-run", description = "Remove nothing; show what would be removed.")
        boolean dryRun;

        @Override
        public Integer call() {
            if (environment.isBlank() || environment.contains("/") || environment.startsWith(".")) {
                throw CliException.usage("--env '" + environment + "' is not an environment name");
            }
            Map<String, Integer> keeps = new LinkedHashMap<>();
            put(keeps, "--keep-last", keepLast);
            put(keeps, "--keep-daily", keepDaily);
            put(keeps, "--keep-weekly", keepWeekly);
            put(keeps, "--keep-monthly", keepMonthly);
            String body = request(new CleanupRequest(dryRun, null, false, false, List.of("backups"), Map.of(), keeps), environment).toString();
            Api api = client.api();
            PrintWriter out = spec.commandLine().getOut();
            Reply done;
            try {
                done = new RunFollower(api, client, out).start(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.FAILED, "interrupted");
            }
            if (client.json) {
                client.raw(out, done);
            } else {
                client.say(out, describe(done.object(), environment));
            }
            return RunFollower.explainOutcome(done.object(), spec.commandLine().getErr());
        }

        private static void put(Map<String, Integer> keeps, String option, Integer value) {
            if (value != null) {
                keeps.put(option, value);
            }
        }
    }

    /** The cleanup request's body, its backups section limited to {@code environment}. */
    static JsonObject request(CleanupRequest request, String environment) {
        JsonObject json = request.toJson();
        JsonObjectBuilder backups = Json.createObjectBuilder(json.containsKey("backups") ? json.getJsonObject("backups") : JsonValue.EMPTY_JSON_OBJECT)
                .add("environment", environment);
        return Json.createObjectBuilder(json).add("backups", backups).build();
    }

    /**
     * The run's backups as restic prints them: {@code keep N backups} with the rules that keep each, then
     * {@code remove N backups}. Kept backups the sample has no room for are counted as not listed.
     */
    static String describe(JsonObject run, String environment) {
        JsonObject backups = RunReport.targets(run).getJsonObject("backups");
        boolean dry = run.getBoolean("dryRun", false);
        String prefix = "backups/" + environment + "/";
        List<String> keep = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> compress = new ArrayList<>();
        if (backups != null && backups.getJsonArray("sample") != null) {
            for (JsonValue item : backups.getJsonArray("sample")) {
                String text = item instanceof JsonString s ? s.getString() : item.toString();
                if (!text.startsWith(prefix)) {
                    continue;
                }
                String line = text.substring(prefix.length());
                if (line.endsWith("(compress)")) {
                    compress.add(line);
                } else if (line.contains(" (kept by ")) {
                    int at = line.indexOf(" (kept by ");
                    keep.add(line.substring(0, at) + "  " + line.substring(at + " (kept by ".length(), line.length() - 1));
                } else {
                    remove.add(line);
                }
            }
        }
        long matched = backups == null ? 0 : RunReport.number(backups, "matched");
        StringBuilder out = new StringBuilder(dry ? "Dry run " : "Run ").append(run.getString("id", "?"))
                .append(", environment ").append(environment).append(dry ? ": nothing was removed.\n" : ".\n");
        out.append("keep ").append(keep.size()).append(keep.size() == 1 ? " backup" : " backups").append(":\n");
        keep.forEach(line -> out.append("  ").append(line).append('\n'));
        compress.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(dry ? "would remove " : "removed ").append(dry ? matched : RunReport.number(backups == null ? JsonValue.EMPTY_JSON_OBJECT : backups, "deleted"))
                .append(matched == 1 ? " backup" : " backups").append(", ").append(Format.bytes(backups == null ? 0 : RunReport.size(backups, dry)))
                .append(":\n");
        remove.forEach(line -> out.append("  ").append(line).append('\n'));
        if (matched > remove.size()) {
            out.append("  ... and ").append(matched - remove.size()).append(" more not listed (the report lists at most 20 backups)\n");
        }
        return out.toString();
    }
}
