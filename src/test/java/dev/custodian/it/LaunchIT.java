package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -Prun} and {@code mvn -Prun-postgres} on a first day (issue 14): the launcher ({@code LocalRun}) with the
 * command line the pom gives Maven's exec plugin, read from {@code pom.xml} and run as it stands, in a directory of its
 * own that holds a copy of {@code server-config/payara/} (so that {@code ./data} and the database are this test's). A port in
 * use and a failed deployment end the process with exit code 1 and one line that says why; SIGTERM stops the server
 * and the launcher with 143 (an exit code the pom counts as success, so Maven prints no stack trace); the PostgreSQL
 * profile creates its database when it is missing.
 */
class LaunchIT {

    private static final int PORT = 18209;
    private static final Path POM = Paths.get("pom.xml");
    private static final String PG_DATABASE = "custodian_launch_it";
    private static final Duration START = Duration.ofMinutes(3);

    private Process launcher;
    private Path work;

    @AfterEach
    void stop() throws InterruptedException {
        if (launcher != null) {
            ProcessTree.stop(launcher);
        }
    }

    @Test
    void a_port_in_use_ends_the_launcher_at_once_with_exit_1_and_one_line_naming_the_port() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(PORT));
            launcher = launch("run", "port-in-use", Map.of());

            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("ended").isTrue();
        }
        assertThat(launcher.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(work.resolve("stderr.log")))
                .containsExactly("Custodian did not start: port " + PORT + " is in use; stop what listens there or choose another"
                        + " port, e.g. mvn -Prun -Dhttp.port=8081");
        assertThat(Files.readString(work.resolve("stdout.log"))).as("no server was started").doesNotContain("Payara");
    }

    @Test
    void a_deployment_that_fails_ends_the_launcher_and_its_server_with_exit_1_and_the_reason() throws Exception {
        assumeThat(Environment.DATABASE).as("one server start is enough: the H2 run").isEqualTo("h2");
        launcher = launch("run", "bad-config", Map.of("CUSTODIAN_CLEANUP_INTERVAL", "soon"));

        assertThat(launcher.waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("ended").isTrue();
        assertThat(launcher.exitValue()).isEqualTo(1);
        List<String> errors = Files.readAllLines(work.resolve("stderr.log"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("Custodian did not start: the deployment failed: ")
                .contains("custodian.cleanup.interval=soon");
        assertThat(portFree()).as("the server went with the launcher").isTrue();
    }

    @Test
    void sigterm_stops_the_server_and_the_launcher_with_143_and_no_stack_trace() throws Exception {
        assumeThat(Environment.DATABASE).as("one server start is enough: the H2 run").isEqualTo("h2");
        launcher = launch("run", "sigterm", Map.of());
        awaitUp();
        assertThat(Api.anonymousAt("http://127.0.0.1:" + PORT).get("/health/ready").status()).isEqualTo(200);

        launcher.destroy();

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143);
        assertThat(Files.readString(work.resolve("stdout.log")) + Files.readString(work.resolve("stderr.log")))
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(portFree()).as("the server went with the launcher").isTrue();
        assertThat(Files.readString(POM)).as("the exec plugin counts 143 (SIGTERM) and 130 (Ctrl-C) as success")
                .contains("<successCode>143</successCode>", "<successCode>130</successCode>");
    }

    @Test
    void run_postgres_creates_its_database_when_it_is_missing_and_serves_from_it() throws Exception {
        assumeThat(Environment.DATABASE).as("the PostgreSQL run").isEqualTo("postgres");
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        }
        launcher = launch("run-postgres", "postgres", Map.of());
        awaitUp();

        assertThat(Files.readString(work.resolve("stdout.log")))
                .contains("Created the PostgreSQL database " + PG_DATABASE + " on 127.0.0.1:5432");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + PG_DATABASE, "postgres", "");
             Statement s = c.createStatement(); ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM job")) {
            assertThat(tables.next()).as("the schema was migrated into the new database").isTrue();
        }
        launcher.destroy();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        }
    }

    /**
     * Starts what {@code mvn -P<profile>} starts after {@code package}: the exec plugin's command line with the
     * profile's properties, in {@code target/it/launch/<name>} (a copy of {@code server-config/payara/}, whose
     * {@code postgres.properties} names this test's database).
     */
    private Process launch(String profile, String name, Map<String, String> environment) throws IOException {
        work = Paths.get(System.getProperty("it.work.dir", "target/it"), "launch", name).toAbsolutePath();
        ServerProcess.deleteTree(work);
        ServerProcess.payaraConfigCopy(work, PG_DATABASE);

        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(commandLine(profile).trim().split("\\s+")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("stdout.log").toFile()).redirectError(work.resolve("stderr.log").toFile());
        builder.environment().put("LOG_LEVEL", "warn");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The exec plugin's {@code commandlineArgs}, with the pom's properties of {@code profile} filled in. */
    private static String commandLine(String profile) throws IOException {
        String pom = Files.readString(POM);
        String args = only(pom, "<commandlineArgs>(.*?)</commandlineArgs>");
        String profileBlock = only(pom, "<profile>\\s*<id>" + profile + "</id>(.*?)</profile>");
        String classes = Paths.get("target", "classes").toAbsolutePath().toString();
        String serverLib = Paths.get(System.getProperty("server.lib.dir", "target/server-lib")).toAbsolutePath().toString();
        String classpath = profileBlock.contains("<run.launcher.classpath>")
                ? only(profileBlock, "<run.launcher.classpath>(.*?)</run.launcher.classpath>") : "${project.build.outputDirectory}";
        String line = args.replace("${run.launcher.classpath}", classpath)
                .replace("${run.database.args}", only(profileBlock, "<run.database.args>(.*?)</run.database.args>"))
                .replace("${http.port}", Integer.toString(PORT))
                .replace("${payara.micro.jar}", Paths.get(System.getProperty("payara.micro.jar", "target/payara-micro.jar")).toAbsolutePath().toString())
                .replace("${project.build.directory}/${project.build.finalName}.war",
                        Paths.get(System.getProperty("custodian.war", "target/custodian.war")).toAbsolutePath().toString())
                .replace("${project.build.outputDirectory}", classes)
                .replace("${path.separator}", java.io.File.pathSeparator)
                .replace("${server.lib.dir}", serverLib);
        assertThat(line).as("every property filled in").doesNotContain("${");
        return line;
    }

    private static String only(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as(regex + " in pom.xml").isTrue();
        String found = m.group(1);
        assertThat(m.find()).as("one " + regex + " in pom.xml").isFalse();
        return found;
    }

    private void awaitUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!Files.readString(work.resolve("stdout.log")).contains("Custodian is up at http://localhost:" + PORT + "/")) {
            assertThat(launcher.isAlive()).as("launcher alive; stderr: " + Files.readString(work.resolve("stderr.log"))).isTrue();
            assertThat(System.nanoTime()).as("up within " + START).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static boolean portFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(PORT));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }
}
