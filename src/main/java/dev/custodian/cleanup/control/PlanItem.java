package dev.custodian.cleanup.control;

import java.time.Duration;
import java.util.Objects;

/**
 * One item of a stored cleanup plan: what a dry run found its target would delete, and why.
 *
 * @param item   a job or event id, a path relative to the data root, or {@code backups/<environment>/<name>}
 * @param step   what the real run does to it: {@link #SOFT_DELETE}, {@link #PURGE} or {@link #DELETE}; an apply run
 *               only does to an item the step the plan recorded for it
 * @param reason why it is due, e.g. {@code ttl completed 24h}, {@code temp age 9d > 7d}, {@code orphan},
 *               {@code bucket keep-last 5}
 * @param bytes  what deleting it frees, or {@code -1} where not known
 */
public record PlanItem(String item, String step, String reason, long bytes) {

    public static final String SOFT_DELETE = "soft-delete";
    public static final String PURGE = "purge";
    public static final String DELETE = "delete";

    public PlanItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    /** The item as a run's report lists it in its sample: {@code "<item> <reason>"}, in dry and real runs alike. */
    public String label() {
        return label(item, reason);
    }

    public static String label(String item, String reason) {
        return item + " " + reason;
    }

    /** An age as a reason gives it: whole days, else hours, minutes or seconds, rounded down ({@code 9d}). */
    public static String age(Duration age) {
        long s = Math.max(0, age.getSeconds());
        if (s >= 86_400) {
            return s / 86_400 + "d";
        }
        if (s >= 3_600) {
            return s / 3_600 + "h";
        }
        return s >= 60 ? s / 60 + "m" : s + "s";
    }
}
