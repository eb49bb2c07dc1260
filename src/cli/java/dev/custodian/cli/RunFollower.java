package dev.custodian.cli;

import jakarta.json.JsonObject;
import java.io.PrintWriter;

/**
 * Starts a cleanup run and follows it to its end: the API answers the report when the run ends within
 * {@code ?wait=}, else 202 and the running report, which is then polled ({@code /runs/{id}}) every second, with a
 * progress line on a terminal.
 */
final class RunFollower {

    /** Short, so that a terminal shows progress soon; the run goes on on the server either way. */
    private static final String FIRST_WAIT = "3s";
    private static final long POLL_MS = 1000;

    private final Api api;
    private final Progress progress;

    RunFollower(Api api, ClientOptions client, PrintWriter out) {
        this.api = api;
        this.progress = Progress.forTerminal(out, client);
    }

    /** The finished run's answer (200), whose body is its report. */
    Reply start(String body) throws InterruptedException {
        return start("/api/system/cleanup", body);
    }

    /** As {@link #start(String)}, the run started by a POST of {@code body} to {@code path} (a run or a plan's apply). */
    Reply start(String path, String body) throws InterruptedException {
        long started = System.nanoTime();
        Reply reply = api.expect(api.post(path + "?wait=" + FIRST_WAIT, body), "start a cleanup run", true, 200, 202);
        try {
            while (reply.status() == 202 || "RUNNING".equals(reply.object().getString("status", ""))) {
                JsonObject running = reply.object();
                progress.show(running, (System.nanoTime() - started) / 1_000_000);
                Thread.sleep(POLL_MS);
                reply = api.expect(api.get("/api/system/cleanup/runs/" + running.getString("id")), "read a cleanup run", false, 200);
            }
        } finally {
            progress.clear();
        }
        return reply;
    }

    /** The exit code of a finished run; for 1 and 3 a line on stderr says why, even under {@code -q}. */
    static int explainOutcome(JsonObject run, PrintWriter err) {
        int code = ExitCode.forRun(run);
        if (code == ExitCode.FAILED) {
            err.println("custodian: cleanup run " + run.getString("id", "?") + " FAILED: the server's log (run_id) says why");
        } else if (code == ExitCode.PARTIAL) {
            StringBuilder which = new StringBuilder();
            RunReport.targets(run).forEach((name, value) -> {
                if (value instanceof JsonObject t && RunReport.number(t, "errors") > 0) {
                    which.append(which.isEmpty() ? "" : ", ").append(name).append(" (").append(RunReport.number(t, "errors")).append(')');
                }
            });
            err.println("custodian: cleanup run " + run.getString("id", "?") + " finished with errors in " + which
                    + ": those items were left in place; the server's log names each one and why");
        }
        err.flush();
        return code;
    }
}
