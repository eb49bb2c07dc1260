package dev.custodian.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server is and who the CLI is there. From flags first, then {@code CUSTODIAN_URL},
 * {@code CUSTODIAN_USER}, {@code CUSTODIAN_PASSWORD}; a password comes only from the environment or a file, never
 * from a flag (it would show in {@code ps} and the shell's history). Basic credentials over plain HTTP are refused
 * to any host but this machine's loopback, unless the caller insists ({@code --insecure-http}).
 */
record Endpoint(URI base, String user, String password) {

    static final String DEFAULT_URL = "http://localhost:8080";

    /** Never shows the password. */
    @Override
    public String toString() {
        return user + " at " + base;
    }

    static Endpoint resolve(String urlFlag, String userFlag, Path passwordFile, boolean insecureHttp, Map<String, String> env) {
        URI base = base(firstSet(urlFlag, env.get("CUSTODIAN_URL"), DEFAULT_URL));
        if ("http".equals(base.getScheme()) && !insecureHttp && !isLoopback(base.getHost())) {
            throw CliException.usage("refusing to send a password over plain HTTP to " + base.getHost()
                    + ": use an https:// URL, or add --insecure-http if this network is trusted");
        }
        String user = firstSet(userFlag, env.get("CUSTODIAN_USER"), null);
        if (user == null) {
            throw CliException.usage("no user: give --user NAME or set CUSTODIAN_USER");
        }
        String password = passwordFile != null ? read(passwordFile) : env.get("CUSTODIAN_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw CliException.usage("no password for " + user + ": set CUSTODIAN_PASSWORD or give --password-file FILE");
        }
        return new Endpoint(base, user, password);
    }

    private static String firstSet(String flag, String env, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag.trim();
        }
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        return fallback;
    }

    private static URI base(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw CliException.usage("the server URL '" + url + "' is not an http:// or https:// URL with a host"
                        + " (e.g. --url https://custodian.example.com)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.usage("the server URL '" + url + "' is not a URL: " + e.getReason());
        }
    }

    /** {@code localhost}, 127.0.0.0/8 and ::1 without asking a name server about anything else. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: not resolved, so not trusted
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The first line of the file, without its line end: what {@code echo secret > file} writes. */
    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw CliException.usage("cannot read the password file " + file + ": " + e.getMessage());
        }
    }
}
