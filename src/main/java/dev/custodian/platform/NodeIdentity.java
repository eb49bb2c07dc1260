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
 * instance.
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
        String port = System.getProperty("payaramicro.port", System.getProperty("custodian.http.port", "8080"));
        return host + ":" + port;
    }
}
