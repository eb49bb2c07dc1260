package dev.custodian.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Numbers for people: sizes in binary units (1.2 GiB), durations humanised (41 ms, 1.2 s, 3 min 4 s). */
final class Format {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Format() {
    }

    /** {@code 512 B}, {@code 1.0 KiB}, {@code 50.0 MiB}, {@code 1.2 GiB}: one decimal from a KiB up. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (String.format(Locale.ROOT, "%.1f", value).equals("1024.0") && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@code 41 ms}, {@code 1.2 s}, {@code 3 min 4 s}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long seconds = ms / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 24 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        long hours = minutes / 60;
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /** An API instant in the local time zone, to the second; what is not an instant is shown as it is. */
    static String instant(String iso, ZoneId zone) {
        if (iso == null || iso.isEmpty()) {
            return "-";
        }
        try {
            return LOCAL.format(Instant.parse(iso).atZone(zone));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The first 8 characters of an id, as git shortens hashes; enough to tell runs apart in a table. */
    static String shortId(String id) {
        return id == null ? "-" : id.length() > 8 ? id.substring(0, 8) : id;
    }
}
