package dev.custodian.worker.control;

import dev.custodian.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Picks the {@link QueueStatements} for the database the service runs on, once. */
@ApplicationScoped
class QueueDialect {

    @Produces
    @ApplicationScoped
    QueueStatements statements(Database database, PostgresQueueStatements postgres, EntityQueueStatements portable) {
        return database.isPostgres() ? postgres : portable;
    }
}
