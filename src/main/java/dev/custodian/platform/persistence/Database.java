package dev.custodian.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Which database the service runs on, for the few statements that are worth writing for PostgreSQL alone (the
 * embedded H2 takes the portable path). Decided once, from Hibernate's dialect.
 */
@ApplicationScoped
public class Database {

    private static final String PLAN_BY_INDEX = "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)";

    @PersistenceUnit
    EntityManagerFactory emf;

    private volatile Boolean postgres;

    /**
     * Until the end of the current transaction, has PostgreSQL plan every statement by index: no sequential scans,
     * no explicit sorts, whatever its statistics say. For the queue's hot statements (claims, completions), whose
     * plans must not depend on how many jobs were PENDING when the table was last analyzed: statistics from a quiet
     * moment (nothing waiting, or a table still nearly empty) make a sort of the whole backlog, or a scan of the
     * whole table, look as cheap as an index. One statement; nothing on H2.
     */
    public void planByIndex(EntityManager em) {
        if (isPostgres()) {
            em.createNativeQuery(PLAN_BY_INDEX).getSingleResult();
        }
    }

    /** {@link #planByIndex(EntityManager)} on a connection of the transaction, for plain JDBC. */
    public void planByIndex(java.sql.Connection connection) throws java.sql.SQLException {
        if (isPostgres()) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute(PLAN_BY_INDEX);
            }
        }
    }

    public boolean isPostgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect() instanceof PostgreSQLDialect;
            postgres = pg;
        }
        return pg;
    }
}
