package dev.custodian.it;

import dev.custodian.docs.MarkedBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly of its own for the smoke test: a fresh copy of the distribution Maven unpacked, configured, deployed and
 * started by the commands of docs/operations.md (PostgreSQL database {@code custodian_wildfly_it}), on port 18380
 * (port offset 10300).
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

    /**
     * Copies the server, then runs the block marked {@code <!-- wildfly -->} in docs/operations.md as it stands, with
     * {@code WILDFLY_HOME} the copy, in a directory that holds what its relative paths name: {@code target/} with the
     * WAR and the driver, {@code server-config/wildfly/} with {@code postgres.properties} naming this test's database
     * and data root. {@code environment} gives the block's variables and the server's other settings; the port
     * offset comes through {@code JAVA_OPTS}. Waits until the deployment answers.
     */
    WildFlyServer start(Map<String, String> environment) throws IOException, InterruptedException {
        Path dist = Paths.get(System.getProperty("wildfly.dist", "target/wildfly/wildfly"));
        ServerProcess.deleteTree(work);
        ServerProcess.copyTree(dist, home);
        Files.createDirectories(dataRoot());
        Path serverLib = Paths.get(System.getProperty("server.lib.dir", "target/server-lib"));
        Files.createDirectories(work.resolve("target/server-lib"));
        Files.copy(serverLib.resolve("postgresql.jar"), work.resolve("target/server-lib/postgresql.jar"));
        Files.copy(Paths.get(System.getProperty("custodian.war", "target/custodian.war")), work.resolve("target/custodian.war"));
        Path config = Paths.get(System.getProperty("custodian.config.dir", "server-config"), "wildfly");
        ServerProcess.copyTree(config, work.resolve("server-config/wildfly"));
        Path properties = work.resolve("server-config/wildfly/postgres.properties");
        String shipped = Files.readString(properties);
        String ours = shipped.replace("custodian.db.name=custodian\n", "custodian.db.name=custodian_wildfly_it\n")
                .replace("custodian.data.dir=./data", "custodian.data.dir=" + dataRoot());
        if (ours.equals(shipped) || !ours.contains("custodian_wildfly_it") || !ours.contains(dataRoot().toString())) {
            throw new IllegalStateException("server-config/wildfly/postgres.properties no longer names the database custodian and ./data");
        }
        Files.writeString(properties, ours);
        Path script = work.resolve("operations-wildfly.sh");
        Files.writeString(script, MarkedBlocks.named(PayaraServer.OPERATIONS, "wildfly"));

        ProcessBuilder server = new ProcessBuilder("bash", "-eu", "-o", "pipefail", script.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log().toFile());
        server.environment().put("WILDFLY_HOME", home.toString());
        server.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        server.environment().put("JAVA_OPTS", "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true "
                + "-Djboss.socket.binding.port-offset=" + PORT_OFFSET);
        server.environment().putAll(environment);
        process = server.start();
        awaitAnswer();
        return this;
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
        ProcessTree.stop(process);
    }
}
