package dev.custodian.job.control;

import dev.custodian.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Picks the {@link JobInserts} for the database the service runs on, once. */
@ApplicationScoped
class JobInsertDialect {

    @Produces
    @ApplicationScoped
    JobInserts inserts(Database database, PostgresJobInserts postgres, EntityJobInserts portable) {
        return database.isPostgres() ? postgres : portable;
    }
}
