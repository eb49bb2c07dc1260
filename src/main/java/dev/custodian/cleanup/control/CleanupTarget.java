package dev.custodian.cleanup.control;

/**
 * One kind of thing a cleanup run removes. The same selection serves the dry and the real run: in a dry run the
 * target only counts what it would delete, in a real run it deletes it, in bounded batches, each committed on
 * its own; errors on single candidates are counted and the target goes on.
 */
public interface CleanupTarget {

    /** {@code jobs}, {@code events}, {@code files} or {@code backups}. */
    String name();

    void run(CleanupContext context, TargetTally tally);

    /**
     * Refuses overrides that would make this target's effective policy (the configuration with the overrides laid
     * over it) invalid, before a run row exists or anything is deleted.
     *
     * @throws InvalidCleanupRequestException naming the field
     */
    default void validate(CleanupOverrides overrides) {
    }
}
