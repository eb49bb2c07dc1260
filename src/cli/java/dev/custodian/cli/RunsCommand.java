package dev.custodian.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custodian runs [--limit N] [RUN]}: the cleanup history, newest first, or one run's report. */
@Command(name = "runs", description = {"List cleanup runs, newest first; with a RUN id, print that run's report."})
final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (1-500, default ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "A run id: show its report.")
    String runId;

    @Override
    public Integer call() {
        Api api = client.api();
        PrintWriter out = spec.commandLine().getOut();
        if (runId != null) {
            Reply reply = api.expect(api.get("/api/system/cleanup/runs/" + Paths.segment(runId)), "read cleanup runs", false, 200);
            if (client.json) {
                client.raw(out, reply);
            } else {
                client.say(out, RunReport.render(reply.object()));
            }
            return ExitCode.DONE;
        }
        Reply reply = api.expect(api.get("/api/system/cleanup/runs?limit=" + limit), "read cleanup runs", false, 200);
        if (client.json) {
            client.raw(out, reply);
            return ExitCode.DONE;
        }
        Table table = new Table(6, "RUN", "STARTED", "TRIGGER", "BY", "KIND", "STATUS", "DELETED", "FREED", "ERRORS", "TOOK");
        for (JsonValue value : reply.array()) {
            JsonObject run = value.asJsonObject();
            long deleted = 0;
            long freed = 0;
            long errors = 0;
            long took = 0;
            for (JsonValue t : RunReport.targets(run).values()) {
                if (t instanceof JsonObject target) {
                    deleted += RunReport.number(target, "deleted");
                    freed += RunReport.number(target, "bytesFreed");
                    errors += RunReport.number(target, "errors");
                    took += RunReport.number(target, "durationMs");
                }
            }
            boolean dry = run.getBoolean("dryRun", true);
            table.row(Format.shortId(run.getString("id", null)), Format.instant(run.getString("startedAt", null), ZoneId.systemDefault()),
                    run.getString("trigger", "-"), run.getString("principal", "-"), dry ? "dry" : "real", run.getString("status", "-"),
                    dry ? "-" : deleted, dry ? "-" : Format.bytes(freed), errors, Format.millis(took));
        }
        client.say(out, table.isEmpty() ? "No cleanup runs yet.\n" : table.render());
        return ExitCode.DONE;
    }
}
