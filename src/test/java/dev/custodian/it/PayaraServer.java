package dev.custodian.it;

import dev.custodian.docs.MarkedBlocks;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Server 6 domain of its own for the smoke test, made with the real {@code asadmin} of the distribution Maven
 * unpacked ({@code target/payara-server/payara6}): {@code create-domain} under {@code target/it/payara-server/domains}
 * with port base 19500 (admin 19548, HTTP 19580), {@code start-domain}, then the operator's commands as
 * {@code docs/operations.md} shows them (its fenced block marked {@code <!-- payara-server -->}), run by bash as they
 * stand in this repository's directory with {@code asadmin} on the PATH, {@code AS_ADMIN_PORT} naming the domain's
 * admin port and the block's variables given. {@link #close()} undeploys and stops the domain and kills its JVM
 * should it outlive {@code stop-domain}; a shutdown hook and the next start do the same for a run that ended early.
 */
final class PayaraServer implements AutoCloseable {

    static final int PORT_BASE = 19_500;
    static final int ADMIN_PORT = PORT_BASE + 48;
    static final String BASE = "http://127.0.0.1:" + (PORT_BASE + 80);
    static final Path OPERATIONS = Paths.get("docs", "operations.md");

    private static final String DOMAIN = "custodian";

    private final Path work = Paths.get("target", "it", "payara-server").toAbsolutePath();
    private final Path domains = work.resolve("domains");
    private final Path home = Paths.get(System.getProperty("payara.server.dist", "target/payara-server/payara6")).toAbsolutePath();
    private boolean started;

    Path dataRoot() {
        return work.resolve("data");
    }

    Path log() {
        return domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
    }

    /** The commands of the block marked {@code <!-- payara-server -->} in docs/operations.md. */
    static String documentedCommands() throws IOException {
        return MarkedBlocks.named(OPERATIONS, "payara-server");
    }

    /** Creates and starts a fresh domain and runs the documented commands with {@code variables} (the block's $NAMEs). */
    PayaraServer start(Map<String, String> variables) throws IOException, InterruptedException {
        killDomain(); // a JVM left by a run that was killed before it could stop it
        ServerProcess.deleteTree(work);
        Files.createDirectories(dataRoot());
        asadmin("create-domain", "--user", "admin", "create-domain", "--nopassword=true",
                "--portbase", Integer.toString(PORT_BASE), "--domaindir", domains.toString(), DOMAIN);
        Runtime.getRuntime().addShutdownHook(new Thread(this::killDomain, "payara-server-smoke-cleanup"));
        started = true;
        asadmin("start-domain", "start-domain", "--domaindir", domains.toString(), DOMAIN);

        Path script = work.resolve("operations.sh");
        Files.writeString(script, documentedCommands());
        ProcessBuilder bash = new ProcessBuilder("bash", "-eu", "-o", "pipefail", script.toString());
        bash.environment().putAll(variables);
        bash.environment().put("PATH", home.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        run(bash, "operations");
        return this;
    }

    /** Runs {@code bin/asadmin} with {@code arguments} against this domain; its output goes to {@code <name>.log}. */
    void asadmin(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("asadmin").toString()));
        command.addAll(List.of(arguments));
        run(new ProcessBuilder(command), name);
    }

    private void run(ProcessBuilder command, String name) throws IOException, InterruptedException {
        Path output = work.resolve(name + ".log");
        command.environment().put("AS_ADMIN_PORT", Integer.toString(ADMIN_PORT));
        Process process = command.redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (!finished || process.exitValue() != 0) {
            throw new IllegalStateException(name + (finished ? " failed with exit code " + process.exitValue() : " did not finish in 5 minutes")
                    + ":\n" + Files.readString(output) + "\n--- " + log() + " (last lines) ---\n" + logTail());
        }
    }

    /** The last 200 lines of the domain's server.log, for a failure's message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
        } catch (IOException e) {
            return "(no server.log: " + e + ")";
        }
    }

    /** Undeploys the application and stops the domain; kills its JVM if it is still there. */
    @Override
    public void close() {
        if (!started) {
            return;
        }
        try {
            asadmin("undeploy", "undeploy", DOMAIN);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // stopping the domain matters more; the undeploy's log stays under target/it/payara-server
        }
        try {
            asadmin("stop-domain", "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // killed below
        }
        killDomain();
    }

    /** SIGKILL to the domain's JVM (its pid file), if it runs and is this domain's: a stray JVM would hold the ports. */
    private void killDomain() {
        domainProcess().ifPresent(jvm -> {
            jvm.destroyForcibly();
            jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    private Optional<ProcessHandle> domainProcess() {
        Path pid = domains.resolve(DOMAIN).resolve("config").resolve("pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(line -> line.contains(domains.toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
