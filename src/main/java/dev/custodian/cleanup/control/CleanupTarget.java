package dev.custodian.cleanup.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/**
 * One kind of thing a cleanup run removes. It owns its name, its place in a run, its part of a cleanup request
 * (the section named after it: parsing and validation against its configured policy) and the description of its
 * effective policy; the cleanup feature knows only this interface. The same selection serves the dry and the real
 * run: in a dry run the target only counts what it would delete, in a real run it deletes it, in bounded batches,
 * each committed on its own; errors on single candidates are counted and the target goes on.
 */
public interface CleanupTarget {

    /** {@code jobs}, {@code events}, {@code files} or {@code backups}: the name in requests, reports and metrics. */
    String name();

    /** Targets of one run run in ascending order. */
    int order();

    /** The fields of this target's section in a request ({@code "<name>": {...}}); empty: the request has none. */
    default Set<String> overrideFields() {
        return Set.of();
    }

    /**
     * Reads this target's section of a request (its fields already checked against {@link #overrideFields()}) and
     * refuses values that would make its effective policy (the configuration with the overrides laid over it)
     * invalid, before a run row exists or anything is deleted.
     *
     * @return what {@link CleanupContext#overrides(CleanupTarget, Class)} gives back during the run
     * @throws InvalidCleanupRequestException naming the field
     */
    default Object readOverrides(JsonObject section) {
        return null;
    }

    /** Adds this target's configured policy to the policy of {@code GET /api/system/cleanup/status}. */
    default void describePolicy(JsonObjectBuilder policy) {
    }

    /**
     * Runs the target. A dry run also records each item it would delete in {@link CleanupContext#plan()}; an apply
     * run deletes only what its selection finds now and the plan allows ({@link RunPlan#allowed}), and records what
     * it deleted ({@link RunPlan#applied}).
     */
    void run(CleanupContext context, TargetTally tally);

    /** Why an apply run did not delete {@code item} of its plan (for the few its report lists). */
    default String whySkipped(String item) {
        return "no longer due";
    }
}
