package dev.custodian.cli;

import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code custodian schedule pause|resume|status}: the scheduled cleanup (cluster-wide). */
@Command(name = "schedule", description = "Pause, resume or show the scheduled cleanup (for every node at once).",
        subcommands = {ScheduleCommand.Pause.class, ScheduleCommand.Resume.class, ScheduleCommand.Status.class})
final class ScheduleCommand {

    @Command(name = "pause", description = "Stop scheduled cleanup runs until resumed (runs asked for still go).")
    static final class Pause extends Change {
        Pause() {
            super(false);
        }
    }

    @Command(name = "resume", description = "Start scheduled cleanup runs again.")
    static final class Resume extends Change {
        Resume() {
            super(true);
        }
    }

    @Command(name = "status", description = "Whether the schedule runs, the next run, a run going on now, the last run and the policy.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Override
        public Integer call() {
            Api api = client.api();
            Reply reply = api.expect(api.get("/api/system/cleanup/status"), "read the cleanup status", false, 200);
            print(spec.commandLine().getOut(), client, reply);
            return ExitCode.DONE;
        }
    }

    abstract static class Change implements Callable<Integer> {
        private final boolean enabled;

        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        Change(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public Integer call() {
            Api api = client.api();
            Reply reply = api.expect(api.put("/api/system/cleanup/schedule", "{\"enabled\":" + enabled + "}"),
                    (enabled ? "resume" : "pause") + " the cleanup schedule", false, 200);
            print(spec.commandLine().getOut(), client, reply);
            return ExitCode.DONE;
        }
    }

    static void print(PrintWriter out, ClientOptions client, Reply reply) {
        if (client.json) {
            client.raw(out, reply);
        } else {
            client.say(out, describe(reply.object(), ZoneId.systemDefault()));
        }
    }

    static String describe(JsonObject status, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("Scheduled cleanup: ").append(status.getBoolean("schedulerEnabled", false) ? "on" : "PAUSED")
                .append(", every ").append(status.getString("interval", "?")).append('\n');
        out.append("Next run:          ").append(status.isNull("nextRun") || !status.containsKey("nextRun") ? "-"
                : Format.instant(status.getString("nextRun"), zone)).append('\n');
        if (status.containsKey("runningNow") && !status.isNull("runningNow")) {
            JsonObject now = status.getJsonObject("runningNow");
            out.append("Running now:       ").append(now.getString("runId", "?")).append(" on ").append(now.getString("node", "?")).append('\n');
        } else {
            out.append("Running now:       -\n");
        }
        if (status.containsKey("lastRun") && !status.isNull("lastRun")) {
            JsonObject last = status.getJsonObject("lastRun");
            out.append("Last run:          ").append(last.getString("id", "?")).append(" (")
                    .append(last.getBoolean("dryRun", true) ? "dry, " : "").append(last.getString("status", "?")).append(", ")
                    .append(Format.instant(last.getString("startedAt", null), zone)).append(")\n\n")
                    .append(RunReport.table(last));
        } else {
            out.append("Last run:          -\n");
        }
        return out.toString();
    }
}
