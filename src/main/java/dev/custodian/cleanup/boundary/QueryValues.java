package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;

/** Reading the query parameters of the cleanup lists: a blank value is no value; a bad limit is a 400. */
final class QueryValues {

    private QueryValues() {
    }

    static Optional<String> value(MultivaluedMap<String, String> q, String name) {
        return Optional.ofNullable(q.getFirst(name)).filter(text -> !text.isBlank());
    }

    /** {@code limit}: a number from 1 to 500. */
    static int limit(String text) {
        int max;
        try {
            max = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidCleanupRequestException("limit '" + text + "' is not a number");
        }
        if (max < 1 || max > 500) {
            throw new InvalidCleanupRequestException("limit must be between 1 and 500");
        }
        return max;
    }
}
