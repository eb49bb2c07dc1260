package dev.custodian.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Pieces of API paths and queries from user input, encoded so that input never changes the path. */
final class Paths {

    private Paths() {
    }

    static String segment(String value) {
        return URLEncoder.encode(value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
