package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * File and backup retention through the cleanup API on a real tree under the server's data root: ages, patterns,
 * protected logs, orphan outputs, empty directories, links inside and outside the root, backups across 400 days
 * in two environments (prod keeps 10 by configuration, dev the default 5), and dry run against real run.
 */
class FilesIT extends OnSharedServer {

    private static final Instant NOW = Instant.now();
    private final Path root = Environment.dataRoot();
    private final Path outside = Environment.dataRoot().getParent().resolve("outside");

    @BeforeEach
    void emptyTheOutside() {
        Environment.emptyDirectory(outside);
    }

    private Path file(String relative, Duration age, int size) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    private void age(String relativeDir, Duration age) throws IOException {
        Files.setLastModifiedTime(root.resolve(relativeDir), FileTime.from(NOW.minus(age)));
    }

    @Test
    void a_file_that_cannot_be_deleted_is_counted_as_an_error_and_the_sweep_goes_on() throws Exception {
        Duration old = Duration.ofDays(10);
        Path stuck = file("temp/stuck/locked.bin", old, 100);
        file("temp/stuck/free.bin", old, 100);
        file("temp/other/free2.bin", old, 100);
        // immutable: even root may not delete it (the tests may run as root, where permissions would not stop it)
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", stuck), "chattr +i is not available here");
        try {
            JsonObject files = cleanup(false).getJsonObject("files");

            assertThat(files.getInt("matched")).isEqualTo(3);
            assertThat(files.getInt("deleted")).isEqualTo(2);
            assertThat(files.getInt("errors")).isEqualTo(1);
            assertThat(stuck).exists();
            assertThat(root.resolve("temp/stuck/free.bin")).doesNotExist();
            assertThat(root.resolve("temp/other/free2.bin")).doesNotExist();
        } finally {
            chattr("-i", stuck);
        }
    }

