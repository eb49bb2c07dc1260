package dev.custodian.cleanup.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in a plan's pages, which go in the order {@code (target, item)}: the last item of the previous page,
 * opaque to clients (URL-safe base64). A text this service did not make is a 400.
 */
public record PlanCursor(String target, String item) {

    public String encode() {
        String raw = target + "\n" + item;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCleanupRequestException when {@code text} is not a cursor of a plan page */
    public static PlanCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
            int newline = raw.indexOf('\n');
            if (newline < 1 || newline == raw.length() - 1 || !raw.substring(0, newline).matches("[a-z]{1,16}")) {
                throw new IllegalArgumentException("not a plan cursor");
            }
            return new PlanCursor(raw.substring(0, newline), raw.substring(newline + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidCleanupRequestException("cursor '" + text + "' is not valid; use the nextCursor of a previous page");
        }
    }
}
