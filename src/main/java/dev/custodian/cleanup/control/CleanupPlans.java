package dev.custodian.cleanup.control;

import dev.custodian.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The {@code cleanup_plan_item} table, through plain JDBC so that a batch of items is a few multi-row inserts; each call
 * its own transaction, so that a dry run's plan grows batch by batch as its targets stream.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class CleanupPlans implements PlanStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    /** One row of a plan page. */
    public record Row(String target, PlanItem item) {
    }

    /** Items per INSERT statement: one multi-row VALUES list (6 parameters a row, far below every driver's limit). */
    static final int ROWS_PER_INSERT = 500;

    @Override
    public void add(UUID plan, String target, List<PlanItem> items) {
        work(c -> {
            for (int from = 0; from < items.size(); from += ROWS_PER_INSERT) {
                List<PlanItem> chunk = items.subList(from, Math.min(items.size(), from + ROWS_PER_INSERT));
                String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)"));
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO cleanup_plan_item (run_id, target, item, step, reason, bytes) VALUES " + values)) {
                    int i = 0;
                    for (PlanItem item : chunk) {
                        insert.setObject(++i, plan);
                        insert.setString(++i, target);
                        insert.setString(++i, item.item());
                        insert.setString(++i, item.step());
                        insert.setString(++i, item.reason());
                        if (item.bytes() < 0) {
                            insert.setNull(++i, Types.BIGINT);
                        } else {
                            insert.setLong(++i, item.bytes());
                        }
                    }
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void analyze() {
        if (database.isPostgres()) {
            em.createNativeQuery("ANALYZE cleanup_plan_item").executeUpdate();
        }
    }

    @Override
    public void sized(UUID plan, String target, Map<String, Long> bytes) {
        work(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE cleanup_plan_item SET bytes = ? WHERE run_id = ? AND target = ? AND item = ?")) {
                for (Map.Entry<String, Long> e : bytes.entrySet()) {
                    update.setLong(1, e.getValue());
                    update.setObject(2, plan);
                    update.setString(3, target);
                    update.setString(4, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Set<String> planned(UUID plan, String target, Set<String> steps, Collection<String> items) {
        if (items.isEmpty() || steps.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT item FROM cleanup_plan_item WHERE run_id = ? AND target = ?"
                    + " AND step IN (" + marks(steps.size()) + ") AND item IN (" + marks(items.size()) + ")")) {
                int i = bind(select, plan, target);
                for (String step : steps) {
                    select.setString(++i, step);
                }
                for (String item : items) {
                    select.setString(++i, item);
                }
                Set<String> planned = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        planned.add(rows.getString(1));
                    }
                }
                return planned;
            }
        });
    }

    @Override
    public void applied(UUID plan, String target, Collection<String> items, UUID by) {
        work(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE cleanup_plan_item SET applied_by = ?"
                    + " WHERE run_id = ? AND target = ? AND item IN (" + marks(items.size()) + ")")) {
                update.setObject(1, by);
                update.setObject(2, plan);
                update.setString(3, target);
                int i = 3;
                for (String item : items) {
                    update.setString(++i, item);
                }
                return update.executeUpdate();
            }
        });
    }

    @Override
    public long skipped(UUID plan, String target, UUID by) {
        return work(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM cleanup_plan_item WHERE run_id = ? AND target = ?"
                    + " AND (applied_by IS NULL OR applied_by <> ?)")) {
                bind(count, plan, target);
                count.setObject(3, by);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public List<String> skippedFirst(UUID plan, String target, UUID by, int limit) {
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT item FROM cleanup_plan_item WHERE run_id = ? AND target = ?"
                    + " AND (applied_by IS NULL OR applied_by <> ?) ORDER BY item")) {
                bind(select, plan, target);
                select.setObject(3, by);
                select.setMaxRows(limit);
                List<String> items = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(rows.getString(1));
                    }
                }
                return items;
            }
        });
    }

    /** One page of plan {@code plan} in the order (target, item), after {@code after}; {@code limit + 1} rows at most. */
    public List<Row> page(UUID plan, Optional<String> target, Optional<PlanCursor> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT target, item, step, reason, bytes FROM cleanup_plan_item WHERE run_id = ?");
        target.ifPresent(t -> sql.append(" AND target = ?"));
        after.ifPresent(a -> sql.append(" AND (target > ? OR (target = ? AND item > ?))"));
        sql.append(" ORDER BY target, item");
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                int i = 0;
                select.setObject(++i, plan);
                if (target.isPresent()) {
                    select.setString(++i, target.get());
                }
                if (after.isPresent()) {
                    select.setString(++i, after.get().target());
                    select.setString(++i, after.get().target());
                    select.setString(++i, after.get().item());
                }
                select.setMaxRows(limit + 1);
                List<Row> rows = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        long bytes = r.getLong(5);
                        if (r.wasNull()) {
                            bytes = -1;
                        }
                        rows.add(new Row(r.getString(1), new PlanItem(r.getString(2), r.getString(3), r.getString(4), bytes)));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Deletes the items of every finished dry run that started before {@code before} (their plans expired) and
     * marks those runs as holding none; answers how many plans it deleted.
     */
    public int deleteExpired(Instant before) {
        return work(c -> {
            List<UUID> expired = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM cleanup_run WHERE plan_stored = TRUE AND started_at < ? AND status <> 'RUNNING'")) {
                select.setObject(1, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        expired.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM cleanup_plan_item WHERE run_id = ?");
                 PreparedStatement mark = c.prepareStatement("UPDATE cleanup_run SET plan_stored = FALSE WHERE id = ?")) {
                for (UUID id : expired) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                    mark.setObject(1, id);
                    mark.executeUpdate();
                }
            }
            return expired.size();
        });
    }

    private static int bind(PreparedStatement statement, UUID plan, String target) throws SQLException {
        statement.setObject(1, plan);
        statement.setString(2, target);
        return 2;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private <T> T work(Sql<T> sql) {
        return em.unwrap(Session.class).doReturningWork(sql::run);
    }

    private interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }
}
