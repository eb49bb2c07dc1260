package dev.custodian.worker.control;

import dev.custodian.job.control.JobChanged;
import dev.custodian.job.control.JobTimeline;
import dev.custodian.job.entity.Job;
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
import java.time.Duration;
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

    /** Job.start: RUNNING, one more attempt, held until the lease, timed out after its own timeout from now. */
    static final String CLAIM = """
            WITH picked AS (
                SELECT id FROM job
                WHERE status = 'PENDING' AND type IN (:types) AND run_at <= :now AND deleted_at IS NULL
                ORDER BY run_at
                LIMIT :max
                FOR UPDATE SKIP LOCKED),
            started AS (
                UPDATE job j SET status = 'RUNNING', attempts = j.attempts + 1, worker_id = :worker,
                    lease_expires_at = :leaseUntil, started_at = :now,
                    timeout_at = CAST(:now AS TIMESTAMP WITH TIME ZONE) + j.timeout_seconds * INTERVAL '1 second',
                    error = NULL, version = j.version + 1
                FROM picked WHERE j.id = picked.id
                RETURNING j.*),
            logged AS (
                INSERT INTO job_event (id, job_id, at, type, from_status, to_status, node_id, message)
                SELECT nextval('job_event_seq'), id, :now, 'STARTED', 'PENDING', 'RUNNING', :worker,
                       'attempt ' || attempts || ' of ' || max_attempts
                FROM started)
            SELECT * FROM started""";

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
    @SuppressWarnings("unchecked")
    public List<Job> claim(String worker, Collection<String> types, int max, Instant now, Instant leaseUntil) {
        database.planByIndex(em);
        List<Job> claimed = new ArrayList<>(em.createNativeQuery(CLAIM, Job.class)
                .setParameter("types", types)
                .setParameter("now", now)
                .setParameter("max", max)
                .setParameter("worker", worker)
                .setParameter("leaseUntil", leaseUntil)
                .getResultList());
        claimed.sort(java.util.Comparator.comparing(Job::runAt).thenComparing(Job::id));
        for (Job job : claimed) {
            timeline.announce(new JobChanged(job.id(), job.type(), JobEventType.STARTED, JobStatus.RUNNING, job.inputFile(), null),
                    job.attempts(), "attempt " + job.attempts() + " of " + job.maxAttempts());
        }
        return claimed;
    }

    @Override
    public Set<UUID> complete(String worker, Map<UUID, Leases.Completion> completions, Instant now) {
        database.planByIndex(em);
        List<Completed> done = em.unwrap(Session.class).doReturningWork(connection -> complete(connection, worker, completions, now));
        Set<UUID> ids = new HashSet<>();
        for (Completed c : done) {
            Duration ranFor = c.startedAt() == null ? null : Duration.between(c.startedAt(), now);
            timeline.announce(new JobChanged(c.id(), c.type(), JobEventType.COMPLETED, JobStatus.COMPLETED, c.inputFile(), ranFor),
                    c.attempts(), null);
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
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
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
                    OffsetDateTime started = rows.getObject("started_at", OffsetDateTime.class);
                    done.add(new Completed(rows.getObject("id", UUID.class), rows.getString("type"), rows.getInt("attempts"),
                            rows.getString("input_file"), started == null ? null : started.toInstant()));
                }
            }
            return done;
        }
    }

    private record Completed(UUID id, String type, int attempts, String inputFile, Instant startedAt) {
    }
}
