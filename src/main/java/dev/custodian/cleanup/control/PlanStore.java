package dev.custodian.cleanup.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Where plans are kept ({@link CleanupPlans}: the {@code cleanup_plan_item} table); each call its own transaction. */
public interface PlanStore {

    void add(UUID plan, String target, List<PlanItem> items);

    /**
     * Before an apply: brings the database's statistics of the plan table up to date, so that statements joining
     * a plan are planned for its real size (a dry run may just have written a million rows that no autovacuum has
     * analysed yet; planned as a table of one row, the join of each purge batch reads the whole plan).
     */
    void analyze();

    /** Sets what deleting each of these items of the plan frees, in bytes. */
    void sized(UUID plan, String target, Map<String, Long> bytes);

    /** Those of {@code items} that plan {@code plan} lists for {@code target} with one of {@code steps}. */
    Set<String> planned(UUID plan, String target, Set<String> steps, Collection<String> items);

    /** Records that apply run {@code by} deleted {@code items} of the plan. */
    void applied(UUID plan, String target, Collection<String> items, UUID by);

    /** How many of the plan's items for {@code target} apply run {@code by} did not delete. */
    long skipped(UUID plan, String target, UUID by);

    /** The first {@code limit} of those, in the plan's order. */
    List<String> skippedFirst(UUID plan, String target, UUID by, int limit);
}
