package dev.custodian.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command that talks to the server shares: where, who, and how to print. */
final class ClientOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "Server URL (default: $CUSTODIAN_URL, else " + Endpoint.DEFAULT_URL + ").")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "User name (default: $CUSTODIAN_USER).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (default: $CUSTODIAN_PASSWORD). There is no password flag.")
    Path passwordFile;

    @Option(names = "--insecure-http",
            description = "Allow plain http:// to a host other than this machine (the password travels unencrypted).")
    boolean insecureHttp;

    @Option(names = "--json", description = "Print the API's JSON answer exactly as the server sent it.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success (for cron); errors still go to stderr.")
    boolean quiet;

    @Option(names = "--http-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up on one HTTP request after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    Api api() {
        if (timeoutSeconds < 1) {
            throw CliException.usage("--http-timeout must be at least 1 second");
        }
        return new Api(Endpoint.resolve(url, user, passwordFile, insecureHttp, System.getenv()), Duration.ofSeconds(timeoutSeconds));
    }

    /** Prints {@code text} (a human message) unless {@code -q} or {@code --json} was given. */
    void say(PrintWriter out, String text) {
        if (!quiet && !json) {
            out.print(text);
            out.flush();
        }
    }

    /** Prints the API's answer as it came, for {@code --json}. */
    void raw(PrintWriter out, Reply reply) {
        out.println(reply.body().strip());
        out.flush();
    }
}
