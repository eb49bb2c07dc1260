package dev.custodian.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly of its own for the smoke test: a fresh copy of the distribution Maven unpacked, configured by the
 * operator's script {@code server-config/wildfly/custodian.cli} (PostgreSQL database {@code custodian_wildfly_it}),
 * with the packaged WAR as it is in {@code standalone/deployments}, on port 18380 (port offset 10300).
 */
final class WildFlyServer implements AutoCloseable {

    static final int PORT_OFFSET = 10_300;
    static final String BASE = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
    /** The management interface: health and the micrometer subsystem's Prometheus text. */
    static final String MANAGEMENT = "http://127.0.0.1:" + (9990 + PORT_OFFSET);

    private final Path work = Paths.get("target", "it", "wildfly").toAbsolutePath();
    private final Path home = work.resolve("server");
    private Process process;

    Path dataRoot() {
        return work.resolve("data");
    }

    Path log() {
        return work.resolve("server.log");
    }

    /** Copies and configures the server, deploys the WAR, starts it with {@code environment} and waits until it answers. */
    WildFlyServer start(Map<String, String> environment) throws IOException, InterruptedException {
        Path dist = Paths.get(System.getProperty("wildfly.dist", "target/wildfly/wildfly"));
        deleteTree(work);
        copyTree(dist, home);
        Files.createDirectories(dataRoot());
        configure();
        Files.copy(Paths.get(System.getProperty("custodian.war", "target/custodian.war")),
                home.resolve("standalone/deployments/custodian.war"), StandardCopyOption.REPLACE_EXISTING);

        ProcessBuilder server = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET, "--stability=community")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log().toFile());
        server.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        server.environment().put("JAVA_OPTS", "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true");
        server.environment().putAll(environment);
        process = server.start();
        awaitAnswer();
        return this;
    }

    /** The operator's setup, offline: bin/jboss-cli.sh --resolve-parameter-values --properties=... --file=custodian.cli */
    private void configure() throws IOException, InterruptedException {
        Path properties = work.resolve("custodian-cli.properties");
        Files.writeString(properties, String.join("\n",
                "custodian.jdbc.driver=" + Paths.get(System.getProperty("server.lib.dir", "target/server-lib"), "postgresql.jar").toAbsolutePath(),
                "custodian.db.host=127.0.0.1",
                "custodian.db.port=5432",
                "custodian.db.name=custodian_wildfly_it",
                "custodian.db.user=postgres",
                "custodian.db.password=unused-with-trust-auth",
                "custodian.data.dir=" + dataRoot(), ""));
        Path script = Paths.get(System.getProperty("custodian.config.dir", "server-config"), "wildfly", "custodian.cli").toAbsolutePath();
        Path output = work.resolve("cli.log");
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--resolve-parameter-values",
                "--properties=" + properties, "--file=" + script)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!cli.waitFor(3, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            cli.destroyForcibly();
            throw new IllegalStateException("custodian.cli failed:\n" + Files.readString(output));
        }
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        Path deployments = home.resolve("standalone/deployments");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(deployments.resolve("custodian.war.failed"))) {
                throw new IllegalStateException("deployment failed: " + Files.readString(deployments.resolve("custodian.war.failed"))
                        + "\nsee " + log());
            }
            if (Files.exists(deployments.resolve("custodian.war.deployed")) && ServerProcess.answers(BASE)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly did not answer on " + BASE + "; see " + log());
    }


    /** SIGTERM to the launcher script and its JVM; SIGKILL for whatever is left after a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
