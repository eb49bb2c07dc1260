package dev.custodian.job.control;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of the job list; each is a keyset over {@code (column, id)} with an index of V20__dashboard.sql.
 * Sorting by {@code finishedAt} lists finished jobs only (the others have no finish time yet).
 */
public enum JobSort {
    CREATED_DESC("-createdAt", "createdAt", true),
    CREATED_ASC("createdAt", "createdAt", false),
    FINISHED_DESC("-finishedAt", "finishedAt", true),
    FINISHED_ASC("finishedAt", "finishedAt", false);

    private final String text;
    private final String field;
    private final boolean descending;

    JobSort(String text, String field, boolean descending) {
        this.text = text;
        this.field = field;
        this.descending = descending;
    }

    public static JobSort parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text.trim())).findFirst()
                .orElseThrow(() -> new InvalidJobRequestException("sort '" + text + "' is not one of "
                        + Arrays.stream(values()).map(s -> s.text).collect(Collectors.joining(", "))));
    }

    /** The entity field the keyset runs over. */
    public String field() {
        return field;
    }

    public boolean descending() {
        return descending;
    }
}
