package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A Payara Micro of its own, in a separate process, running the test WAR (the packaged WAR plus the test
 * handlers): for tests that need several instances, a kill, a restart or their own configuration.
 */
public final class ServerProcess implements AutoCloseable {

    /**
     * The readiness probe's client: HTTP/1.1, as curl and orchestrators probe. With the default (HTTP/2 by an h2c
     * upgrade) the probe was seen twice to time out for two minutes against a server that was up and answered
     * curl; HTTP/1.1 keeps it off the upgrade path.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path work;
    private final Path config;
    private final List<String> database;
    private final Map<String, String> environment = new HashMap<>();
    private final String jdbcUrl;
    private Process process;
    private int boots;

    private ServerProcess(String name, int port, Path work, Path config, List<String> database, String jdbcUrl) {
        this.name = name;
        this.port = port;
        this.work = work;
        this.config = config;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * An instance on PostgreSQL database {@code db} with {@code properties} (custodian.* settings) and, unless they
     * name another, the data root {@code target/it/servers/<name>/data}, emptied first ({@link #dataRoot()}; the
     * server's default, {@code ./data} of the build, would outlive the database and be refused by the next run's).
     */
    public static ServerProcess onPostgres(String name, int port, String db, Map<String, String> properties) throws IOException {
        Path work = Paths.get("target", "it", "servers", name).toAbsolutePath();
        Files.createDirectories(work);
        Path config = work.resolve("server.properties");
        StringBuilder text = new StringBuilder();
        if (!properties.containsKey("custodian.data.dir")) {
            deleteTree(work.resolve("data"));
            text.append("custodian.data.dir=").append(work.resolve("data")).append('\n');
        }
        Map.of("custodian.db.host", "127.0.0.1", "custodian.db.port", "5432", "custodian.db.name", db,
                "custodian.db.user", "postgres", "custodian.db.password", "unused")
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(config, text);
        String configDir = System.getProperty("custodian.config.dir", "server-config");
        List<String> database = List.of("--addLibs", Paths.get(System.getProperty("server.lib.dir", "target/server-lib"), "postgresql.jar").toString(),
                "--postbootcommandfile", Paths.get(configDir, "payara", "postgres.asadmin").toString());
        return new ServerProcess(name, port, work, config, database, "jdbc:postgresql://127.0.0.1:5432/" + db);
    }

    /**
     * An instance on an embedded database of its own, made afresh: the H2 file {@code target/it/servers/<name>/db}
     * and (unless {@code properties} name another) the data root {@code target/it/servers/<name>/data}, both emptied
     * first. Its pool is the shipped {@code server-config/payara/h2.asadmin} with the file moved there and
     * {@code AUTO_SERVER} in place of {@code DB_CLOSE_ON_EXIT=FALSE}, so that a test can open the same database ({@link #jdbcUrl()}) while the server runs.
     */
    public static ServerProcess onH2(String name, int port, Map<String, String> properties) throws IOException {
        Path work = Paths.get("target", "it", "servers", name).toAbsolutePath();
        deleteTree(work.resolve("db"));
        deleteTree(work.resolve("data"));
        Files.createDirectories(work);
        Path config = work.resolve("server.properties");
        StringBuilder text = new StringBuilder();
        if (!properties.containsKey("custodian.data.dir")) {
            text.append("custodian.data.dir=").append(work.resolve("data")).append('\n');
        }
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(config, text);
        String configDir = System.getProperty("custodian.config.dir", "server-config");
        String shipped = Files.readString(Paths.get(configDir, "payara", "h2.asadmin"));
        String file = work.resolve("db").resolve("custodian").toString();
        // H2 refuses AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE ("Feature not supported")
        String pool = shipped.replace("jdbc\\:h2\\:file\\:./data/db/custodian;", "jdbc\\:h2\\:file\\:"
                + file.replace(":", "\\:") + ";AUTO_SERVER\\=TRUE;").replace(";DB_CLOSE_ON_EXIT\\=FALSE", "");
        if (pool.equals(shipped)) {
            throw new IllegalStateException("no ./data/db/custodian URL in " + configDir + "/payara/h2.asadmin");
        }
        Path asadmin = work.resolve("h2.asadmin");
        Files.writeString(asadmin, pool);
        return new ServerProcess(name, port, work, config, List.of("--postbootcommandfile", asadmin.toString()),
                "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE");
    }

    /** The JDBC URL of this server's database, for a test to look at it (H2: user and password {@code custodian}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The data root the server was given unless its properties named another. */
    public Path dataRoot() {
        return work.resolve("data");
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * A copy of {@code server-config/payara/} as {@code <directory>/server-config/payara}, its
     * {@code postgres.properties} naming {@code database} where the shipped one names {@code custodian}: for tests
     * that run the shipped command lines, whose relative paths then find this copy.
     */
    static Path payaraConfigCopy(Path directory, String database) throws IOException {
        Path copy = directory.resolve("server-config/payara");
        copyTree(Paths.get(System.getProperty("custodian.config.dir", "server-config"), "payara"), copy);
        Path properties = copy.resolve("postgres.properties");
        String text = Files.readString(properties);
        assertThat(text).as("postgres.properties names the database custodian").contains("custodian.db.name=custodian\n");
        Files.writeString(properties, text.replace("custodian.db.name=custodian\n", "custodian.db.name=" + database + "\n"));
        return copy;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Environment variables of the server process (added to this process's own), e.g. CUSTODIAN_* settings. */
    public ServerProcess env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** The directory of this server's logs, settings and (on H2) data root. */
    public Path work() {
        return work;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server and waits until it answers; a boot that fails (Payara Micro now and then does) is retried. */
    public ServerProcess start() throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (tryStart()) {
                return this;
            }
            kill();
        }
        throw new IllegalStateException(name + " did not start; see " + work);
    }

    private boolean tryStart() throws IOException, InterruptedException {
        boots++;
        process = launch(work.resolve("server-" + boots + ".log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (answers()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Starts the server expecting the deployment to be refused; answers the server's output once it contains
     * {@code expected} (or the process ended, or two minutes passed).
     */
    public String startRefused(String expected) throws IOException, InterruptedException {
        Path log = work.resolve("refused.log");
        process = launch(log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            String output = Files.readString(log);
            if (output.contains(expected) && (output.contains("ready in") || !process.isAlive())) {
                return output;
            }
            Thread.sleep(250);
        }
        return Files.readString(log);
    }

    /** Starts Payara Micro with this server's port, settings and database, deploying the test WAR; output to {@code log}. */
    private Process launch(Path log) throws IOException {
        Path war = work.resolve("custodian.war");
        if (!Files.exists(war)) {
            Deployments.custodian().as(ZipExporter.class).exportTo(war.toFile(), true);
        }
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("payara.micro.jar", "target/payara-micro.jar"),
                "--nocluster", "--port", String.valueOf(port), "--contextroot", "/",
                "--systemProperties", config.toString()));
        command.addAll(database);
        command.addAll(List.of("--deploy", war.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private boolean answers() {
        return answers(base());
    }

    /** Whether a Custodian deployment answers at {@code base}: an unauthenticated {@code GET /api/jobs} gets its 401. */
    static boolean answers(String base) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: the process dies at once, holding whatever it held. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, as an orchestrator stops a container; answers how long the process took to exit. */
    public Duration stop() throws InterruptedException {
        long start = System.nanoTime();
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
