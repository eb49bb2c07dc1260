package dev.custodian.cleanup.control;

import jakarta.persistence.Query;
import java.util.Objects;
import java.util.UUID;

/**
 * One target's and one step's rows of a stored plan, as native SQL fragments that a target's own statements embed,
 * so that the items of a large selection never travel through the server: a dry run inserts what its statement
 * selects ({@link #insertSql}); an apply run's statement deletes only what the plan lists ({@link #listsSql}) and
 * marks it applied in the same transaction ({@link #markAppliedSql}). The table stays this package's; the fragments
 * name their parameters {@code :planId}, {@code :planTarget}, {@code :planStep} and either {@code :planReason}
 * (recording) or {@code :appliedBy} (applying), all bound by {@link #bind}. Made by {@link RunPlan}.
 *
 * @param appliedBy the apply run, or {@code null} when a dry run records
 */
public record PlanRows(UUID plan, String target, String step, String reason, UUID appliedBy) {

    public PlanRows {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(step, "step");
    }

    /**
     * {@code INSERT} of one plan row per row of {@code from}, its item {@code itemSql} and its bytes {@code bytesSql}
     * (SQL over {@code from}'s columns); usable as a data-modifying {@code WITH} query.
     */
    public String insertSql(String from, String itemSql, String bytesSql) {
        return "insert into cleanup_plan_item (run_id, target, item, step, reason, bytes) select :planId, :planTarget, "
                + itemSql + ", :planStep, :planReason, " + bytesSql + " from " + from;
    }

    /** The condition "the plan lists {@code itemSql} with this step", starting with " and ". */
    public String listsSql(String itemSql) {
        return " and exists (select 1 from cleanup_plan_item pi where pi.run_id = :planId and pi.target = :planTarget"
                + " and pi.step = :planStep and pi.item = " + itemSql + ")";
    }

    /** {@code UPDATE} marking the plan's items {@code itemSql} of the rows of {@code from} as applied by this run. */
    public String markAppliedSql(String from, String itemSql) {
        return "update cleanup_plan_item pi set applied_by = :appliedBy from " + from
                + " where pi.run_id = :planId and pi.target = :planTarget and pi.item = " + itemSql;
    }

    public void bind(Query query) {
        query.setParameter("planId", plan).setParameter("planTarget", target).setParameter("planStep", step);
        if (appliedBy == null) {
            query.setParameter("planReason", reason);
        } else {
            query.setParameter("appliedBy", appliedBy);
        }
    }
}
