package dev.custodian.platform.logging;

/**
 * Under {@code LOG_FORMAT=json} (the default) even the JVM's last-resort console lines are JSON.
 *
 * <p>When the JVM shuts down, the server's log manager is reset before its own shutdown hook logs
 * "Payara Micro STOPPED."; that line then goes through the JDK's {@code SimpleFormatter}, whose layout comes from
 * the system property {@code java.util.logging.SimpleFormatter.format}. Setting it here (unless the operator set
 * it) keeps a container's output all JSON to the very end. The fallback only ever carries short server messages,
 * so the message is not escaped.
 */
public final class JulFallbackFormat {

    static final String PROPERTY = "java.util.logging.SimpleFormatter.format";
    static final String JSON = "{\"timestamp\":\"%1$tFT%1$tT.%1$tL%1$tz\",\"level\":\"%4$s\",\"logger\":\"%3$s\",\"message\":\"%5$s\"}%n";

    private JulFallbackFormat() {
    }

    public static void apply() {
        String format = System.getenv().getOrDefault("LOG_FORMAT", "json");
        if (format.trim().equalsIgnoreCase("json") && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, JSON);
        }
    }
}
