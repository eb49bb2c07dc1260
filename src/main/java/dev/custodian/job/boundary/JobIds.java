package dev.custodian.job.boundary;

import dev.custodian.job.control.InvalidJobRequestException;
import java.util.UUID;

public final class JobIds {

    private JobIds() {
    }

    public static UUID parse(String text) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        String shown = text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " characters)" : text;
        throw new InvalidJobRequestException("'" + shown + "' is not a job id (expected a UUID)");
    }
}
