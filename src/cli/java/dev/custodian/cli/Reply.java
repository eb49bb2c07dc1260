package dev.custodian.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/** An HTTP answer: status, the body as the server sent it (printed as it is by {@code --json}), Location. */
record Reply(int status, String body, String contentType, Optional<String> location) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    JsonObject object() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    JsonArray array() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    /** The {@code detail} of a problem answer (RFC 9457), or a short excerpt of whatever else came back. */
    String detail() {
        if (contentType.contains("json")) {
            try {
                JsonObject problem = object();
                if (problem.containsKey("detail") && !problem.isNull("detail")) {
                    return problem.getString("detail");
                }
                return problem.getString("title", body);
            } catch (JsonException | ClassCastException e) {
                // not the JSON it claimed: fall through to the text
            }
        }
        String text = body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
