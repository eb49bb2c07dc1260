package dev.custodian.cleanup.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A run's side of stored plans. A dry run records what its targets select, in batches as they stream (never the
 * whole selection in memory); an apply run restricts what the same selection, made now, deletes to the items the
 * plan lists with the same step (the intersection), records what it deleted, and reports the rest of the plan as
 * skipped; any other run neither records nor restricts. Not thread-safe: one per run, used by its run's thread.
 */
public final class RunPlan {

    private enum Mode { NONE, RECORD, APPLY }

    /** Neither records nor restricts: ordinary real runs. */
    public static final RunPlan NONE = new RunPlan(Mode.NONE, null, null, null, 1);

    private final Mode mode;
    private final PlanStore store;
    private final UUID plan;
    private final UUID run;
    private final int batchSize;
    private final Map<String, List<PlanItem>> pending = new HashMap<>();

    private RunPlan(Mode mode, PlanStore store, UUID plan, UUID run, int batchSize) {
        this.mode = mode;
        this.store = store;
        this.plan = plan;
        this.run = run;
        this.batchSize = batchSize;
    }

    /** Dry run {@code run} records its plan, {@code batchSize} items per write. */
    public static RunPlan recording(PlanStore store, UUID run, int batchSize) {
        return new RunPlan(Mode.RECORD, store, run, run, batchSize);
    }

    /** Run {@code run} applies the plan of dry run {@code plan}. */
    public static RunPlan applying(PlanStore store, UUID plan, UUID run, int batchSize) {
        return new RunPlan(Mode.APPLY, store, plan, run, batchSize);
    }

    public boolean recording() {
        return mode == Mode.RECORD;
    }

    /** Whether deletions are restricted to a plan's items. */
    public boolean restricted() {
        return mode == Mode.APPLY;
    }

    /** Before the run's targets: an apply run has the plan table's statistics brought up to date ({@link PlanStore#analyze}). */
    public void start() {
        if (mode == Mode.APPLY) {
            store.analyze();
        }
    }

    /** A dry run: {@code item} of {@code target} goes into the plan (written once a batch is full); else nothing. */
    public void record(String target, PlanItem item) {
        if (mode != Mode.RECORD) {
            return;
        }
        List<PlanItem> batch = pending.computeIfAbsent(target, t -> new ArrayList<>());
        batch.add(item);
        if (batch.size() >= batchSize) {
            flush(target);
        }
    }

    /**
     * The candidates this run may delete: all of them, unless it applies a plan; then those the plan lists for
     * {@code target} with one of {@code steps}, in their order.
     */
    public <T> List<T> allowed(String target, Set<String> steps, List<T> candidates, Function<T, String> item) {
        if (mode != Mode.APPLY || candidates.isEmpty()) {
            return candidates;
        }
        List<T> allowed = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += batchSize) {
            List<T> chunk = candidates.subList(from, Math.min(candidates.size(), from + batchSize));
            Set<String> planned = store.planned(plan, target, steps, chunk.stream().map(item).toList());
            chunk.stream().filter(c -> planned.contains(item.apply(c))).forEach(allowed::add);
        }
        return allowed;
    }

    /**
     * Where a dry run's statement may write its items of {@code target} itself ({@link PlanRows#insertSql}) instead
     * of handing them to {@link #record}: present when this run records its plan.
     */
    public Optional<PlanRows> recordingRows(String target, String step, String reason) {
        return mode == Mode.RECORD ? Optional.of(new PlanRows(plan, target, step, reason, null)) : Optional.empty();
    }

    /**
     * Where an apply run's statement restricts itself to the plan's items of {@code target} with {@code step} and
     * marks them applied itself ({@link PlanRows#listsSql}, {@link PlanRows#markAppliedSql}) instead of going
     * through {@link #allowed} and {@link #applied}: present when this run applies a plan.
     */
    public Optional<PlanRows> applyingRows(String target, String step) {
        return mode == Mode.APPLY ? Optional.of(new PlanRows(plan, target, step, null, run)) : Optional.empty();
    }

    /** A dry run whose statements wrote its items ({@link #recordingRows}): what deleting some of them frees. */
    public void sized(String target, Map<String, Long> bytes) {
        if (mode == Mode.RECORD && !bytes.isEmpty()) {
            store.sized(plan, target, bytes);
        }
    }

    /** As {@link #allowed} for one item. */
    public boolean allows(String target, String step, String item) {
        return !allowed(target, Set.of(step), List.of(item), Function.identity()).isEmpty();
    }

    /** An apply run deleted these items of the plan. */
    public void applied(String target, Collection<String> items) {
        if (mode == Mode.APPLY && !items.isEmpty()) {
            store.applied(plan, target, items, run);
        }
    }

    /**
     * The end of {@code target}: a dry run writes the rest of its items; an apply run counts the plan's items it did
     * not delete as skipped and lists the first of them in the sample, each with why ({@code whySkipped}).
     */
    public void finish(String target, TargetTally tally, Function<String, String> whySkipped) {
        if (mode == Mode.RECORD) {
            flush(target);
        } else if (mode == Mode.APPLY) {
            tally.skipped(store.skipped(plan, target, run));
            for (String item : store.skippedFirst(plan, target, run, TargetTally.SAMPLE_SIZE)) {
                tally.skippedLabel(item + " skipped: " + whySkipped.apply(item));
            }
        }
    }

    private void flush(String target) {
        List<PlanItem> batch = pending.remove(target);
        if (batch != null && !batch.isEmpty()) {
            store.add(plan, target, batch);
        }
    }
}
