package dev.custodian.worker.control;

import dev.custodian.job.control.JobChanged;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobRow;
import dev.custodian.job.entity.JobEventType;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Claims and completions on PostgreSQL, one statement each: the rows are picked (or locked in id order), changed
 * and given their {@code job_event} rows by the database, instead of being loaded, changed and flushed one entity
 * at a time. The statements write what {@link Job#start} and {@link Job#complete} write (QueueTransitionsIT reads
 * the rows both ways); an event's id takes a whole value of {@code job_event_seq}, whose other 49 (the entities'
 * allocation block) stay unused.
 */
@ApplicationScoped
@Typed(PostgresQueueStatements.class)
class PostgresQueueStatements implements QueueStatements {

    /**
     * Job.start: RUNNING, one more attempt, held until the lease, timed out after its own timeout from now. Answers
     * the rows as they were picked, before the update, for {@link Job#start} to replay.
     */
    static String claim(int types) {
        return """
            WITH picked AS (
                SELECT * FROM job
                WHERE status = 'PENDING' AND type IN (%s) AND run_at <= ? AND deleted_at IS NULL
                ORDER BY run_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED),
            started AS (
                UPDATE job j SET status = 'RUNNING', attempts = j.attempts + 1, worker_id = ?, lease_expires_at = ?,
                    started_at = ?, timeout_at = CAST(? AS TIMESTAMP WITH TIME ZONE) + j.timeout_seconds * INTERVAL '1 second',
                    error = NULL, version = j.version + 1
                FROM picked WHERE j.id = picked.id
                RETURNING j.id, j.attempts, j.max_attempts),
            logged AS (
                INSERT INTO job_event (id, job_id, at, type, from_status, to_status, node_id, message)
                SELECT nextval('job_event_seq'), id, ?, 'STARTED', 'PENDING', 'RUNNING', ?,
                       'attempt ' || attempts || ' of ' || max_attempts
                FROM started)
            SELECT * FROM picked""".formatted(String.join(", ", java.util.Collections.nCopies(types, "?")));
    }

    /** Job.complete: COMPLETED with its result and output file, finished now, let go by its holder. */
    static final String COMPLETE = """
            WITH held AS (
                SELECT id FROM job WHERE id = ANY(?) AND status = 'RUNNING' AND worker_id = ?
                ORDER BY id
                FOR UPDATE),
            done AS (
                UPDATE job j SET status = 'COMPLETED', result = v.result, output_file = v.output_file,
                    finished_at = ?, worker_id = NULL, lease_expires_at = NULL, timeout_at = NULL, version = j.version + 1
                FROM held JOIN unnest(?, ?, ?) AS v(id, result, output_file) ON v.id = held.id
                WHERE j.id = held.id
                RETURNING j.id, j.type, j.attempts, j.input_file, j.started_at),
            logged AS (
                INSERT INTO job_event (id, job_id, at, type, from_status, to_status, node_id, message)
                SELECT nextval('job_event_seq'), id, ?, 'COMPLETED', 'RUNNING', 'COMPLETED', ?, NULL
                FROM done)
            SELECT * FROM done""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    @Inject
    JobTimeline timeline;

    @Override
    public List<Job> claim(String worker, Collection<String> types, int max, Instant now, Instant leaseUntil) {
        List<Job> claimed = work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(claim(types.size()))) {
                int i = 0;
                for (String type : types) {
                    statement.setString(++i, type);
                }
                OffsetDateTime at = utc(now);
                statement.setObject(++i, at);
                statement.setInt(++i, max);
                statement.setString(++i, worker);
                statement.setObject(++i, utc(leaseUntil));
                statement.setObject(++i, at);
                statement.setObject(++i, at);
                statement.setObject(++i, at);
                statement.setString(++i, worker);
                List<Job> picked = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        picked.add(Job.pendingRow(new Columns(rows)));
                    }
                }
                return picked;
            }
        });
        claimed.sort(java.util.Comparator.comparing(Job::runAt).thenComparing(Job::id));
        for (Job job : claimed) {
            timeline.announce(job, job.start(worker, now, leaseUntil));
        }
        return claimed;
    }

    @Override
    public Set<UUID> complete(String worker, Map<UUID, Leases.Completion> completions, Instant now) {
        List<Completed> done = work(connection -> complete(connection, worker, completions, now));
        Set<UUID> ids = new HashSet<>();
        for (Completed c : done) {
            timeline.announce(JobChanged.attemptEnded(c.id(), c.type(), JobEventType.COMPLETED, JobStatus.COMPLETED,
                    c.inputFile(), c.startedAt(), now), c.attempts(), null);
            ids.add(c.id());
        }
        return ids;
    }

    private static List<Completed> complete(Connection connection, String worker, Map<UUID, Leases.Completion> completions,
                                            Instant now) throws SQLException {
        UUID[] ids = completions.keySet().toArray(UUID[]::new);
        String[] results = new String[ids.length];
        String[] outputs = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            results[i] = completions.get(ids[i]).resultJson();
            outputs[i] = completions.get(ids[i]).outputFile();
        }
        OffsetDateTime at = utc(now);
        try (PreparedStatement statement = connection.prepareStatement(COMPLETE)) {
            java.sql.Array idArray = connection.createArrayOf("uuid", ids);
            statement.setArray(1, idArray);
            statement.setString(2, worker);
            statement.setObject(3, at);
            statement.setArray(4, idArray);
            statement.setArray(5, connection.createArrayOf("text", results));
            statement.setArray(6, connection.createArrayOf("text", outputs));
            statement.setObject(7, at);
            statement.setString(8, worker);
            List<Completed> done = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    java.sql.Timestamp started = rows.getTimestamp("started_at");
                    done.add(new Completed(UUID.fromString(rows.getString("id")), rows.getString("type"), rows.getInt("attempts"),
                            rows.getString("input_file"), started == null ? null : started.toInstant()));
                }
            }
            return done;
        }
    }

    /** Runs {@code sql} on the transaction's connection, every statement planned by index ({@link Database#planByIndex}). */
    private <T> T work(Sql<T> sql) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            database.planByIndex(connection);
            return sql.run(connection);
        });
    }

    private interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The current row of a result set, by column name. Through the JDBC 4.0 getters only: the server's pool wraps
     * the driver's result set and reaches JDBC 4.1's {@code getObject(column, type)} by a reflective lookup per call.
     */
    private record Columns(ResultSet rows) implements JobRow {

        @Override
        public String text(String column) {
            return read(() -> rows.getString(column));
        }

        @Override
        public int integer(String column) {
            return read(() -> rows.getInt(column));
        }

        @Override
        public long number(String column) {
            return read(() -> rows.getLong(column));
        }

        @Override
        public Instant instant(String column) {
            java.sql.Timestamp t = read(() -> rows.getTimestamp(column));
            return t == null ? null : t.toInstant();
        }

        @Override
        public UUID uuid(String column) {
            String id = read(() -> rows.getString(column));
            return id == null ? null : UUID.fromString(id);
        }

        private static <T> T read(Column<T> column) {
            try {
                return column.get();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a claimed job's column: " + e, e);
            }
        }

        private interface Column<T> {
            T get() throws SQLException;
        }
    }

    private record Completed(UUID id, String type, int attempts, String inputFile, Instant startedAt) {
    }
}
