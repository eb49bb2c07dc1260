package dev.custodian.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration syntax of the configuration and the API: a whole number with a unit
 * ({@code 0}, {@code 500ms}, {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d}) or ISO-8601 ({@code PT1H},
 * {@code P7D}). Negative durations are rejected: every duration Custodian takes is an age or an interval; so are
 * durations longer than {@link #MAX} (100 years).
 */
public final class Durations {

    /**
     * The longest duration accepted anywhere: about 100 years. Every duration is an age or an interval, and
     * {@code now - duration} must stay a timestamp both databases store (PostgreSQL's ends at 4713 BC).
     */
    public static final Duration MAX = Duration.ofDays(36_500);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException with a message fit for a user when the text is not a duration */
    public static Duration parse(String text) {
        Duration d = parseUncapped(text);
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text.trim() + "' is longer than the maximum of " + format(MAX) + " (100 years)");
        }
        return d;
    }

    private static Duration parseUncapped(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required (e.g. 90s, 15m, 24h, 7d or PT1H)");
        }
        String value = text.trim();
        Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (unit == null) {
                if (amount != 0) {
                    throw new IllegalArgumentException("'" + value + "' has no unit (use ms, s, m, h or d)");
                }
                return Duration.ZERO;
            }
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        if (value.length() > 1 && (value.charAt(0) == 'P' || value.charAt(0) == 'p')) {
            try {
                Duration d = Duration.parse(value);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("'" + value + "' is negative");
                }
                return d;
            } catch (DateTimeParseException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a duration (e.g. 90s, 15m, 24h, 7d or PT1H; negative values are not allowed)");
    }

    /** Formats the way a user would write it back: the largest whole unit. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
