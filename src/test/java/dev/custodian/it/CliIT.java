package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static dev.custodian.it.Environment.backdate;
import static dev.custodian.it.Environment.count;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real CLI jar ({@code java -jar target/custodian-cli.jar}, built by {@code package}) run as a process against
 * the shared server: what it prints, what it changes, and each exit code of SPEC section 8 from a real situation.
 */
class CliIT extends OnSharedServer {

    private static final Path JAR = Path.of(System.getProperty("custodian.cli.jar", "target/custodian-cli.jar")).toAbsolutePath();
    private static final Duration SOON = Duration.ofSeconds(15);
    private static final Duration OLD = Duration.ofDays(10);
    private final Path root = Environment.dataRoot();
    private final Api alice = Api.alice();

    /** What one run of the CLI did. */
    record Run(int exit, String out, String err) {
        JsonObject object() {
            return Json.createReader(new StringReader(out)).readObject();
        }

        /** The lines under "Would delete (...)" or "Deleted (...)": the items a run names. */
        List<String> items() {
            List<String> items = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("  ") && !line.startsWith("  …")) {
                    items.add(line.strip());
                }
            }
            return items;
        }
    }

    private static Run cli(String... args) {
        return as("ops", "ops-pw", args);
    }

    private static Run as(String user, String password, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("CUSTODIAN_URL", Api.BASE);
        env.put("CUSTODIAN_USER", user);
        env.put("CUSTODIAN_PASSWORD", password);
        return run(env, args);
    }

    private static Run run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("CUSTODIAN_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends within 60 s: " + command).isTrue();
            Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path file(String relative, Duration age) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[1000]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private String oldCompletedJob() {
        String id = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(alice, id, "COMPLETED", SOON);
        backdate(id, "finished_at", Duration.ofDays(2));
        return id;
    }

    @Test
    void a_dry_runs_plan_is_shown_and_applied_deleting_only_what_is_still_due() throws IOException {
        Path planned = file("temp/planned.bin", OLD);
        Path touched = file("temp/touched.bin", OLD);
        String job = oldCompletedJob();

        Run dry = cli("cleanup", "--dry-run", "--target", "jobs,files");
        assertThat(dry.exit()).as(dry.err()).isZero();
        String runId = dry.out().substring("Dry run ".length(), "Dry run ".length() + 36);
        assertThat(dry.out()).contains("custodian plan apply " + runId);

        Run show = cli("plan", "show", runId);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("TARGET", "ITEM", "REASON", "BYTES").containsPattern("files +temp/planned\\.bin +temp age 10d > 7d +1000 B")
                .containsPattern("jobs +" + job + " +ttl completed 1d");
        Run files = cli("plan", "show", runId, "--target", "files", "--json");
        assertThat(files.exit()).as(files.err()).isZero();
        assertThat(Json.createReader(new StringReader(files.out())).readArray()).hasSize(2);

        Files.setLastModifiedTime(touched, FileTime.from(Instant.now()));
        Run apply = cli("plan", "apply", runId);

        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("applying the plan of " + runId, "SKIPPED").containsPattern("files +1 +1 +1 ");
        assertThat(planned).doesNotExist();
        assertThat(touched).exists();
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isZero();

        Environment.execute("UPDATE cleanup_run SET started_at = started_at - INTERVAL '2' HOUR WHERE id = '" + runId + "'");
        Run expired = cli("plan", "apply", runId);
        assertThat(expired.exit()).as(expired.out() + expired.err()).isEqualTo(4);
        assertThat(expired.err()).contains("410");
        assertThat(cli("plan", "show", UUID.randomUUID().toString()).exit()).isEqualTo(1);
    }

    @Test
    void a_dry_run_changes_nothing_and_prints_what_the_real_run_then_deletes() throws IOException {
        Path temp = file("temp/a/old.bin", OLD);
        Path pattern = file("extra/cache/old.tmp", OLD);
        Path young = file("temp/young.bin", Duration.ofMinutes(5));
        String job = oldCompletedJob();

        Run dry = cli("cleanup", "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run ", "Would delete (files):", "Nothing was changed");
        assertThat(dry.out()).containsPattern("files +2 +0 +2\\.0 KiB +0");
        assertThat(dry.items()).anyMatch(item -> item.startsWith("temp/a/old.bin"))
                .anyMatch(item -> item.startsWith("extra/cache/old.tmp")).anyMatch(item -> item.startsWith(job));
        assertThat(temp).exists();
        assertThat(pattern).exists();
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isEqualTo(1);

        Run real = cli("cleanup");

        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.out()).startsWith("Cleanup run ").contains("Deleted (files):");
        assertThat(real.items()).containsExactlyInAnyOrderElementsOf(dry.items());
        assertThat(temp).doesNotExist();
        assertThat(pattern).doesNotExist();
        assertThat(young).exists();
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isZero();
    }

    @Test
    void temp_only_touches_only_temp_files() throws IOException {
        Path temp = file("temp/old.bin", OLD);
        Path pattern = file("extra/old.cache", OLD);
        Path log = file("logs/app-2020.log", Duration.ofDays(400));
        Path orphan = file("output/orphan.bin", Duration.ofDays(2));
        Path backup = file("backups/dev/b1.dump", Duration.ofDays(300));
        for (int i = 0; i < 6; i++) {
            file("backups/dev/new-" + i + ".dump", Duration.ofDays(i));
        }
        oldCompletedJob();

        Run run = cli("cleanup", "--temp-only", "--older-than", "1d");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("files").doesNotContain("jobs ").doesNotContain("backups ");
        assertThat(temp).doesNotExist();
        assertThat(pattern).doesNotExist();
        assertThat(log).exists();
        assertThat(orphan).exists();
        assertThat(backup).exists();
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isEqualTo(1);
    }

    @Test
    void json_prints_the_apis_answer_which_parses() throws IOException {
        file("temp/old.bin", OLD);

        Run run = cli("cleanup", "--dry-run", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject report = run.object();
        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getJsonObject("targets").keySet()).containsExactly("jobs", "events", "files", "backups");
        assertThat(report.getJsonObject("targets").getJsonObject("files").getInt("matched")).isEqualTo(1);
        Run runs = cli("runs", "--json");
        JsonArray history = Json.createReader(new StringReader(runs.out())).readArray();
        assertThat(history.getJsonObject(0).getString("id")).isEqualTo(report.getString("id"));
        assertThat(cli("runs").out()).contains(report.getString("id").substring(0, 8), "dry", "SUCCEEDED");
    }

    @Test
    void a_target_with_errors_exits_3_and_says_so_on_stderr_even_when_quiet() throws Exception {
        Path stuck = file("temp/stuck/locked.bin", OLD);
        Path free = file("temp/free.bin", OLD);
        Assumptions.assumeTrue(chattr("+i", stuck), "chattr +i is not available here");
        try {
            Run run = cli("cleanup", "-q", "--temp-only");

            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("finished with errors in files (1)");
            assertThat(stuck).exists();
            assertThat(free).doesNotExist();
        } finally {
            chattr("-i", stuck);
        }
    }

    @Test
    void a_real_run_while_another_holds_the_lock_exits_5_and_a_dry_run_still_goes() {
        String holder = "00000000-0000-0000-0000-00000000beef";
        Environment.execute("UPDATE cleanup_lock SET run_id = '" + holder + "', holder = 'elsewhere', expires_at = "
                + (Environment.DATABASE.equals("postgres") ? "now() + interval '5 minutes'" : "DATEADD('MINUTE', 5, CURRENT_TIMESTAMP)"));

        Run refused = cli("cleanup");

        assertThat(refused.exit()).isEqualTo(5);
        assertThat(refused.err()).contains("another cleanup run is active (409)", holder, "try again");
        assertThat(cli("cleanup", "--dry-run").exit()).isZero();
        assertThat(cli("schedule", "status").out()).contains("Running now:       " + holder + " on elsewhere");
    }

    @Test
    void wrong_credentials_and_a_user_without_the_admin_role_exit_4() {
        Run wrong = as("ops", "not-the-password", "cleanup", "--dry-run");
        Run user = as("alice", "alice-pw", "cleanup", "--dry-run");

        assertThat(wrong.exit()).isEqualTo(4);
        assertThat(wrong.err()).contains("credentials of ops", "CUSTODIAN_PASSWORD").doesNotContain("not-the-password");
        assertThat(user.exit()).isEqualTo(4);
        assertThat(user.err()).contains("alice may not start a cleanup run (403)", "admin role");
        assertThat(count("SELECT COUNT(*) FROM cleanup_run")).isZero();
    }

    @Test
    void usage_errors_exit_2_whether_the_cli_or_the_server_finds_them_and_nothing_runs() {
        Run contradiction = cli("cleanup", "--temp-only", "--jobs-only");
        Run refusedByServer = cli("cleanup", "--temp-max-age", "10s");
        Run plainHttp = run(Map.of("CUSTODIAN_URL", "http://custodian.example.com", "CUSTODIAN_USER", "ops",
                "CUSTODIAN_PASSWORD", "ops-pw"), "runs");

        assertThat(contradiction.exit()).isEqualTo(2);
        assertThat(contradiction.err()).contains("exclude each other");
        assertThat(refusedByServer.exit()).isEqualTo(2);
        assertThat(refusedByServer.err()).contains("(400)", "tempMaxAge must be at least 1m");
        assertThat(plainHttp.exit()).isEqualTo(2);
        assertThat(plainHttp.err()).contains("--insecure-http");
        Run unknownEnvironment = cli("backups", "forget", "--env", "nosuch", "--keep-last", "1");
        assertThat(unknownEnvironment.exit()).isEqualTo(2);
        assertThat(unknownEnvironment.err()).contains("(400)", "unknown environment 'nosuch'");
        assertThat(count("SELECT COUNT(*) FROM cleanup_run")).isZero();
    }

    @Test
    void a_missing_run_an_unreachable_server_and_a_conflicting_cancel_exit_1() {
        Run missing = cli("runs", UUID.randomUUID().toString());
        Run unreachable = run(Map.of("CUSTODIAN_URL", "http://127.0.0.1:1", "CUSTODIAN_USER", "ops", "CUSTODIAN_PASSWORD", "ops-pw"), "runs");
        String job = oldCompletedJob();
        Run cancel = as("alice", "alice-pw", "jobs", "cancel", job);

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("not found (404)");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the server at http://127.0.0.1:1", "CUSTODIAN_URL");
        assertThat(cancel.exit()).as(cancel.err()).isEqualTo(1);
        assertThat(cancel.err()).contains("(409)");
    }

    @Test
    void jobs_are_submitted_with_a_file_listed_shown_cancelled_and_retried() throws IOException {
        Path input = Files.writeString(Files.createTempFile("cli-input", ".txt"), "hello ".repeat(100));
        Run submitted = as("alice", "alice-pw", "jobs", "submit", "-q", "--type", "gzip", "--file", input.toString());
        Files.delete(input);

        assertThat(submitted.exit()).as(submitted.err()).isZero();
        String id = submitted.out().strip();
        awaitStatus(alice, id, "COMPLETED", SOON);
        assertThat(as("alice", "alice-pw", "jobs", "get", id).out()).contains("status:", "COMPLETED", "outputFile:");
        assertThat(as("alice", "alice-pw", "jobs", "list", "--status", "COMPLETED").out()).contains(id, "gzip");
        assertThat(as("bob", "bob-pw", "jobs", "get", id).exit()).isEqualTo(1);

        String pending = as("alice", "alice-pw", "jobs", "submit", "-q", "--type", "remote-thing", "--payload", "{\"n\":1}").out().strip();
        Run cancelled = as("alice", "alice-pw", "jobs", "cancel", pending, "--json");
        assertThat(cancelled.exit()).as(cancelled.err()).isZero();
        assertThat(Json.createReader(new StringReader(cancelled.out())).readObject().getString("status")).isEqualTo("CANCELLED");

        Run retried = as("alice", "alice-pw", "jobs", "retry", pending, "--json");
        assertThat(retried.exit()).as(retried.err()).isZero();
        JsonObject again = retried.object();
        assertThat(again.getString("retryOf")).isEqualTo(pending);
        assertThat(again.getString("id")).isNotEqualTo(pending);
        assertThat(again.getString("status")).isEqualTo("PENDING");
        Run gone = as("alice", "alice-pw", "jobs", "retry", id);
        assertThat(gone.exit()).as("a gzip job's input is deleted when it ends: " + gone.err()).isEqualTo(1);
        assertThat(gone.err()).contains("(409)");
    }

    @Test
    void the_schedule_is_paused_shown_and_resumed() {
        Run paused = cli("schedule", "pause");

        assertThat(paused.exit()).as(paused.err()).isZero();
        assertThat(paused.out()).contains("Scheduled cleanup: PAUSED");
        assertThat(Api.admin().get("/api/system/cleanup/status").object().getBoolean("schedulerEnabled")).isFalse();
        assertThat(cli("schedule", "status", "--json").object().getBoolean("schedulerEnabled")).isFalse();
        assertThat(cli("schedule", "resume").out()).contains("Scheduled cleanup: on");
        assertThat(Api.admin().get("/api/system/cleanup/status").object().getBoolean("schedulerEnabled")).isTrue();
    }

    @Test
    void backups_forget_shows_what_a_keep_policy_would_remove_in_one_environment_and_removes_nothing() throws IOException {
        List<Path> backups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            backups.add(file("backups/qa/db-" + i + ".dump", Duration.ofDays(i * 40L + 1)));
        }
        file("backups/dev/other.dump", Duration.ofDays(900));

        Run run = cli("backups", "forget", "--env", "qa", "--keep-last", "2", "--keep-daily", "0", "--keep-weekly", "0",
                "--keep-monthly", "0", "--dry-run");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("nothing was removed", "keep 2 backups:\n  db-0.dump  keep-last 2\n  db-1.dump  keep-last 2\n",
                        "would remove 3 backups", "  db-2.dump", "  db-3.dump", "  db-4.dump")
                .doesNotContain("other.dump");
        assertThat(backups).allMatch(Files::exists);
    }

    @Test
    void backups_forget_removes_what_the_keep_policy_does_not_keep_in_that_environment_only() throws IOException {
        List<Path> backups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            backups.add(file("backups/qa/db-" + i + ".dump", Duration.ofDays(i * 40L + 1)));
        }
        Path otherEnvironment = file("backups/dev/old.dump", Duration.ofDays(900));
        Path otherEnvironmentNewer = file("backups/dev/new.dump", Duration.ofDays(1));

        Run run = cli("backups", "forget", "--env", "qa", "--keep-last", "1", "--keep-daily", "0", "--keep-weekly", "0",
                "--keep-monthly", "0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("keep 1 backup:\n  db-0.dump  keep-last 1\n", "removed 3 backups");
        try (var qa = Files.list(root.resolve("backups/qa"))) {
            assertThat(qa.map(p -> p.getFileName().toString())).as("the kept one, compressed or not")
                    .singleElement().isIn("db-0.dump", "db-0.dump.gz");
        }
        assertThat(backups.subList(1, 4)).noneMatch(Files::exists);
        assertThat(otherEnvironment).exists();
        assertThat(otherEnvironmentNewer).exists();
    }

    private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
