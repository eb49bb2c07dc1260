package dev.custodian.platform.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn -Prun}: starts Payara Micro with the given arguments and ends with one clear line and exit code 1
 * when Custodian cannot serve: the port is taken, the server fails to start, or the deployment fails (a bad
 * configuration value, a refused data root). Payara Micro itself logs those and keeps the JVM running, answering
 * HTML 404s. SIGTERM or Ctrl-C stops the server (SIGTERM) and ends this process with the signal's code.
 * <p>
 * Usage: {@code LocalRun <http port> <java arguments for Payara Micro...>}. Not part of the service: the WAR only
 * carries it, as it carries {@code PasswordHash}.
 */
public final class LocalRun {

    private static final Duration DEPLOY_PROBE = Duration.ofSeconds(5);
    /** Set by the shutdown hook: the server's output ends because this process stops it. */
    private static volatile boolean stopping;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalRun <http port> <java arguments...>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        if (!free(port)) {
            fail("port " + port + " is in use; stop what listens there or choose another port, e.g. mvn -Prun -Dhttp.port=8081");
        }
        createDatabaseIfMissing(Arrays.asList(args));
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(args).subList(1, args.length));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            stop(server);
        }));
        // Maven stopped by SIGTERM does not pass it on: when the parent goes, the server goes too
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
        try {
            relay(server, port);
        } catch (IOException e) {
            if (stopping) {
                // SIGTERM or Ctrl-C: the shutdown hook stopped the server and closed its output under this thread;
                // the JVM ends with the signal's code once the hook is done
                return;
            }
            throw e;
        }
        System.exit(server.waitFor());
    }

    /** Copies the server's output, watching it for a failed start or deployment and for the server being ready. */
    private static void relay(Process server, int port) throws IOException {
        String lastError = null;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = output.readLine()) != null; ) {
                System.out.println(line);
                if (line.contains("\"level\":\"ERROR\"") || line.contains("Invalid configuration")) {
                    lastError = message(line);
                }
                if (line.contains("Failed to start, exiting")) {
                    stop(server);
                    fail("Payara Micro failed to start (see above), e.g. port " + port + " taken by another process");
                }
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    if (!custodianAnswers(port)) {
                        stop(server);
                        fail("the deployment failed" + (lastError == null ? " (see the errors above)" : ": " + lastError));
                    }
                    System.out.println("Custodian is up at http://localhost:" + port + "/ (Ctrl-C stops it)");
                }
            }
        }
    }

    /**
     * {@code mvn -Prun-postgres}: the database named in the {@code --systemProperties} file
     * ({@code custodian.db.name}) is created on that server when it does not exist yet.
     */
    private static void createDatabaseIfMissing(List<String> args) throws IOException {
        int at = args.indexOf("--systemProperties");
        if (at < 0 || at + 1 >= args.size()) {
            return;
        }
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(Paths.get(args.get(at + 1)))) {
            settings.load(in);
        }
        String name = settings.getProperty("custodian.db.name");
        if (name == null || !settings.containsKey("custodian.db.host") || !hasPostgresDriver()) {
            return;
        }
        String server = settings.getProperty("custodian.db.host") + ":" + settings.getProperty("custodian.db.port", "5432");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            fail("custodian.db.name=" + name + " is not a plain database name (letters, digits, _)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres",
                settings.getProperty("custodian.db.user"), settings.getProperty("custodian.db.password"));
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            System.out.println("Created the PostgreSQL database " + name + " on " + server);
        } catch (SQLException e) {
            fail("cannot reach PostgreSQL at " + server + " as " + settings.getProperty("custodian.db.user") + " to create database "
                    + name + " (" + e.getMessage() + "); set the connection in " + args.get(at + 1)
                    + ", or create it yourself: createdb " + name);
        }
    }

    /** On the class path with {@code mvn -Prun-postgres}; elsewhere (a container) the database is the operator's. */
    private static boolean hasPostgresDriver() {
        try {
            Class.forName("org.postgresql.Driver");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Custodian's API answers an anonymous call with 401; Payara without the deployment answers 404. */
    private static boolean custodianAnswers(int port) {
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(DEPLOY_PROBE).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs")).timeout(DEPLOY_PROBE).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code message} of a JSON log line, else the line. */
    private static String message(String line) {
        int start = line.indexOf("\"message\":\"");
        if (start < 0) {
            return line.strip();
        }
        start += "\"message\":\"".length();
        int end = start;
        while (end < line.length() && !(line.charAt(end) == '"' && line.charAt(end - 1) != '\\')) {
            end++;
        }
        return line.substring(start, end).replace("\\\"", "\"");
    }

    private static void stop(Process server) {
        if (server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void fail(String line) {
        System.out.flush();
        System.err.println("Custodian did not start: " + line);
        System.exit(1);
    }
}
