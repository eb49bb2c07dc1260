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
        throw new InvalidJobRequestException("'" + text + "' is not a job id (expected a UUID)");
    }
}
