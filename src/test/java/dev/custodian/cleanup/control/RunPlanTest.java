package dev.custodian.cleanup.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    /** The plan table in memory: item -> (step, applied by). */
    private static final class Store implements PlanStore {
        final Map<String, String[]> rows = new LinkedHashMap<>();
        final List<Integer> writes = new ArrayList<>();

        @Override
        public void add(UUID plan, String target, List<PlanItem> items) {
            writes.add(items.size());
            items.forEach(i -> rows.put(target + ":" + i.item(), new String[] {i.step(), null}));
        }

        int analyzed;

        @Override
        public void analyze() {
            analyzed++;
        }

        @Override
        public void sized(UUID plan, String target, Map<String, Long> bytes) {
        }

        @Override
        public Set<String> planned(UUID plan, String target, Set<String> steps, Collection<String> items) {
            return Set.copyOf(items.stream().filter(i -> rows.containsKey(target + ":" + i) && steps.contains(rows.get(target + ":" + i)[0])).toList());
        }

        @Override
        public void applied(UUID plan, String target, Collection<String> items, UUID by) {
            items.forEach(i -> rows.get(target + ":" + i)[1] = by.toString());
        }

        @Override
        public long skipped(UUID plan, String target, UUID by) {
            return skippedFirst(plan, target, by, Integer.MAX_VALUE).size();
        }

        @Override
        public List<String> skippedFirst(UUID plan, String target, UUID by, int limit) {
            return rows.entrySet().stream().filter(e -> e.getKey().startsWith(target + ":") && !by.toString().equals(e.getValue()[1]))
                    .map(e -> e.getKey().substring(target.length() + 1)).limit(limit).toList();
        }
    }

    private static final UUID DRY = UUID.randomUUID();

    @Test
    void a_dry_run_writes_its_plan_in_batches_as_it_streams_and_the_rest_at_the_targets_end() {
        Store store = new Store();
        RunPlan plan = RunPlan.recording(store, DRY, 3);

        for (int i = 0; i < 7; i++) {
            plan.record("files", new PlanItem("temp/" + i, PlanItem.DELETE, "temp age 9d > 7d", 10));
        }
        assertThat(store.writes).containsExactly(3, 3);
        plan.finish("files", new TargetTally(), item -> "");

        assertThat(store.writes).containsExactly(3, 3, 1);
        assertThat(plan.allowed("files", Set.of(PlanItem.DELETE), List.of("x"), Function.identity())).as("not restricted").containsExactly("x");
    }

    @Test
    void apply_keeps_only_what_the_plan_lists_with_the_same_step_and_reports_the_rest_as_skipped() {
        Store store = new Store();
        store.add(DRY, "jobs", List.of(new PlanItem("a", PlanItem.SOFT_DELETE, "ttl completed 24h", -1),
                new PlanItem("b", PlanItem.PURGE, "restore window 3d", 0), new PlanItem("c", PlanItem.SOFT_DELETE, "ttl completed 24h", -1)));
        UUID run = UUID.randomUUID();
        RunPlan plan = RunPlan.applying(store, DRY, run, 2);

        List<String> dueNow = List.of("a", "b", "d", "e");
        List<String> allowed = plan.allowed("jobs", Set.of(PlanItem.SOFT_DELETE), dueNow, Function.identity());
        plan.applied("jobs", allowed);
        TargetTally tally = new TargetTally();
        plan.finish("jobs", tally, item -> "no longer due");

        assertThat(allowed).as("in the plan as a soft delete, and due now").containsExactly("a");
        assertThat(tally.report().skipped()).isEqualTo(2);
        assertThat(tally.report().sample()).containsExactly("b skipped: no longer due", "c skipped: no longer due");

        RunPlan again = RunPlan.applying(store, DRY, UUID.randomUUID(), 2);
        TargetTally second = new TargetTally();
        again.finish("jobs", second, item -> "gone");
        assertThat(second.report().skipped()).as("applied twice: nothing left").isEqualTo(3);
    }

    @Test
    void statements_write_into_the_plan_of_a_dry_run_and_are_restricted_by_the_plan_an_apply_run_applies() {
        UUID run = UUID.randomUUID();
        RunPlan dry = RunPlan.recording(new Store(), DRY, 3);
        RunPlan apply = RunPlan.applying(new Store(), DRY, run, 3);

        assertThat(dry.recordingRows("jobs", PlanItem.PURGE, "restore window 3d"))
                .contains(new PlanRows(DRY, "jobs", PlanItem.PURGE, "restore window 3d", null));
        assertThat(dry.applyingRows("jobs", PlanItem.PURGE)).isEmpty();
        assertThat(apply.applyingRows("jobs", PlanItem.PURGE)).contains(new PlanRows(DRY, "jobs", PlanItem.PURGE, null, run));
        assertThat(apply.recordingRows("jobs", PlanItem.PURGE, "r")).isEmpty();
        assertThat(RunPlan.NONE.recordingRows("jobs", PlanItem.PURGE, "r")).isEmpty();
        assertThat(RunPlan.NONE.applyingRows("jobs", PlanItem.PURGE)).isEmpty();
    }

    @Test
    void an_apply_run_has_the_plan_table_analysed_before_its_statements_join_it() {
        Store store = new Store();
        RunPlan.recording(store, DRY, 3).start();
        RunPlan.NONE.start();
        assertThat(store.analyzed).isZero();
        RunPlan.applying(store, DRY, UUID.randomUUID(), 3).start();
        assertThat(store.analyzed).isEqualTo(1);
    }

    @Test
    void an_ordinary_run_neither_records_nor_restricts() {
        RunPlan.NONE.record("jobs", new PlanItem("a", PlanItem.PURGE, "r", 1));
        assertThat(RunPlan.NONE.allows("jobs", PlanItem.PURGE, "anything")).isTrue();
        TargetTally tally = new TargetTally();
        RunPlan.NONE.finish("jobs", tally, item -> "");
        assertThat(tally.report().skipped()).isZero();
    }

    @Test
    void ages_in_reasons_are_whole_units_rounded_down() {
        assertThat(PlanItem.age(java.time.Duration.ofHours(9 * 24 + 23))).isEqualTo("9d");
        assertThat(PlanItem.age(java.time.Duration.ofMinutes(150))).isEqualTo("2h");
        assertThat(PlanItem.age(java.time.Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(PlanItem.age(java.time.Duration.ofSeconds(-5))).isEqualTo("0s");
        assertThat(new PlanItem("temp/x", PlanItem.DELETE, "temp age 9d > 7d", 3).label()).isEqualTo("temp/x temp age 9d > 7d");
    }
}
