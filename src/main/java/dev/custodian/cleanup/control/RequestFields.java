package dev.custodian.cleanup.control;

import dev.custodian.platform.config.Durations;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.Duration;

/** Strict readers of the values in a target's section of a cleanup request; a wrong value is a 400 naming the field. */
public final class RequestFields {

    private RequestFields() {
    }

    /** A duration such as {@code "2h"} or {@code "PT30M"}, or null when absent. */
    public static Duration duration(JsonObject section, String target, String field) {
        if (!section.containsKey(field) || section.isNull(field)) {
            return null;
        }
        if (!(section.get(field) instanceof JsonString text)) {
            throw new InvalidCleanupRequestException(target + "." + field + " must be a duration such as \"2h\" or \"PT30M\"");
        }
        try {
            return Durations.parse(text.getString());
        } catch (IllegalArgumentException e) {
            throw new InvalidCleanupRequestException(target + "." + field + ": " + e.getMessage());
        }
    }

    /** A whole number from 0 to {@code max}, or null when absent. */
    public static Integer count(JsonObject section, String target, String field, int max) {
        if (!section.containsKey(field) || section.isNull(field)) {
            return null;
        }
        if (!(section.get(field) instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().signum() < 0 || number.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidCleanupRequestException(target + "." + field + " must be a whole number from 0 to " + max);
        }
        return number.intValueExact();
    }
}
