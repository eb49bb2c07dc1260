package dev.custodian.job.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in the job list: the sort key ({@code createdAt}, or {@code finishedAt}/{@code deletedAt} in those
 * orders) and id of the last job on the previous page,
 * opaque to clients (URL-safe base64). Stable while jobs are added, unlike an offset.
 */
public record PageCursor(Instant createdAt, UUID id) {

    /** Cursors outside years 1 to 9999 were not made here, and both databases refuse or mangle such timestamps. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public String encode() {
        String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidJobRequestException when the text is not a cursor this service made */
    public static PageCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\.", 3);
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("out of range");
            }
            return new PageCursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidJobRequestException("cursor '" + text + "' is not valid; use the nextCursor of a previous page");
        }
    }
}
