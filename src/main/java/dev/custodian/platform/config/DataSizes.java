package dev.custodian.platform.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 100MB}, {@code 512KB}, {@code 1GB} or a plain byte count (binary units). */
public final class DataSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|kb|mb|gb|tb)?");

    private DataSizes() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 100MB, 512KB, 1GB or bytes)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            case "tb" -> 40;
            default -> 0;
        };
        if (Long.numberOfLeadingZeros(amount) <= shift) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return amount << shift;
    }
}
