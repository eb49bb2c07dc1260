package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * New jobs on PostgreSQL: one statement inserts all the rows of a transaction and their SUBMITTED events, from one
 * array per column, instead of persisting and flushing an entity and an event per job. It writes what
 * {@link Job#submit} and {@link Job#submitted} define (QueueTransitionsIT reads the rows both ways); an event's id
 * takes a whole value of {@code job_event_seq}, as the queue's statements do.
 */
@ApplicationScoped
@Typed(PostgresJobInserts.class)
class PostgresJobInserts implements JobInserts {

    /** The rows in the order given; each job runs from its creation, and its event is stamped with it. */
    static final String INSERT = """
            WITH created AS (
                INSERT INTO job (id, type, status, payload, attempts, max_attempts, timeout_seconds, owner, input_file,
                                 run_at, created_at, version)
                SELECT v.id, v.type, 'PENDING', v.payload, 0, v.max_attempts, v.timeout_seconds, v.owner, v.input_file,
                       v.created_at, v.created_at, 0
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::timestamptz[])
                     WITH ORDINALITY AS v(id, type, payload, max_attempts, timeout_seconds, owner, input_file, created_at, n)
                ORDER BY v.n
                RETURNING id, owner, created_at)
            INSERT INTO job_event (id, job_id, at, type, from_status, to_status, node_id, message)
            SELECT nextval('job_event_seq'), id, created_at, 'SUBMITTED', NULL, 'PENDING', ?, 'submitted by ' || owner
            FROM created""";

    @PersistenceContext
    EntityManager em;

    @Inject
    JobTimeline timeline;

    @Override
    public void insert(List<Job> created, String nodeId) {
        int n = created.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        Integer[] maxAttempts = new Integer[n];
        Integer[] timeouts = new Integer[n];
        String[] owners = new String[n];
        String[] inputs = new String[n];
        String[] createdAt = new String[n];
        for (int i = 0; i < n; i++) {
            Job job = created.get(i);
            ids[i] = job.id();
            types[i] = job.type();
            payloads[i] = job.payload();
            maxAttempts[i] = job.maxAttempts();
            timeouts[i] = job.timeoutSeconds();
            owners[i] = job.owner();
            inputs[i] = job.inputFile();
            createdAt[i] = job.createdAt().toString();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setArray(1, connection.createArrayOf("uuid", ids));
                statement.setArray(2, text(connection, types));
                statement.setArray(3, text(connection, payloads));
                statement.setArray(4, connection.createArrayOf("int4", maxAttempts));
                statement.setArray(5, connection.createArrayOf("int4", timeouts));
                statement.setArray(6, text(connection, owners));
                statement.setArray(7, text(connection, inputs));
                statement.setArray(8, text(connection, createdAt));
                statement.setString(9, nodeId);
                statement.executeUpdate();
            }
        });
        for (Job job : created) {
            timeline.announce(job, job.submitted(nodeId));
        }
    }

    private static java.sql.Array text(Connection connection, String[] values) throws java.sql.SQLException {
        return connection.createArrayOf("text", values);
    }
}
