package dev.custodian.platform;

import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This instance's stable name ({@code custodian.node.id}): written as the lease holder of the jobs it runs
 * and into every log line. Defaults to {@code <host>:<http port>}, which survives restarts of the same
 * instance; set it explicitly where host names are not stable (containers).
 */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    Settings settings;

    private String id;

    @PostConstruct
    void init() {
        id = settings.optional("custodian.node.id").orElseGet(NodeIdentity::derived);
    }

    public String id() {
        return id;
    }

    private static String derived() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + httpPort(System.getProperty("sun.java.command", ""));
    }

    /**
     * The HTTP port this instance was started with: {@code custodian.http.port} when set, else Payara Micro's
     * {@code --port} option from the launch command, else WildFly's {@code jboss.http.port}, else 8080.
     */
    static String httpPort(String launchCommand) {
        String explicit = System.getProperty("custodian.http.port", System.getProperty("jboss.http.port"));
        if (explicit != null) {
            return explicit;
        }
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("--port[ =](\\d+)").matcher(launchCommand);
        return option.find() ? option.group(1) : "8080";
    }
}
