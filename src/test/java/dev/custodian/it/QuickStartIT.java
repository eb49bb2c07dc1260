package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.docs.MarkedBlocks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * README's quick start, run as written: the server is started with the environment of the block marked
 * {@code <!-- quickstart-server -->} (on the embedded database, as {@code mvn -Prun} does), and the blocks marked
 * {@code <!-- quickstart -->} run in one bash, in the directory that holds the server's {@code data/}, with only
 * {@code http://localhost:8080} replaced by the test server's address. Runs once, on the embedded database.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "h2")
class QuickStartIT {

    private static final int PORT = 18190;
    private static final Path README = Paths.get("README.md");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=(\\S+)");
    private static final Pattern JOB_URL = Pattern.compile("http://127\\.0\\.0\\.1:" + PORT + "/api/jobs/[0-9a-f-]{36}");

    @Test
    void readme_opens_with_the_two_commands_and_ci_runs_its_test_command() throws IOException {
        String readme = Files.readString(README);
        String start = "CUSTODIAN_SECURITY_USERS=alice CUSTODIAN_SECURITY_USER_ALICE_PASSWORD=plain:change-me mvn -Prun";
        String test = "mvn -B verify";
        assertThat(readme).contains("```\n" + start + "\n```", "```\n" + test + "\n```");
        assertThat(readme.indexOf(start)).as("the start command comes first").isLessThan(readme.indexOf(test));
        assertThat(readme.indexOf(test)).as("both commands come before the first section").isLessThan(readme.indexOf("\n## "));
        List<String> ci = Files.readAllLines(Paths.get(".ci", "run"));
        assertThat(ci.get(ci.size() - 1).trim()).isEqualTo(test);
        assertThat(readme.lines().count()).isLessThanOrEqualTo(300);
    }

    @Test
    void quick_start_runs_as_written_against_a_server_started_as_readme_says() throws Exception {
        Map<String, String> environment = serverEnvironment();
        String script = blocks("quickstart").replace("http://localhost:8080", "http://127.0.0.1:" + PORT);
        try (ServerProcess server = ServerProcess.onH2("quickstart", PORT, Map.of()).env(environment).start()) {
            awaitStartupCleanup(server.base());
            Path directory = server.work();
            Files.writeString(directory.resolve("quickstart.sh"), script);
            Path output = directory.resolve("quickstart.out");
            Process bash = new ProcessBuilder("bash", "-eu", "-o", "pipefail", "quickstart.sh")
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean finished = bash.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                bash.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String printed = Files.readString(output);
            assertThat(finished).as("the quick start finished within 3 minutes; it printed:%n%s", printed).isTrue();
            assertThat(bash.exitValue()).as("exit status of the quick start; it printed:%n%s", printed).isZero();

            assertThat(printed).as("the job's URL from Location").containsPattern(JOB_URL);
            assertThat(printed).contains("\"status\":\"COMPLETED\"", "\"type\":\"SUBMITTED\"", "output matches numbers.txt",
                    "\"dryRun\":true", "\"dryRun\":false", "\"status\":404",
                    "\"schedulerEnabled\":false", "\"schedulerEnabled\":true");
            assertThat(printed).doesNotContain("\"status\":500", "\"status\":401", "\"status\":403");
            assertThat(files(directory.resolve("data/input"))).as("inputs left").isEmpty();
            assertThat(files(directory.resolve("data/output"))).as("outputs left after the purge").isEmpty();
        }
    }

    /**
     * Waits until the cleanup run the server starts 2 s after deployment has finished. A reader takes longer than
     * that to get to the real cleanup in the quick start; the script does not, and its real run then met the
     * startup run and got the 409 that exclusive runs give (seen in CI).
     */
    private static void awaitStartupCleanup(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String credentials = Base64.getEncoder().encodeToString("ops:ops-secret".getBytes(StandardCharsets.UTF_8));
        HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/api/system/cleanup/status"))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"runningNow\":null") && body.contains("\"trigger\":\"startup\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the startup cleanup run did not finish within 60 s: " + body);
    }

    /** The variables the server block sets before {@code mvn -Prun}. */
    private static Map<String, String> serverEnvironment() throws IOException {
        String command = blocks("quickstart-server").replace("\\\n", " ").trim();
        assertThat(command).as("the server block").endsWith("mvn -Prun");
        Map<String, String> environment = new LinkedHashMap<>();
        Matcher assignment = ASSIGNMENT.matcher(command);
        while (assignment.find()) {
            environment.put(assignment.group(1), assignment.group(2));
        }
        assertThat(environment).containsKeys("CUSTODIAN_SECURITY_USERS");
        return environment;
    }

    private static String blocks(String name) throws IOException {
        return MarkedBlocks.named(README, name);
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
