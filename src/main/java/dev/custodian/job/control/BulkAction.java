package dev.custodian.job.control;

import java.util.Arrays;
import java.util.Locale;

/** What {@code POST /api/jobs/bulk} does to every matching job. */
public enum BulkAction {
    CANCEL, DELETE, RESTORE, RETRY;

    public static BulkAction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobRequestException("action '" + text + "' is not one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
