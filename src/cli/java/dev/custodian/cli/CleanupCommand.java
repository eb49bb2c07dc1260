package dev.custodian.cli;

import jakarta.json.JsonObject;
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

/** {@code custodian cleanup}: one cleanup run, real unless {@code --dry-run}, followed to its end. */
@Command(name = "cleanup", sortOptions = false,
        description = {"Run a cleanup now and print what it deleted, per target (jobs, events, files, backups).",
                "Without --dry-run this is a real run: it deletes. With --dry-run nothing changes and the report says"
                        + " what a real run would delete right now.",
                "A run that outlasts a few seconds is followed until it ends (a progress line on a terminal)."},
        footer = {"", "Examples:",
                "  custodian cleanup --dry-run --days 7 --temp-only",
                "  custodian cleanup --jobs-only --older-than 30d --restore-window 0s",
                "  custodian cleanup -q --target files,backups --keep-last 3   # cron",
                "",
                "Exit codes: 0 done, 1 failed, 2 usage, 3 partial (a target had errors),",
                "4 credentials or role refused, 5 another cleanup run is active."})
final class CleanupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Option(names = "--dry-run", description = "Delete nothing; report what a real run would delete now.")
    boolean dryRun;

    @Option(names = "--days", paramLabel = "N", description = "Same as --older-than Nd.")
    Integer days;

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Delete what is older than AGE (e.g. 30d, 12h): the TTLs of finished jobs, the age of temp"
                    + " and log files. Not pending jobs nor the restore window (their own options).")
    String olderThan;

    @Option(names = "--temp-only", description = "Only temporary files (temp/ and *.tmp-like names); no jobs, logs, outputs or backups.")
    boolean tempOnly;

    @Option(names = "--jobs-only", description = "Only the jobs target (soft delete, then purge after the restore window).")
    boolean jobsOnly;

    @Option(names = "--target", paramLabel = "T", split = ",",
            description = "Only these targets (repeat or comma-separate): jobs, events, files, backups.")
    List<String> targets;

    @Option(names = "--completed-ttl", paramLabel = "AGE", description = "jobs: TTL of COMPLETED jobs for this run.")
    String completedTtl;
    @Option(names = "--failed-ttl", paramLabel = "AGE", description = "jobs: TTL of FAILED jobs.")
    String failedTtl;
    @Option(names = "--cancelled-ttl", paramLabel = "AGE", description = "jobs: TTL of CANCELLED jobs.")
    String cancelledTtl;
    @Option(names = "--pending-ttl", paramLabel = "AGE", description = "jobs: TTL of PENDING jobs never claimed.")
    String pendingTtl;
    @Option(names = "--restore-window", paramLabel = "AGE", description = "jobs: purge soft-deleted jobs after AGE (0s: at once).")
    String restoreWindow;
    @Option(names = "--temp-max-age", paramLabel = "AGE", description = "files: age of temporary files (at least 1m).")
    String tempMaxAge;
    @Option(names = "--log-max-age", paramLabel = "AGE", description = "files: age of log files.")
    String logMaxAge;
    @Option(names = "--orphan-grace", paramLabel = "AGE", description = "files: age of output files no job references.")
    String orphanGrace;
    @Option(names = "--keep-last", paramLabel = "N", description = "backups: keep the newest N per environment.")
    Integer keepLast;
    @Option(names = "--keep-daily", paramLabel = "N", description = "backups: keep one a day for N days.")
    Integer keepDaily;
    @Option(names = "--keep-weekly", paramLabel = "N", description = "backups: keep one a week for N weeks.")
    Integer keepWeekly;
    @Option(names = "--keep-monthly", paramLabel = "N", description = "backups: keep one a month for N months.")
    Integer keepMonthly;

    @Override
    public Integer call() throws InterruptedException {
        String body = request().toJson().toString();
        Api api = client.api();
        PrintWriter out = spec.commandLine().getOut();
        Reply done = new RunFollower(api, client, out).start(body);
        JsonObject run = done.object();
        if (client.json) {
            client.raw(out, done);
        } else {
            client.say(out, RunReport.render(run));
        }
        return RunFollower.explainOutcome(run, spec.commandLine().getErr());
    }

    /** The request these options ask for; usage errors (exit 2) before anything is sent. */
    CleanupRequest request() {
        if (days != null && olderThan != null) {
            throw CliException.usage("--days and --older-than say the same thing: give one");
        }
        Map<String, String> durations = new LinkedHashMap<>();
        putIfSet(durations, "--completed-ttl", completedTtl);
        putIfSet(durations, "--failed-ttl", failedTtl);
        putIfSet(durations, "--cancelled-ttl", cancelledTtl);
        putIfSet(durations, "--pending-ttl", pendingTtl);
        putIfSet(durations, "--restore-window", restoreWindow);
        putIfSet(durations, "--temp-max-age", tempMaxAge);
        putIfSet(durations, "--log-max-age", logMaxAge);
        putIfSet(durations, "--orphan-grace", orphanGrace);
        Map<String, Integer> keeps = new LinkedHashMap<>();
        putIfSet(keeps, "--keep-last", keepLast);
        putIfSet(keeps, "--keep-daily", keepDaily);
        putIfSet(keeps, "--keep-weekly", keepWeekly);
        putIfSet(keeps, "--keep-monthly", keepMonthly);
        return new CleanupRequest(dryRun, days != null ? CleanupRequest.days(days) : olderThan, tempOnly, jobsOnly,
                targets == null ? List.of() : new ArrayList<>(targets), durations, keeps);
    }

    private static <T> void putIfSet(Map<String, T> map, String option, T value) {
        if (value != null) {
            map.put(option, value);
        }
    }
}
