package dev.custodian.files;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Tells the orphan sweep which file names under {@code output/} some job still references. The sweep asks in
 * batches of at most {@link #BATCH_SIZE} names, so an implementation can answer each batch with one query
 * ({@code ... WHERE output_file IN (:names)}) while the sweep streams the directory.
 */
@FunctionalInterface
public interface ReferenceCheck {

    int BATCH_SIZE = 500;

    /** Treats every name as referenced: the orphan sweep then selects nothing. */
    ReferenceCheck EVERYTHING = Set::copyOf;

    /**
     * @param names file names directly under {@code output/}, at most {@link #BATCH_SIZE}, never empty
     * @return those of {@code names} that are referenced; a name left out is an orphan and may be deleted
     */
    Set<String> referenced(List<String> names);

    /** A check asking one name at a time. */
    static ReferenceCheck of(Predicate<String> isReferenced) {
        return names -> names.stream().filter(isReferenced).collect(Collectors.toSet());
    }
}