    private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private JsonObject cleanup(boolean dryRun) {
        Api.Reply reply = Api.admin().post("/api/system/cleanup", "{\"dryRun\":" + dryRun + ",\"targets\":[\"files\",\"backups\"]}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonObject("targets");
    }

    @Test
    void every_rule_applies_and_the_dry_run_matches_the_real_run() throws IOException {
        Duration old = Duration.ofDays(10);
        file("temp/a/b/old.bin", old, 1000);
        file("temp/a/new.bin", Duration.ofMinutes(5), 10);
        file("temp/c/old2.bin", old, 500);
        age("temp/a/b", old);
        age("temp/c", old);
        file("extra/cache/x.cache", old, 300);
        file("extra/keep.txt", old, 10);
        file("extra/inside/old.bin", old, 10);
        file("logs/app-2026-01.log", Duration.ofDays(40), 2000);
        file("logs/current.log", Duration.ofDays(40), 10);
        file("logs/recent.log", Duration.ofDays(1), 10);
        file("output/orphan.bin", Duration.ofHours(2), 700);
        file("output/young-orphan.bin", Duration.ofMinutes(10), 10);
        Files.createDirectories(outside);
        Path secret = Files.write(outside.resolve("secret.tmp"), "keep me".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(secret, FileTime.from(NOW.minus(old)));
        Files.createSymbolicLink(root.resolve("temp/link-out.tmp"), secret);
        Files.createSymbolicLink(root.resolve("temp/dirlink"), root.resolve("extra/inside"));
        String job = Api.alice().upload(Api.fields("type", "gzip"), "hello".getBytes(StandardCharsets.UTF_8)).object().getString("id");
        String output = awaitStatus(Api.alice(), job, "COMPLETED", Duration.ofSeconds(15)).getString("outputFile");
        Files.setLastModifiedTime(root.resolve("output").resolve(output), FileTime.from(NOW.minus(Duration.ofHours(5))));
        for (int day = 0; day < 400; day++) {
            file("backups/prod/db-" + day + ".dump", Duration.ofDays(day).plusHours(1), 100);
        }
        for (int day = 0; day < 30; day++) {
            file("backups/dev/db-" + day + ".dump", Duration.ofDays(day).plusHours(1), 100);
        }

        JsonObject dry = cleanup(true);
        assertThat(Files.exists(root.resolve("temp/a/b/old.bin"))).as("a dry run deletes nothing").isTrue();
        JsonObject real = cleanup(false);

        for (String target : new String[] {"files", "backups"}) {
            assertThat(dry.getJsonObject(target).getInt("matched")).as(target).isEqualTo(real.getJsonObject(target).getInt("matched"));
            assertThat(dry.getJsonObject(target).getJsonNumber("bytesMatched").longValue()).as(target)
                    .isEqualTo(real.getJsonObject(target).getJsonNumber("bytesFreed").longValue());
            assertThat(dry.getJsonObject(target).getInt("deleted")).as(target + ": a dry run deletes nothing").isZero();
            assertThat(dry.getJsonObject(target).getJsonNumber("bytesFreed").longValue()).as(target + ": nor frees anything").isZero();
            assertThat(real.getJsonObject(target).getInt("errors")).isZero();
        }
        JsonObject files = real.getJsonObject("files");
        assertThat(files.getInt("deleted")).isEqualTo(5);
        assertThat(files.getJsonNumber("bytesFreed").longValue()).isEqualTo(1000 + 500 + 300 + 2000 + 700);
        assertThat(dry.getJsonObject("files").getJsonArray("sample").toString()).contains("temp/a/b/old.bin temp age", "pattern, age", "orphan, age");

        assertThat(root.resolve("temp/a/b/old.bin")).doesNotExist();
        assertThat(root.resolve("temp/c")).as("emptied and old: pruned").doesNotExist();
        assertThat(root.resolve("temp/a/new.bin")).exists();
        assertThat(root.resolve("temp")).exists();
        assertThat(root.resolve("extra/cache/x.cache")).doesNotExist();
        assertThat(root.resolve("extra/keep.txt")).exists();
        assertThat(root.resolve("logs/app-2026-01.log")).doesNotExist();
        assertThat(root.resolve("logs/current.log")).as("protected").exists();
        assertThat(root.resolve("logs/recent.log")).exists();
        assertThat(root.resolve("output/orphan.bin")).doesNotExist();
        assertThat(root.resolve("output/young-orphan.bin")).as("within the orphan grace").exists();
        assertThat(root.resolve("output").resolve(output)).as("referenced by a job").exists();
        assertThat(secret).as("the target of a link out of the root").exists();
        assertThat(root.resolve("extra/inside/old.bin")).as("reached only through a link: never").exists();

        assertThat(real.getJsonObject("backups").getInt("deleted")).isEqualTo((400 - 10) + (30 - 5));
        try (var prod = Files.list(root.resolve("backups/prod")); var dev = Files.list(root.resolve("backups/dev"))) {
            assertThat(prod.count()).isEqualTo(10);
            assertThat(dev.count()).isEqualTo(5);
        }
        assertThat(root.resolve("backups/prod/db-0.dump")).as("the newest stays, uncompressed: younger than a day").exists();
        assertThat(root.resolve("backups/prod/db-1.dump")).as("kept and older than a day: compressed").doesNotExist();
        assertThat(root.resolve("backups/prod/db-1.dump.gz")).exists();
        assertThat(Files.getLastModifiedTime(root.resolve("backups/prod/db-1.dump.gz")).toInstant())
                .as("the original's modification time").isBetween(NOW.minus(Duration.ofDays(1).plusHours(1)).minusSeconds(1),
                        NOW.minus(Duration.ofDays(1).plusHours(1)).plusSeconds(1));
        assertThat(real.getJsonObject("backups").getJsonArray("sample").toString()).contains("(compress)");
    }

    @Test
    void a_backups_environment_filter_touches_only_that_environment_and_lists_what_it_keeps_and_why() throws IOException {
        for (int day = 0; day < 6; day++) {
            file("backups/qa/db-" + day + ".dump", Duration.ofHours(day * 24L + 1), 100);
            file("backups/dev/db-" + day + ".dump", Duration.ofHours(day * 24L + 1), 100);
        }

        Api.Reply reply = Api.admin().post("/api/system/cleanup",
                "{\"dryRun\":false,\"targets\":[\"backups\"],\"backups\":{\"environment\":\"qa\",\"keepLast\":2,\"keepDaily\":0,"
                        + "\"keepWeekly\":0,\"keepMonthly\":0}}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject backups = reply.object().getJsonObject("targets").getJsonObject("backups");
        assertThat(backups.getInt("deleted")).isEqualTo(4);
        assertThat(backups.getJsonArray("sample").getString(0)).isEqualTo("backups/qa/db-2.dump bucket keep-last 2");
        assertThat(backups.getJsonArray("sample").toString()).contains("backups/qa/db-0.dump (kept by keep-last 2)")
                .doesNotContain("backups/dev/");
        try (var qa = Files.list(root.resolve("backups/qa")); var dev = Files.list(root.resolve("backups/dev"))) {
            assertThat(qa.map(p -> p.getFileName().toString()).map(n -> n.replace(".gz", "")))
                    .containsExactlyInAnyOrder("db-0.dump", "db-1.dump");
            assertThat(dev.count()).as("another environment is not touched").isEqualTo(6);
        }
    }

    @Test
    void an_unknown_backups_environment_is_a_400_naming_it_and_nothing_runs() throws Exception {
        file("backups/qa/db-0.dump", Duration.ofHours(1), 100);

        Api.Reply reply = Api.admin().post("/api/system/cleanup",
                "{\"dryRun\":false,\"targets\":[\"backups\"],\"backups\":{\"environment\":\"prdo\",\"keepLast\":1}}");
        Api.Reply notText = Api.admin().post("/api/system/cleanup", "{\"backups\":{\"environment\":3}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail")).contains("unknown environment 'prdo'", "qa");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.object().getString("detail")).contains("backups.environment");
        assertThat(Environment.count("SELECT COUNT(*) FROM cleanup_run")).isZero();
    }

    @Test
    void an_output_file_swapped_for_a_link_out_of_the_root_is_not_served() throws IOException {
        Api alice = Api.alice();
        String id = alice.upload(Api.fields("type", "csv-summary"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .object().getString("id");
        String outputFile = awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(15)).getString("outputFile");
        assertThat(alice.get("/api/jobs/" + id + "/output").status()).isEqualTo(200);
        Path secret = outside.resolve("secret.txt");
        Files.createDirectories(outside);
        Files.writeString(secret, "not for alice");
        Path output = Environment.output().resolve(outputFile);
        Files.delete(output);
        Files.createSymbolicLink(output, secret);

        Api.Reply reply = alice.get("/api/jobs/" + id + "/output");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).doesNotContain("not for alice");
        assertThat(secret).exists();
    }

    @Test
    void an_output_directory_swapped_for_a_link_out_of_the_root_is_not_served() throws IOException {
        Api alice = Api.alice();
        String id = alice.upload(Api.fields("type", "csv-summary"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .object().getString("id");
        String outputFile = awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(15)).getString("outputFile");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve(outputFile), "not for alice");
        Path output = Environment.output();
        Path moved = output.resolveSibling("output.moved");
        Files.move(output, moved);
        try {
            Files.createSymbolicLink(output, outside);

            Api.Reply reply = alice.get("/api/jobs/" + id + "/output");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.text()).doesNotContain("not for alice");
        } finally {
            Files.delete(output);
            Files.move(moved, output);
        }
    }

    @Test
    void the_data_root_is_marked_with_the_id_of_its_database() throws Exception {
        String id;
        try (java.sql.Connection c = Environment.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet row = s.executeQuery("SELECT id FROM installation")) {
            assertThat(row.next()).isTrue();
            id = row.getString(1);
        }

        assertThat(root.resolve(".custodian-owner")).content().contains("database-id=" + id);
    }
}
