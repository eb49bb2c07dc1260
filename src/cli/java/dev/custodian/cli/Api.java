package dev.custodian.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Custodian HTTP API as the CLI uses it: the JDK's HTTP client, Basic authentication on every request, no
 * redirects followed (credentials go to the named server only). Error answers become {@link CliException}s that
 * say what went wrong and what to do.
 */
final class Api {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    private final Endpoint endpoint;
    private final Duration timeout;
    private final HttpClient http;

    Api(Endpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** multipart/form-data: the text {@code fields}, then the file as part {@code file}, streamed from disk. */
    Reply upload(String path, Map<String, String> fields, Path file) {
        String boundary = "custodian-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(file.getFileName().toString().replace("\"", "")).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        HttpRequest.BodyPublisher content;
        try {
            content = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8), content,
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
    }

    /** The reply when its status is one of {@code expected}, else the explained failure. */
    Reply expect(Reply reply, String action, boolean startsCleanupRun, Integer... expected) {
        if (List.of(expected).contains(reply.status())) {
            return reply;
        }
        throw Failures.of(reply.status(), reply.detail(), endpoint.user(), action, startsCleanupRun);
    }

    private HttpRequest.Builder request(String path) {
        String credentials = endpoint.user() + ":" + endpoint.password();
        return HttpRequest.newBuilder(URI.create(endpoint.base() + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Location"));
        } catch (java.net.http.HttpTimeoutException e) {
            throw new CliException(ExitCode.FAILED, "the server at " + endpoint.base() + " did not answer within "
                    + timeout.toSeconds() + " s: it may be overloaded; a longer --http-timeout waits longer");
        } catch (IOException e) {
            throw Failures.unreachable(endpoint.base().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILED, "interrupted");
        }
    }
}
