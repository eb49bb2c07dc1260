package dev.custodian.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custodian plan show|apply RUN}: a dry run's stored plan, and applying it. */
@Command(name = "plan", description = {"Show or apply the plan a dry run stored: what it would delete, item by item, with why."},
        subcommands = {PlanCommand.Show.class, PlanCommand.Apply.class},
        footer = {"", "Examples:",
                "  custodian cleanup --dry-run --temp-only       # prints the run id",
                "  custodian plan show RUN --target files",
                "  custodian plan apply RUN",
                "",
                "Exit codes: 0 done, 1 failed, 2 usage, 3 partial (a target had errors),",
                "4 refused (credentials, role, or the plan: expired, or not a finished dry run), 5 another cleanup run is active."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }

    /** The plan's first page, or the refusal (404 failed; 409 and 410 refused, exit 4) before anything runs. */
    static Reply page(Api api, String runId, String target, String cursor, int limit) {
        String path = "/api/system/cleanup/runs/" + Paths.segment(runId) + "/plan?limit=" + limit
                + (target == null ? "" : "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        Reply reply = api.get(path);
        if (reply.status() == 409 || reply.status() == 410) {
            throw new CliException(ExitCode.AUTH, "the plan of run " + runId + " cannot be used (" + reply.status() + "): " + reply.detail());
        }
        return api.expect(reply, "read a cleanup plan", false, 200);
    }

    @Command(name = "show", description = {"Print every item of a dry run's plan: target, item, reason, bytes (all pages)."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(paramLabel = "RUN", description = "The dry run's id (custodian cleanup --dry-run prints it).")
        String runId;

        @Option(names = "--target", paramLabel = "T", description = "Only this target: jobs, events, files or backups.")
        String target;

        @Override
        public Integer call() {
            Api api = client.api();
            PrintWriter out = spec.commandLine().getOut();
            Table table = new Table(3, "TARGET", "ITEM", "REASON", "BYTES");
            JsonArrayBuilder all = Json.createArrayBuilder();
            String cursor = null;
            do {
                JsonObject page = page(api, runId, target, cursor, 500).object();
                for (JsonValue value : page.getJsonArray("items")) {
                    JsonObject item = value.asJsonObject();
                    all.add(item);
                    table.row(item.getString("target", "-"), item.getString("item", "-"), item.getString("reason", "-"),
                            item.containsKey("bytes") ? Format.bytes(item.getJsonNumber("bytes").longValue()) : "-");
                }
                cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
            } while (cursor != null);
            if (client.json) {
                out.println(all.build());
                out.flush();
            } else {
                client.say(out, table.isEmpty() ? "The plan of " + runId + " is empty: a real run would delete nothing.\n" : table.render());
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "apply", description = {"Apply a dry run's plan: a real run that deletes only what the plan lists and is"
            + " still due now; the rest is reported as skipped. Followed to its end, as custodian cleanup."})
    static final class Apply implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(paramLabel = "RUN", description = "The dry run's id (custodian cleanup --dry-run prints it).")
        String runId;

        @Override
        public Integer call() throws InterruptedException {
            Api api = client.api();
            PrintWriter out = spec.commandLine().getOut();
            page(api, runId, null, null, 1);
            Reply done = new RunFollower(api, client, out).start("/api/system/cleanup/runs/" + Paths.segment(runId) + "/apply", "");
            if (client.json) {
                client.raw(out, done);
            } else {
                client.say(out, RunReport.render(done.object()));
            }
            return RunFollower.explainOutcome(done.object(), spec.commandLine().getErr());
        }
    }
}
