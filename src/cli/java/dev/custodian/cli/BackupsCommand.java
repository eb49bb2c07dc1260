package dev.custodian.cli;

import jakarta.json.JsonObject;
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
 * {@code custodian backups forget --env E --keep-* N --dry-run}: what a backups policy would remove in one
 * environment. The cleanup API can neither limit a run to one environment nor list the backups it keeps (its
 * report samples at most 20 removals, across all environments), so this runs the backups target dry with the
 * given keep counts and shows that environment's part of the sample; a real run is refused, since the keep
 * counts would apply to every environment.
 */
@Command(name = "backups", description = "Backup retention.", subcommands = BackupsCommand.Forget.class)
final class BackupsCommand {

    @Command(name = "forget", sortOptions = false,
            description = {"Show which backups of one environment a keep policy would remove (dry run only).",
                    "The keep counts are per environment; without them the configured policy applies."},
            footer = {"", "Limits of the current API: the report lists at most 20 removals across",
                    "all environments, not the backups kept nor the bucket that keeps each;",
                    "a real forget is refused because the API cannot limit a run to one",
                    "environment ('custodian cleanup --target backups' covers all of them)."})
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
        @Option(names = "--dry-run", description = "Required: show, remove nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            if (!dryRun) {
                throw CliException.usage("backups forget runs only with --dry-run for now: the API cannot limit a real run"
                        + " to environment " + environment + " (custodian cleanup --target backups --keep-... applies to all)");
            }
            if (environment.isBlank() || environment.contains("/") || environment.startsWith(".")) {
                throw CliException.usage("--env '" + environment + "' is not an environment name");
            }
            Map<String, Integer> keeps = new LinkedHashMap<>();
            put(keeps, "--keep-last", keepLast);
            put(keeps, "--keep-daily", keepDaily);
            put(keeps, "--keep-weekly", keepWeekly);
            put(keeps, "--keep-monthly", keepMonthly);
            String body = new CleanupRequest(true, null, false, false, List.of("backups"), Map.of(), keeps).toJson().toString();
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

    /** The environment's lines of a dry backups run: {@code remove backups/E/x (bucket)}, {@code keep ... (compress)}. */
    static String describe(JsonObject run, String environment) {
        JsonObject backups = RunReport.targets(run).getJsonObject("backups");
        String prefix = "backups/" + environment + "/";
        List<String> remove = new ArrayList<>();
        List<String> compress = new ArrayList<>();
        int listed = 0;
        if (backups != null && backups.getJsonArray("sample") != null) {
            for (JsonValue item : backups.getJsonArray("sample")) {
                String text = item instanceof JsonString s ? s.getString() : item.toString();
                if (!text.endsWith("(compress)")) {
                    listed++;
                }
                if (text.startsWith(prefix)) {
                    (text.endsWith("(compress)") ? compress : remove).add(text.substring(prefix.length()));
                }
            }
        }
        long matched = backups == null ? 0 : RunReport.number(backups, "matched");
        StringBuilder out = new StringBuilder("Dry run ").append(run.getString("id", "?")).append(", environment ")
                .append(environment).append(": nothing was removed.\n");
        remove.forEach(line -> out.append("  remove  ").append(line).append('\n'));
        compress.forEach(line -> out.append("  keep    ").append(line).append('\n'));
        if (remove.isEmpty()) {
            out.append("  (no removal of ").append(environment).append(" listed)\n");
        }
        out.append('\n').append("All environments: ").append(matched).append(" backup(s) would be removed, ")
                .append(Format.bytes(backups == null ? 0 : RunReport.size(backups, true))).append(".\n");
        if (matched > listed) {
            out.append("The report lists only ").append(listed).append(" of them: this environment may have more than shown.\n");
        }
        return out.toString();
    }
}
